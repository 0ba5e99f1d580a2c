/** A resolution's permanent number: GC-<year>-<seq>, the sequence counted per council and per calendar year (UTC) of adoption. */
export function formatResolutionNumber(year: number, seq: number): string {
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must have four digits, got ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`seq must be a positive integer, got ${seq}`);
  return `GC-${year}-${seq}`;
}

const NUMBER = /^GC-(\d{4})-([1-9]\d{0,8})$/;

/** The year and sequence of a number as printed, or null when the text is not one. */
export function parseResolutionNumber(text: string): { year: number; seq: number } | null {
  const match = NUMBER.exec(text.trim());
  return match ? { year: Number(match[1]), seq: Number(match[2]) } : null;
}

/** The numbering year of an adoption at `at`: the UTC calendar year, so every server agrees whatever its time zone. */
export const numberingYear = (at: Date): number => at.getUTCFullYear();
