/**
 * `oselia dedup --input persons.csv --output clusters.csv`
 *
 * Reads persons from a UTF-8 CSV (header id,family_name,given_name,patronymic,sex,birth_date,phone and
 * optionally tax_id,oblast_pcode; any order; other columns ignored), finds duplicates with the
 * @oselia/matching engine (comparisons on all cores) and writes `id,cluster_id`, one row per input row.
 * Progress goes to stderr; the last stdout line is the summary.
 */
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import {
  CsvChunkParser,
  CsvError,
  type Dataset,
  DatasetBuilder,
  type DedupResult,
  dedupe,
  InvalidRecordError,
} from '@oselia/matching';
import type { Command } from 'commander';

export const REQUIRED_COLUMNS = [
  'id',
  'family_name',
  'given_name',
  'patronymic',
  'sex',
  'birth_date',
  'phone',
];
export const OPTIONAL_COLUMNS = ['tax_id', 'oblast_pcode'];

export class DedupInputError extends Error {}

export interface DedupRunOptions {
  input: string;
  output: string;
  reviewOutput?: string;
  linksOutput?: string;
  statsOutput?: string;
  /** Column holding the known entity (benchmarks): enables pairs completeness in the stats. */
  truthColumn?: string;
  /** Key of the keyed hash applied to identifiers before matching. */
  idKey?: string;
  workers?: number;
  linkThreshold?: number;
  reviewThreshold?: number;
  log?: (message: string) => void;
}

export interface DedupRunSummary {
  records: number;
  comparisons: number;
  clusters: number;
  reviewRecords: number;
  seconds: number;
  maxRssMb: number;
}

/** Reads the CSV into a dataset; throws DedupInputError naming the line on bad input. */
export async function readPersons(
  path: string,
  opts: { idKey?: string; truthColumn?: string } = {},
): Promise<{ dataset: Dataset; truth?: Int32Array }> {
  const builder = new DatasetBuilder(1 << 16);
  const hmacKey = opts.idKey ?? 'oselia-dedup';
  let col: Record<string, number> | undefined;
  let width = 0;
  const truthValues: number[] = [];
  const truthIds = new Map<string, number>();
  const parser = new CsvChunkParser((fields, line) => {
    if (col === undefined) {
      const names = fields.map((f) => f.trim().toLowerCase());
      const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
      if (missing.length > 0) {
        throw new CsvError(`missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, line);
      }
      if (opts.truthColumn && !names.includes(opts.truthColumn)) {
        throw new CsvError(`missing truth column ${opts.truthColumn}`, line);
      }
      col = Object.fromEntries(names.map((n, i) => [n, i]));
      width = fields.length;
      return;
    }
    if (fields.length !== width) {
      throw new CsvError(`expected ${width} fields, found ${fields.length}`, line);
    }
    const c = col;
    const get = (name: string) => {
      const i = c[name];
      return i === undefined ? '' : fields[i]!;
    };
    const taxDigits = get('tax_id').replace(/\D/g, '');
    const id = get('id');
    if (id.length === 0) throw new CsvError('empty id', line);
    try {
      builder.add({
        id,
        familyName: get('family_name'),
        givenName: get('given_name'),
        patronymic: get('patronymic'),
        sex: get('sex'),
        birthDate: get('birth_date').trim(),
        phone: get('phone'),
        taxIdHash: taxDigits
          ? createHmac('sha256', hmacKey).update(taxDigits).digest('base64url').slice(0, 22)
          : '',
        oblastPcode: get('oblast_pcode'),
      });
    } catch (e) {
      if (e instanceof InvalidRecordError) throw new CsvError(e.message, line);
      throw e;
    }
    if (opts.truthColumn) {
      const t = get(opts.truthColumn);
      let v = truthIds.get(t);
      if (v === undefined) {
        v = truthIds.size;
        truthIds.set(t, v);
      }
      truthValues.push(v);
    }
  });
  try {
    const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 22 });
    let first = true;
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.feed(first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
      first = false;
    }
    parser.end();
  } catch (e) {
    if (e instanceof CsvError) throw new DedupInputError(`${path}: ${e.message}`);
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new DedupInputError(`${path}: no such file`);
    if (err.code === 'EISDIR') throw new DedupInputError(`${path}: is a directory`);
    throw e;
  }
  if (col === undefined) throw new DedupInputError(`${path}: empty file (no header)`);
  const dataset = builder.build(true);
  return opts.truthColumn ? { dataset, truth: Int32Array.from(truthValues) } : { dataset };
}

async function writeLines(
  path: string,
  header: string,
  count: number,
  line: (k: number) => string,
): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const errored = new Promise<never>((_, reject) => out.once('error', reject));
  const write = async (s: string) => {
    if (!out.write(s)) await Promise.race([once(out, 'drain'), errored]);
  };
  await write(`${header}\n`);
  let buf: string[] = [];
  for (let k = 0; k < count; k++) {
    buf.push(line(k));
    if (buf.length === 50_000) {
      await write(`${buf.join('\n')}\n`);
      buf = [];
    }
  }
  if (buf.length > 0) await write(`${buf.join('\n')}\n`);
  await Promise.race([new Promise<void>((resolve) => out.end(resolve)), errored]);
}

function csvValue(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The whole command, without commander: returns the summary (used by tests and the CLI). */
export async function runDedup(
  o: DedupRunOptions,
): Promise<{ summary: DedupRunSummary; result: DedupResult }> {
  const log = o.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const t0 = performance.now();
  const sec = () => ((performance.now() - t0) / 1000).toFixed(1);
  // Start the workers first so they are warm by the comparison phase.
  const { ComparisonPool } = await import('@oselia/matching/parallel');
  const pool = o.workers === 0 ? undefined : ComparisonPool.start(o.workers);
  try {
    const readOpts: { idKey?: string; truthColumn?: string } = {};
    if (o.idKey) readOpts.idKey = o.idKey;
    if (o.truthColumn) readOpts.truthColumn = o.truthColumn;
    const { dataset: d, truth } = await readPersons(o.input, readOpts);
    log(`[${sec()} s] read ${d.n} records`);
    if (d.suppressed.records > 0) {
      log(
        `[${sec()} s] ${d.suppressed.birthDates} birth dates and ${d.suppressed.phones} phones shared by too many records to identify anyone (placeholders); treated as missing in ${d.suppressed.records} fields`,
      );
    }
    const fit: { linkThreshold?: number; reviewThreshold?: number } = {};
    if (o.linkThreshold !== undefined) fit.linkThreshold = o.linkThreshold;
    if (o.reviewThreshold !== undefined) fit.reviewThreshold = o.reviewThreshold;
    const result = await dedupe(d, {
      ...(pool ? { computePatterns: pool.computePatterns, generatePairs: pool.generatePairs } : {}),
      onProgress: (m) => log(`[${sec()} s] ${m}`),
      fit,
      ...(truth ? { truth } : {}),
    });
    const { clusterOf, stats } = result;
    await writeLines(
      o.output,
      'id,cluster_id',
      d.n,
      (i) => `${csvValue(d.ids[i]!)},${csvValue(d.ids[clusterOf[i]!]!)}`,
    );
    if (o.reviewOutput) {
      const r = result.review;
      await writeLines(
        o.reviewOutput,
        'id_a,id_b,match_weight,reason',
        r.length,
        (k) =>
          `${csvValue(d.ids[r[k]!.a]!)},${csvValue(d.ids[r[k]!.b]!)},${r[k]!.weight.toFixed(2)},${r[k]!.reason}`,
      );
    }
    if (o.linksOutput) {
      const { a, b, weight } = result.links;
      await writeLines(
        o.linksOutput,
        'id_a,id_b,match_weight',
        a.length,
        (k) => `${csvValue(d.ids[a[k]!]!)},${csvValue(d.ids[b[k]!]!)},${weight[k]!.toFixed(2)}`,
      );
    }
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const summary: DedupRunSummary = {
      records: d.n,
      comparisons: stats.candidatePairs,
      clusters: stats.clusters,
      reviewRecords: stats.reviewRecords,
      seconds: Number(sec()),
      maxRssMb,
    };
    if (o.statsOutput) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(o.statsOutput, `${JSON.stringify({ summary, stats, model: result.model }, null, 2)}\n`);
    }
    log(`[${sec()} s] wrote ${o.output}`);
    return { summary, result };
  } finally {
    await pool?.close();
  }
}

export function formatSummary(s: DedupRunSummary): string {
  return `dedup summary: records=${s.records} comparisons=${s.comparisons} clusters=${s.clusters} review_records=${s.reviewRecords} seconds=${s.seconds} max_rss_mb=${s.maxRssMb}`;
}

function numberOption(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new DedupInputError(`--${name} expects a number, got "${v}"`);
    return n;
  };
}

export function registerDedupCommand(program: Command): void {
  program
    .command('dedup')
    .description('find duplicate persons in a CSV file and write id,cluster_id')
    .requiredOption(
      '--input <file>',
      'persons CSV (id,family_name,given_name,patronymic,sex,birth_date,phone[,tax_id,oblast_pcode])',
    )
    .requiredOption('--output <file>', 'clusters CSV to write (id,cluster_id)')
    .option('--review-output <file>', 'pairs to send for human review (id_a,id_b,match_weight,reason)')
    .option('--links-output <file>', 'automatic links (id_a,id_b,match_weight)')
    .option('--stats-output <file>', 'JSON statistics: blocking, model, timings')
    .option('--truth-column <name>', 'column with the known entity (benchmarks): reports pairs completeness')
    .option('--id-key <key>', 'key of the keyed hash applied to identifiers (tax_id) before matching')
    .option(
      '--workers <n>',
      'worker threads for blocking and comparisons (default: number of cores, at most 8; 0: none)',
      numberOption('workers'),
    )
    .option(
      '--link-threshold <w>',
      'match weight (log2 odds) for automatic links',
      numberOption('link-threshold'),
    )
    .option(
      '--review-threshold <w>',
      'match weight (log2 odds) for sending a pair to review',
      numberOption('review-threshold'),
    )
    .action(async (opts: Omit<DedupRunOptions, 'log'>) => {
      try {
        const { summary } = await runDedup(opts);
        process.stdout.write(`${formatSummary(summary)}\n`);
      } catch (e) {
        if (e instanceof DedupInputError) {
          process.stderr.write(`dedup: ${e.message}\n`);
          process.exitCode = 2;
          return;
        }
        const err = e as NodeJS.ErrnoException;
        if (err && typeof err.code === 'string' && err.syscall) {
          process.stderr.write(`dedup: ${err.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw e;
      }
    });
}
