import { canonicalJson } from '../canonical/canonical-json';
import { EntryRecord } from './entry-stream-checker';
import { PublishedKey, SignedCheckpoint } from './verify-ledger';

/**
 * The export file: JSON lines. A header, every entry in sequence order, then every checkpoint the
 * exported entries cover, oldest first (the last line is the latest checkpoint).
 */
export const EXPORT_FORMAT = 'global-council-ledger-export';
export const EXPORT_VERSION = 1;

export interface ExportHeader extends Partial<PublishedKey> {
  type: 'header';
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  councilId: string;
  source: string;
  exportedAt: string;
}

export type ExportLine = ExportHeader | ({ type: 'entry' } & EntryRecord) | ({ type: 'checkpoint' } & SignedCheckpoint);

interface EntryLine {
  type: 'entry';
  seq: number;
  hash: string;
  entry: unknown;
}

export const headerLine = (header: Omit<ExportHeader, 'type' | 'format' | 'version'>) =>
  JSON.stringify({ type: 'header', format: EXPORT_FORMAT, version: EXPORT_VERSION, ...header });

/** The entry's canonical text goes in as it is (it is JSON), so that readers see structure and hash exactly what is written. */
export const entryLine = (entry: EntryRecord) => `${entryPrefix(entry.seq, entry.hash)}${entry.canonical}}`;

const entryPrefix = (seq: number, hash: string) => `{"type":"entry","seq":${seq},"hash":${JSON.stringify(hash)},"entry":`;

export const checkpointLine = (c: SignedCheckpoint) =>
  JSON.stringify({
    type: 'checkpoint',
    origin: c.origin,
    treeSize: c.treeSize,
    rootHash: c.rootHash,
    keyId: c.keyId,
    signature: c.signature,
  });

/** Entry lines start with this exact text, so that a pass looking for the other lines can skip them unparsed. */
export const ENTRY_LINE_PREFIX = '{"type":"entry",';

const SEQ_TEXT = /^[1-9][0-9]{0,15}$/;
const HASH_KEY = ',"hash":';
const ENTRY_KEY = ',"entry":';

/**
 * Reads an entry line exactly as `entryLine` writes it, by position rather than with JSON.parse: the text
 * is checked as JSON later, once, when the entry itself is checked. Null for any other shape.
 */
export function readEntryLine(text: string): EntryRecord | null {
  if (!text.startsWith(ENTRY_LINE_PREFIX) || !text.endsWith('}')) return null;
  const seqStart = ENTRY_LINE_PREFIX.length + '"seq":'.length;
  if (!text.startsWith('"seq":', ENTRY_LINE_PREFIX.length)) return null;
  const seqEnd = text.indexOf(HASH_KEY, seqStart);
  const hashStart = seqEnd + HASH_KEY.length + 1;
  const hashEnd = hashStart + 64;
  if (seqEnd < 0 || text[hashStart - 1] !== '"' || text[hashEnd] !== '"' || !text.startsWith(ENTRY_KEY, hashEnd + 1)) return null;
  const seq = text.slice(seqStart, seqEnd);
  if (!SEQ_TEXT.test(seq)) return null;
  return { seq: Number(seq), hash: text.slice(hashStart, hashEnd), canonical: text.slice(hashEnd + 1 + ENTRY_KEY.length, -1) };
}

/** Parses one line; throws, saying where (`line 12`), on anything that is not part of the format. */
export function parseExportLine(text: string, where: string): ExportLine {
  const entry = readEntryLine(text);
  if (entry) return { type: 'entry', ...entry };
  let value: ExportLine;
  try {
    value = JSON.parse(text) as ExportLine;
  } catch {
    throw new SyntaxError(`${where}: not JSON`);
  }
  switch (value?.type) {
    case 'header':
      if (value.format !== EXPORT_FORMAT || value.version !== EXPORT_VERSION) {
        throw new SyntaxError(`${where}: not a version ${EXPORT_VERSION} ledger export`);
      }
      return value;
    case 'entry': {
      const line = value as unknown as EntryLine;
      if (typeof line.seq !== 'number' || typeof line.hash !== 'string' || typeof line.entry !== 'object' || line.entry === null) {
        throw new SyntaxError(`${where}: incomplete entry`);
      }
      // The entry's text is the exact bytes between the fixed prefix and the closing brace, when the line is as
      // written; a line re-serialized by another tool gives the canonical form of what it holds instead.
      const prefix = entryPrefix(line.seq, line.hash);
      const canonical = text.startsWith(prefix) && text.endsWith('}') ? text.slice(prefix.length, -1) : canonicalOrEmpty(line.entry);
      return { type: 'entry', seq: line.seq, hash: line.hash, canonical, body: line.entry };
    }
    case 'checkpoint':
      if (typeof value.treeSize !== 'number' || typeof value.signature !== 'string') {
        throw new SyntaxError(`${where}: incomplete checkpoint`);
      }
      return value;
    default:
      throw new SyntaxError(`${where}: unknown line type`);
  }
}

function canonicalOrEmpty(value: unknown): string {
  try {
    return canonicalJson(value);
  } catch {
    return '';
  }
}
