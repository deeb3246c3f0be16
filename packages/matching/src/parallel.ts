/**
 * Node-only entry: runs the comparison phase on worker threads (one per core by default). The
 * dataset columns and the candidate pairs live in SharedArrayBuffers, so only the string tables are
 * copied to each worker, once. Workers pull ranges of pairs until all are done.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Dataset } from './dataset.ts';
import { computePatternsInline, type PatternComputer } from './dedup.ts';

const CHUNK = 250_000;

function toShared(a: Int32Array): Int32Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const s = new Int32Array(new SharedArrayBuffer(a.byteLength));
  s.set(a);
  return s;
}

/**
 * Starts a worker on a module. When running from TypeScript sources (tsx), the worker first registers
 * the tsx loader, then imports the module, since loader hooks are not inherited by workers.
 */
function spawn(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true });
}

export class ComparisonPool {
  private readonly workers: Worker[];
  private readonly online: Promise<void>[];

  private constructor(size: number) {
    const url = new URL('./compare.worker.ts', import.meta.url);
    this.workers = Array.from({ length: size }, () => spawn(url));
    this.online = this.workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          const onMessage = (m: { type: string }) => {
            if (m.type !== 'loaded') return;
            w.off('message', onMessage);
            w.off('error', reject);
            resolve();
          };
          w.on('message', onMessage);
          w.once('error', reject);
        }),
    );
    // Avoid unhandled rejections if the pool is closed before use.
    for (const p of this.online) p.catch(() => {});
  }

  /** Starts the workers now so that they are warm when the comparison phase begins. */
  static start(size = availableParallelism()): ComparisonPool {
    return new ComparisonPool(Math.max(1, size));
  }

  get size(): number {
    return this.workers.length;
  }

  readonly computePatterns: PatternComputer = async (d: Dataset, leftIn: Int32Array, rightIn: Int32Array) => {
    const n = leftIn.length;
    if (n < 50_000) return computePatternsInline(d, leftIn, rightIn);
    await Promise.all(this.online);
    const out = new Uint16Array(new SharedArrayBuffer(n * 2));
    const job = {
      d: {
        n: d.n,
        fam: toShared(d.fam),
        given: toShared(d.given),
        givenSkel: toShared(d.givenSkel),
        patr: toShared(d.patr),
        patrSkel: toShared(d.patrSkel),
        dob: toShared(d.dob),
        sex: d.sex,
        phone: toShared(d.phone),
        tax: toShared(d.tax),
        oblast: toShared(d.oblast),
        famStr: d.famStr,
        givenKeyStr: d.givenKeyStr,
        givenSkelStr: d.givenSkelStr,
        patrKeyStr: d.patrKeyStr,
        patrSkelStr: d.patrSkelStr,
      },
      left: toShared(leftIn),
      right: toShared(rightIn),
      out,
    };
    let next = 0;
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= n) {
                w.off('message', onMessage);
                w.off('error', reject);
                resolve();
                return;
              }
              const start = next;
              next = Math.min(n, next + CHUNK);
              w.postMessage({ type: 'run', start, end: next });
            };
            const onMessage = (msg: { type: string }) => {
              if (msg.type === 'ready' || msg.type === 'done') give();
            };
            w.on('message', onMessage);
            w.once('error', reject);
            w.postMessage({ type: 'init', job });
          }),
      ),
    );
    return out;
  };

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
