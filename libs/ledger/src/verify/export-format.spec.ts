import { checkEntry, GENESIS_HASH, sealEntry } from '../entry/ledger-hash';
import { checkpointLine, entryLine, headerLine, parseExportLine, readEntryLine } from './export-format';

const COUNCIL = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const sealed = sealEntry({
  councilId: COUNCIL,
  seq: 1,
  recordedAt: '2025-01-01T00:00:00.000Z',
  actor: 'system',
  kind: 'COUNCIL_FOUNDED',
  payload: { name: 'Global Council "one"', delegations: [1, 2] },
  prevHash: GENESIS_HASH,
});
const entry = { seq: 1, ...sealed };

describe('the export format', () => {
  it('writes an entry as JSON whose "entry" is the canonical text itself, and reads the exact text back', () => {
    const line = entryLine(entry);
    expect(JSON.parse(line)).toEqual({ type: 'entry', seq: 1, hash: entry.hash, entry: JSON.parse(entry.canonical) });
    expect(readEntryLine(line)).toEqual(entry);
    expect(parseExportLine(line, 'line 2')).toEqual({ type: 'entry', ...entry });
  });

  it('still checks a line that another tool re-formatted, by the canonical form of what it holds', () => {
    const reformatted = JSON.stringify(JSON.parse(entryLine(entry)), null, 2).replace(/\n/g, ' ');
    expect(readEntryLine(reformatted)).toBeNull();
    const parsed = parseExportLine(reformatted, 'line 2');
    expect(parsed).toMatchObject({ type: 'entry', canonical: entry.canonical });
    expect(checkEntry(parsed as typeof entry, 1, GENESIS_HASH, COUNCIL)).toBeNull();
  });

  it('does not let text after the entry ride along unchecked', () => {
    const padded = `${entryLine(entry).slice(0, -1)},"note":"added later"}`;
    const parsed = parseExportLine(padded, 'line 2') as typeof entry;
    expect(checkEntry(parsed, 1, GENESIS_HASH, COUNCIL)).toBe('entry is not valid JSON');
  });

  it('reads header and checkpoint lines, and says where a line is wrong', () => {
    expect(
      parseExportLine(headerLine({ councilId: COUNCIL, source: 'test', exportedAt: '2025-01-01T00:00:00.000Z' }), 'line 1'),
    ).toMatchObject({
      type: 'header',
      councilId: COUNCIL,
    });
    const checkpoint = { origin: COUNCIL, treeSize: 1, rootHash: 'ab'.repeat(32), keyId: 'cd'.repeat(32), signature: 'c2ln' };
    expect(parseExportLine(checkpointLine(checkpoint), 'line 3')).toEqual({ type: 'checkpoint', ...checkpoint });
    expect(() => parseExportLine('{"type":"vote"}', 'line 4')).toThrow('line 4: unknown line type');
    expect(() => parseExportLine('{"type":"entry","seq":1}', 'line 5')).toThrow('line 5: incomplete entry');
    expect(() => parseExportLine('not json', 'line 6')).toThrow('line 6: not JSON');
  });
});
