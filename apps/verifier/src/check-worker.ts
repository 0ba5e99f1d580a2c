import { parentPort } from 'node:worker_threads';
import { checkEntries, EntryRecord } from '../../../libs/ledger/src/verify';

/** One worker of the pool: checks the batches it is sent with the verifier core, nothing else. */
parentPort!.on('message', (task: { id: number; batch: EntryRecord[]; firstSeq: number; prevHash: string; councilId: string }) => {
  parentPort!.postMessage({ id: task.id, problem: checkEntries(task.batch, task.firstSeq, task.prevHash, task.councilId) });
});
