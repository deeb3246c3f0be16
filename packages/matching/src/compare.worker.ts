/** Worker thread of the comparison pool (see parallel.ts). Node-only. */
import { parentPort } from 'node:worker_threads';
import { type BlockingOptions, blockingAux, DEFAULT_RULES, generateRulePairs } from './blocking.ts';
import { comparePairs } from './compare.ts';
import type { DatasetColumns, StringTables } from './dataset.ts';

type Data = DatasetColumns & StringTables;

type Message =
  | { type: 'init'; d: Data }
  | { type: 'block'; rule: number; opts: BlockingOptions }
  | { type: 'pairs'; left: Int32Array; right: Int32Array; out: Uint16Array }
  | { type: 'run'; start: number; end: number };

let d: Data | undefined;
let aux: ReturnType<typeof blockingAux> | undefined;
let job: { left: Int32Array; right: Int32Array; out: Uint16Array } | undefined;

parentPort?.on('message', (msg: Message) => {
  switch (msg.type) {
    case 'init':
      d = msg.d;
      aux = undefined;
      parentPort?.postMessage({ type: 'ready' });
      return;
    case 'block': {
      if (!d) throw new Error('blocking worker used before init');
      aux ??= blockingAux(d);
      const part = generateRulePairs(d, [DEFAULT_RULES[msg.rule]!], aux, msg.opts);
      parentPort?.postMessage({ type: 'blocked', rule: msg.rule, part }, [
        part.lo.buffer as ArrayBuffer,
        part.hi.buffer as ArrayBuffer,
      ]);
      return;
    }
    case 'pairs':
      job = { left: msg.left, right: msg.right, out: msg.out };
      parentPort?.postMessage({ type: 'ready' });
      return;
    case 'run':
      if (!d || !job) throw new Error('comparison worker used before init');
      comparePairs(d, d, job.left, job.right, msg.start, msg.end, job.out);
      parentPort?.postMessage({ type: 'done' });
      return;
  }
});

parentPort?.postMessage({ type: 'loaded' });
