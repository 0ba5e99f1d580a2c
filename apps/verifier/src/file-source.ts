import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import {
  ENTRY_LINE_PREFIX,
  EntryRecord,
  ExportHeader,
  LedgerSource,
  parseExportLine,
  PublishedKey,
  SignedCheckpoint,
} from '../../../libs/ledger/src/verify';

const ENTRY_BATCH = 1000;
const CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/** The file's lines, split on raw bytes (faster than readline for a file of a million lines). */
async function* lines(path: string, onBytes: (n: number) => void): AsyncGenerator<string> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    const buffer = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(NEWLINE, start); end !== -1; end = buffer.indexOf(NEWLINE, start)) {
      if (end > start) yield buffer.toString('utf8', start, end);
      start = end + 1;
    }
    rest = buffer.subarray(start);
    onBytes(chunk.length);
  }
  if (rest.length) yield rest.toString('utf8');
}

/** Reads whole lines backwards from the end of the file until `stop` says enough; returns them in file order. */
function tailLines(path: string, stop: (line: string) => boolean): string[] {
  const fd = openSync(path, 'r');
  try {
    const found: string[] = [];
    let position = statSync(path).size;
    let carry = Buffer.alloc(0);
    while (position > 0) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      readSync(fd, chunk, 0, length, position);
      const buffer = Buffer.concat([chunk, carry]);
      let end = buffer.length;
      for (let newline = buffer.lastIndexOf(NEWLINE, end - 1); newline !== -1; newline = buffer.lastIndexOf(NEWLINE, end - 1)) {
        const line = buffer.toString('utf8', newline + 1, end);
        end = newline;
        if (line === '') continue;
        if (stop(line)) return found.reverse();
        found.push(line);
      }
      carry = buffer.subarray(0, end);
    }
    if (carry.length && !stop(carry.toString('utf8'))) found.push(carry.toString('utf8'));
    return found.reverse();
  } finally {
    closeSync(fd);
  }
}

/**
 * A ledger export file (`npm run ledger:export`) as a source: header first, then entries, then checkpoints.
 * The header and the checkpoints are read from the two ends of the file, so the entries are read once.
 */
export class FileLedgerSource implements LedgerSource {
  private header: ExportHeader | null = null;
  /** Bytes read so far, for a progress bar. */
  bytesRead = 0;
  readonly totalBytes: number;

  constructor(readonly label: string) {
    this.totalBytes = statSync(label).size;
  }

  private readHeader(): ExportHeader {
    if (this.header) return this.header;
    const fd = openSync(this.label, 'r');
    try {
      const start = Buffer.alloc(Math.min(64 * 1024, this.totalBytes));
      readSync(fd, start, 0, start.length, 0);
      const newline = start.indexOf(NEWLINE);
      const line = parseExportLine(start.toString('utf8', 0, newline === -1 ? start.length : newline), `${this.label} line 1`);
      if (line.type !== 'header') throw new SyntaxError(`${this.label}: line 1 is not a header; is this a ledger export?`);
      return (this.header = line);
    } finally {
      closeSync(fd);
    }
  }

  async councilId(): Promise<string> {
    return this.readHeader().councilId;
  }

  async publicKey(): Promise<PublishedKey | null> {
    const header = this.readHeader();
    return header.publicKey && header.keyId ? { publicKey: header.publicKey, keyId: header.keyId } : null;
  }

  async checkpoints(): Promise<SignedCheckpoint[]> {
    const tail = tailLines(this.label, (line) => line.startsWith(ENTRY_LINE_PREFIX) || line.startsWith('{"type":"header"'));
    return tail.map((text, i) => {
      const line = parseExportLine(text, `${this.label} line ${tail.length - i} from the end`);
      if (line.type !== 'checkpoint') throw new SyntaxError(`${this.label}: only checkpoint lines may follow the entries`);
      return { origin: line.origin, treeSize: line.treeSize, rootHash: line.rootHash, keyId: line.keyId, signature: line.signature };
    });
  }

  async *entries(): AsyncIterable<EntryRecord[]> {
    let batch: EntryRecord[] = [];
    let lineNumber = 0;
    let afterEntries = false;
    for await (const text of lines(this.label, (n) => (this.bytesRead += n))) {
      lineNumber++;
      if (!text.startsWith(ENTRY_LINE_PREFIX)) {
        if (lineNumber > 1) afterEntries = true;
        continue;
      }
      if (afterEntries) throw new SyntaxError(`${this.label}: line ${lineNumber}: an entry after a checkpoint line`);
      const line = parseExportLine(text, `${this.label} line ${lineNumber}`);
      if (line.type !== 'entry') continue;
      batch.push({ seq: line.seq, canonical: line.canonical, hash: line.hash, body: line.body });
      if (batch.length === ENTRY_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
}
