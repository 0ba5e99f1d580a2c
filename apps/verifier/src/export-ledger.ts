import { createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';
import { checkpointLine, entryLine, GraphqlLedgerSource, headerLine } from '../../../libs/ledger/src/verify';

async function write(out: WriteStream, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/**
 * Writes a council's ledger as JSON lines: header (with the public key), entries, then the checkpoints
 * the written entries cover, the latest last. Checkpoints are read first, so every one of them is covered.
 */
export async function exportLedger(
  source: GraphqlLedgerSource,
  path: string,
  onProgress: (entries: number) => void,
): Promise<{ entries: number; checkpoints: number }> {
  const councilId = await source.councilId();
  const key = await source.publicKey();
  const checkpoints = (await source.checkpoints()).sort((a, b) => a.treeSize - b.treeSize);
  const out = createWriteStream(path, { encoding: 'utf8' });
  try {
    await write(out, headerLine({ councilId, source: source.label, exportedAt: new Date().toISOString(), ...(key ?? {}) }));
    let entries = 0;
    for await (const batch of source.entries()) {
      for (const entry of batch) await write(out, entryLine(entry));
      entries += batch.length;
      onProgress(entries);
    }
    const covered = checkpoints.filter((c) => c.treeSize <= entries);
    for (const checkpoint of covered) await write(out, checkpointLine(checkpoint));
    return { entries, checkpoints: covered.length };
  } finally {
    out.end();
    await once(out, 'close');
  }
}
