import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ImportRowError } from '@oselia/contracts';
import type { CheckedFile, CheckedRows, CheckTask, RowCheck } from './people-import.check.ts';
import { appendPieceChecks, checkInPieces } from './people-import.check.ts';
import type { TableRow } from './people-import.file.ts';
import { encodeStage, STAGE_PART_ROWS } from './people-import.stage-codec.ts';

/**
 * Checking a large file on every core: the rows are cut into pieces that the server's own thread
 * and worker threads (one per other core) take in turn, each as soon as it is free, so a worker
 * still starting costs nothing. Pieces come back in order and are put together as if checked in one
 * go. The workers run the same code (people-import.check.worker.ts) with the same key; they are
 * started when a large file is uploaded and stop after a minute without work.
 */

/** Rows per piece: one stored part of the stage. */
const PIECE = STAGE_PART_ROWS;
/**
 * Pieces a worker holds at once. This thread hears a worker only between two pieces of its own (a
 * tenth of a second each), so a worker given only the next piece sat idle waiting for a third;
 * with two queued it never waits, and at most two are left for it at the end.
 */
const IN_FLIGHT = 3;
/** Idle workers stop after this long. */
const IDLE_MS = 60_000;
/**
 * A worker's young generation, in MB. Checking a piece makes many objects that live until the
 * piece is done; with V8's default (16 MB semi-spaces) most of them were copied once or twice by
 * the scavenger, which then took a fifth of the worker's time. At 128 MB most die where they were
 * made. It is memory the worker may use, not memory it takes; idle workers stop.
 */
const YOUNG_GENERATION_MB = 128;

/** What crosses to a worker: the rows as text when that is safe (much cheaper to copy). */
export interface PieceMessage {
  id: number;
  task: CheckTask;
  places: string[];
  rows: { numbers: number[]; text: string } | TableRow[];
}

/** What comes back: outcomes in columns, the stage as stored text. */
export interface PieceResult {
  id: number;
  error?: string;
  importKey?: string[];
  householdKey?: (string | null)[];
  relationship?: RowCheck['relationship'][];
  staged?: number[];
  errors?: [number, ImportRowError[]][];
  stage?: string[];
}

const ROW = '\u001e';
const CELL = '\u001f';

/** Rows as one string (cells by CELL, rows by ROW) when no cell holds either separator. */
export function packRows(rows: TableRow[]): PieceMessage['rows'] {
  const text = rows.map((r) => r.cells.join(CELL)).join(ROW);
  let cells = 0;
  for (const r of rows) cells += r.cells.length;
  let units = 0;
  for (let at = text.indexOf(CELL); at !== -1; at = text.indexOf(CELL, at + 1)) units++;
  let records = 0;
  for (let at = text.indexOf(ROW); at !== -1; at = text.indexOf(ROW, at + 1)) records++;
  const expectedUnits = rows.reduce((n, r) => n + Math.max(r.cells.length - 1, 0), 0);
  if (units !== expectedUnits || records !== Math.max(rows.length - 1, 0) || cells === 0) return rows;
  return { numbers: rows.map((r) => r.row), text };
}

export function unpackRows(rows: PieceMessage['rows']): TableRow[] {
  if (Array.isArray(rows)) return rows;
  if (rows.numbers.length === 0) return [];
  return rows.text.split(ROW).map((line, i) => ({ row: rows.numbers[i]!, cells: line.split(CELL) }));
}

/** A piece's outcome in the form that crosses between threads. */
export function toPieceResult(id: number, checked: CheckedRows): PieceResult {
  const errors: [number, ImportRowError[]][] = [];
  checked.checks.forEach((c, i) => {
    if (c.errors.length > 0) errors.push([i, c.errors]);
  });
  return {
    id,
    importKey: checked.checks.map((c) => c.importKey),
    householdKey: checked.checks.map((c) => c.householdKey),
    relationship: checked.checks.map((c) => c.relationship),
    staged: checked.checks.map((c) => c.staged),
    errors,
    stage: encodeStage(checked.stage),
  };
}

/** A piece's outcome with its stage still as text (put together once, at the end). */
interface Piece {
  checks: RowCheck[];
  stage: string[];
}

function fromPieceResult(r: PieceResult): Piece {
  const errors = new Map(r.errors ?? []);
  return {
    checks: (r.staged ?? []).map((staged, i) => ({
      importKey: r.importKey![i]!,
      householdKey: r.householdKey![i] ?? null,
      relationship: r.relationship![i] ?? null,
      errors: errors.get(i) ?? [],
      staged,
    })),
    stage: r.stage ?? [],
  };
}

/** Pieces in order, put together as if checked in one go; each piece's stage is one stored part. */
function joinPieces(pieces: Piece[]): CheckedFile {
  const checks: RowCheck[] = [];
  let offset = 0;
  for (const p of pieces) offset += appendPieceChecks(checks, p.checks, offset);
  return { checks, parts: pieces.flatMap((p) => p.stage) };
}

/** Starts a worker on a TypeScript module: registers the tsx loader first (workers do not inherit it). */
function spawnThroughTsx(url: URL, options: WorkerOptions): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * The worker's module and everything it imports as one JavaScript module, made once per process.
 * Loading TypeScript through tsx costs a worker about a second of CPU (its own compiling plus a
 * loader thread of its own), which on two cores the check itself then waits for; the bundle loads
 * in about a tenth of that. Null where it cannot be made: the worker then loads through tsx.
 */
const bundles = new Map<string, Promise<URL | null>>();
export function bundleOf(url: URL): Promise<URL | null> {
  let bundle = bundles.get(url.href);
  if (!bundle) {
    bundle = (async () => {
      try {
        const { build } = await import('esbuild');
        const out = await build({
          entryPoints: [fileURLToPath(url)],
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          write: false,
          logLevel: 'silent',
        });
        const code = out.outputFiles[0]?.text;
        if (!code) return null;
        // Kept in memory, not in a shared temporary folder where another user could swap it; the
        // sourceURL names it in stack traces and profiles.
        const named = `${code}\n//# sourceURL=oselia-check-worker.mjs\n`;
        return new URL(`data:text/javascript;base64,${Buffer.from(named).toString('base64')}`);
      } catch {
        return null;
      }
    })();
    bundles.set(url.href, bundle);
  }
  return bundle;
}

export interface CheckPool {
  /** Starts the workers now, so that they are ready when the check comes. */
  warm(): Promise<void>;
  /** Checks the rows on every core; `inline` checks a piece on this thread. */
  check(
    task: CheckTask,
    knownPlaces: Set<string>,
    rows: TableRow[],
    inline: (rows: TableRow[]) => Promise<CheckedRows>,
    onProgress?: (done: number) => Promise<void> | void,
  ): Promise<CheckedFile>;
  close(): Promise<void>;
}

export function createCheckPool(opts: { secretKeyHex: string; workers?: number }): CheckPool {
  const size = opts.workers ?? Math.max(0, Math.min(availableParallelism(), 4) - 1);
  let workers: Worker[] = [];
  let idle: NodeJS.Timeout | undefined;
  let busy = false;
  let nextId = 1;
  const waiting = new Map<
    number,
    { worker: Worker; resolve: (r: PieceResult) => void; reject: (e: Error) => void }
  >();

  const entry = new URL('./people-import.check.worker.ts', import.meta.url);
  let starting: Promise<void> | null = null;

  /** Starts the workers (once their code is bundled, a fraction of a second the first time). */
  function warm(): Promise<void> {
    clearTimeout(idle);
    if (workers.length > 0 || size === 0) return Promise.resolve();
    starting ??= (async () => {
      const bundled = entry.pathname.endsWith('.ts') ? await bundleOf(entry) : entry;
      try {
        if (workers.length === 0) workers = Array.from({ length: size }, () => startWorker(bundled));
      } catch {
        // No worker threads here (or no way to load them): everything is checked on this thread.
        workers = [];
      }
    })().finally(() => {
      starting = null;
    });
    return starting;
  }

  function startWorker(bundled: URL | null): Worker {
    const options = {
      workerData: { secretKeyHex: opts.secretKeyHex },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    };
    const w = bundled ? new Worker(bundled, options) : spawnThroughTsx(entry, options);
    w.unref();
    w.on('message', (r: PieceResult) => {
      const p = waiting.get(r.id);
      if (!p) return;
      waiting.delete(r.id);
      if (r.error) p.reject(new Error(r.error));
      else p.resolve(r);
    });
    // A worker that fails takes no more pieces; its piece is checked here instead.
    const drop = (error: Error) => {
      workers = workers.filter((x) => x !== w);
      for (const [id, p] of waiting) {
        if (p.worker !== w) continue;
        waiting.delete(id);
        p.reject(error);
      }
    };
    w.on('error', drop);
    w.on('exit', () => drop(new Error('the worker stopped')));
    return w;
  }

  function sleepSoon() {
    clearTimeout(idle);
    idle = setTimeout(() => void close(), IDLE_MS);
    idle.unref();
  }

  async function close() {
    clearTimeout(idle);
    await starting;
    const all = workers;
    workers = [];
    await Promise.all(all.map((w) => w.terminate()));
  }

  function send(w: Worker, message: Omit<PieceMessage, 'id'>): Promise<PieceResult> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { worker: w, resolve, reject });
      w.postMessage({ ...message, id } satisfies PieceMessage);
    });
  }

  return {
    warm,
    close,
    async check(task, knownPlaces, rows, inline, onProgress) {
      // One large check at a time on the workers; another meanwhile runs here, as a small one does.
      if (busy || size === 0) return checkInPieces(rows, inline, onProgress);
      busy = true;
      try {
        await warm();
        const places = [...knownPlaces];
        const pieces = Math.ceil(rows.length / PIECE);
        const results = new Array<Piece>(pieces);
        let next = 0;
        let done = 0;
        const take = () => (next < pieces ? next++ : -1);
        const slice = (p: number) => rows.slice(p * PIECE, (p + 1) * PIECE);
        const here = async (p: number) => {
          const checked = await inline(slice(p));
          return { checks: checked.checks, stage: encodeStage(checked.stage) };
        };
        const finished = async (p: number, piece: Piece) => {
          results[p] = piece;
          done += piece.checks.length;
          await onProgress?.(done);
        };
        // This thread checks pieces too, and lets the workers' answers in between two pieces.
        const local = async () => {
          for (let p = take(); p >= 0; p = take()) {
            await finished(p, await here(p));
            await new Promise((resolve) => setImmediate(resolve));
          }
        };
        // A worker has the next pieces already while it checks one, so it never waits for this thread.
        const remote = async (w: Worker) => {
          // Never left to reject unheard: a failed piece is checked here instead.
          const ask = (p: number) =>
            send(w, { task, places, rows: packRows(slice(p)) }).then(fromPieceResult, () => null);
          const inFlight: [number, Promise<Piece | null>][] = [];
          for (let i = 0; i < IN_FLIGHT; i++) {
            const p = take();
            if (p >= 0) inFlight.push([p, ask(p)]);
          }
          while (inFlight.length > 0) {
            const [p, answer] = inFlight.shift()!;
            const piece = (await answer) ?? (await here(p));
            await finished(p, piece);
            const q = take();
            if (q >= 0) inFlight.push([q, workers.includes(w) ? ask(q) : Promise.resolve(null)]);
          }
        };
        await Promise.all([local(), ...workers.map((w) => remote(w))]);
        return joinPieces(results);
      } finally {
        busy = false;
        sleepSoon();
      }
    },
  };
}
