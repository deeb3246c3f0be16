/**
 * Node-only entry: runs blocking (one rule per task) and the comparison phase (ranges of pairs) on
 * worker threads, one per core by default. The dataset columns and the candidate pairs live in
 * SharedArrayBuffers, so only the string tables are copied to each worker, once per dataset. Workers
 * pull the next task when free.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type BlockingOptions,
  DEFAULT_RULES,
  generateCandidatePairs,
  mergeRulePairs,
  type RulePairs,
} from './blocking.ts';
import type { Dataset } from './dataset.ts';
import { computePatternsInline, type PairGenerator, type PatternComputer } from './dedup.ts';

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

  private constructor(
    size: number,
    /** Below this many records or pairs, work runs inline (starting tasks costs more than it saves). */
    private readonly minParallel: number,
  ) {
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
  static start(
    size = Math.min(8, availableParallelism()),
    opts: { minParallel?: number } = {},
  ): ComparisonPool {
    return new ComparisonPool(Math.max(1, size), opts.minParallel ?? 50_000);
  }

  get size(): number {
    return this.workers.length;
  }

  private current: Dataset | undefined;

  /** Sends the dataset to every worker once (columns are shared memory; string tables are copied). */
  private async ensureData(d: Dataset): Promise<void> {
    await Promise.all(this.online);
    if (this.current === d) return;
    this.current = d;
    const data = {
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
    };
    await Promise.all(this.workers.map((w) => this.request(w, { type: 'init', d: data }, 'ready')));
  }

  private request(w: Worker, msg: unknown, reply: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== reply) return;
        w.off('message', onMessage);
        w.off('error', reject);
        resolve(m as Record<string, unknown>);
      };
      w.on('message', onMessage);
      w.once('error', reject);
      w.postMessage(msg);
    });
  }

  /** Runs `tasks` on the workers, each worker taking the next task when it is free. */
  private async distribute<T>(tasks: number, run: (w: Worker, task: number) => Promise<T>): Promise<T[]> {
    const results = new Array<T>(tasks);
    let next = 0;
    await Promise.all(
      this.workers.map(async (w) => {
        while (next < tasks) {
          const t = next++;
          results[t] = await run(w, t);
        }
      }),
    );
    return results;
  }

  /** Blocking with one rule per task on the workers (default rules only; custom rules run inline). */
  readonly generatePairs: PairGenerator = async (d: Dataset, opts: BlockingOptions = {}) => {
    if (opts.rules || d.n < this.minParallel) return generateCandidatePairs(d, opts);
    await this.ensureData(d);
    const plain: BlockingOptions = {};
    if (opts.maxBlockSize !== undefined) plain.maxBlockSize = opts.maxBlockSize;
    if (opts.window !== undefined) plain.window = opts.window;
    const parts = await this.distribute(DEFAULT_RULES.length, async (w, rule) => {
      const m = await this.request(w, { type: 'block', rule, opts: plain }, 'blocked');
      return m.part as RulePairs;
    });
    return mergeRulePairs(d.n, parts);
  };

  readonly computePatterns: PatternComputer = async (d: Dataset, leftIn: Int32Array, rightIn: Int32Array) => {
    const n = leftIn.length;
    if (n < this.minParallel) return computePatternsInline(d, leftIn, rightIn);
    await this.ensureData(d);
    const out = new Uint16Array(new SharedArrayBuffer(n * 2));
    const left = toShared(leftIn);
    const right = toShared(rightIn);
    await Promise.all(this.workers.map((w) => this.request(w, { type: 'pairs', left, right, out }, 'ready')));
    const chunks = Math.ceil(n / CHUNK);
    await this.distribute(chunks, (w, c) =>
      this.request(w, { type: 'run', start: c * CHUNK, end: Math.min(n, (c + 1) * CHUNK) }, 'done'),
    );
    return out;
  };

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
