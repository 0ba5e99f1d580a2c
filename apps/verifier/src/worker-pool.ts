import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BatchCheck, ChainProblem } from '../../../libs/ledger/src/verify';

/** The compiled worker; absent when this module runs from TypeScript sources (tests), which check inline instead. */
export const WORKER_SCRIPT = join(__dirname, 'check-worker.js');

export interface CheckPool {
  check: BatchCheck;
  close(): Promise<void>;
}

/**
 * Spreads entry checks over `size` worker threads, round robin. Parsing, canonical form and SHA-256 of each
 * entry are most of a verification's work; the Merkle tree stays on the main thread.
 */
export function startCheckPool(size: number): CheckPool | null {
  if (size < 1 || !existsSync(WORKER_SCRIPT)) return null;
  const workers = Array.from({ length: size }, () => new Worker(WORKER_SCRIPT));
  const waiting = new Map<number, { resolve(problem: ChainProblem | null): void; reject(error: Error): void }>();
  for (const worker of workers) {
    worker.on('message', ({ id, problem }: { id: number; problem: ChainProblem | null }) => {
      waiting.get(id)?.resolve(problem);
      waiting.delete(id);
    });
    worker.on('error', (error) => {
      for (const task of waiting.values()) task.reject(error);
      waiting.clear();
    });
  }
  let next = 0;
  return {
    check: (batch, firstSeq, prevHash, councilId) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        workers[id % workers.length].postMessage({ id, batch, firstSeq, prevHash, councilId });
      }),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
