/** Worker thread of the comparison pool (see parallel.ts). Node-only. */
import { parentPort } from 'node:worker_threads';
import { comparePairs } from './compare.ts';
import type { DatasetColumns, StringTables } from './dataset.ts';

interface Job {
  d: DatasetColumns & StringTables;
  left: Int32Array;
  right: Int32Array;
  out: Uint16Array;
}

let job: Job | undefined;

parentPort?.on('message', (msg: { type: 'init'; job: Job } | { type: 'run'; start: number; end: number }) => {
  if (msg.type === 'init') {
    job = msg.job;
    parentPort?.postMessage({ type: 'ready' });
    return;
  }
  if (!job) throw new Error('comparison worker used before init');
  comparePairs(job.d, job.d, job.left, job.right, msg.start, msg.end, job.out);
  parentPort?.postMessage({ type: 'done', start: msg.start, end: msg.end });
});

parentPort?.postMessage({ type: 'loaded' });
