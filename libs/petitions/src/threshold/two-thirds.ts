/**
 * "At the request of two-thirds of the delegates": with S seated delegates now and V signatures from
 * delegates who are seated now, the threshold is met when 3 x V >= 2 x S. Integers only, never floating
 * point; with nobody seated it can never be met.
 */
export function twoThirdsMet(validSignatures: number, seated: number): boolean {
  assertCount(validSignatures, 'validSignatures');
  assertCount(seated, 'seated');
  if (seated === 0) return false;
  return 3 * validSignatures >= 2 * seated;
}

/** The least V that meets the threshold for S seated: ceil(2S / 3), and for S = 0 none exists (null). */
export function signaturesNeeded(seated: number): number | null {
  assertCount(seated, 'seated');
  if (seated === 0) return null;
  return Math.floor((2 * seated + 2) / 3);
}

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}
