/**
 * RFC 4180 CSV, small on purpose: comma-separated, fields optionally in double quotes, a quote inside a
 * quoted field written twice, records ending in CRLF (LF or a lone CR are accepted too).
 */
export class CsvSyntaxError extends Error {
  constructor(
    /** 1-based record number, the header being record 1: the row a spreadsheet shows. */
    readonly record: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let atFieldStart = true;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
    atFieldStart = true;
  };

  while (i < text.length) {
    const char = text[i];
    if (atFieldStart && char === '"') {
      const opened = records.length + 1;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError(opened, 'a quoted field is not closed');
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          field += '"';
          i += 2;
        } else {
          field += text[i++];
        }
      }
      i++;
      if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        throw new CsvSyntaxError(records.length + 1, 'a closing quote must be followed by a comma or the end of the line');
      }
      atFieldStart = false;
    } else if (char === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else if (char === '"') {
      throw new CsvSyntaxError(records.length + 1, 'a quote inside an unquoted field: quote the whole field and double the quote');
    } else {
      field += char;
      atFieldStart = false;
      i++;
    }
  }
  // The last record, unless the text ended with a line break.
  if (!atFieldStart || record.length) endRecord();
  return records;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => row.map((value) => (NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',') + '\r\n')
    .join('');
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ as a formula, which a hostile value could use
 * to send the sheet elsewhere. Free-text cells get a leading apostrophe, which the programs show as text.
 */
export const neutralizeFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
