/**
 * Single-record likely-duplicate check: builds the in-memory CandidateIndex over a generated persons
 * file, then times findCandidates for records drawn from the same file (each is an existing record,
 * often a corrupted re-registration). Prints build time, memory and query latency percentiles, and how
 * often a true duplicate of the query is among the candidates returned.
 *
 *   node --import tsx bench/dedup/candidates.ts --persons bench/out/persons-1m.csv --queries 2000
 */
import { createReadStream } from 'node:fs';
import { CandidateIndex, CsvChunkParser, type PersonRecord } from '@oselia/matching';
import { parseArgs, Rng } from './common.ts';

async function readRecords(path: string): Promise<{ records: PersonRecord[]; truth: string[] }> {
  const records: PersonRecord[] = [];
  const truth: string[] = [];
  let col: Record<string, number> | undefined;
  const p = new CsvChunkParser((f) => {
    if (!col) {
      col = Object.fromEntries(f.map((n, i) => [n, i]));
      return;
    }
    const c = col;
    const g = (n: string) => (c[n] === undefined ? '' : f[c[n]!]!);
    records.push({
      id: g('id'),
      familyName: g('family_name'),
      givenName: g('given_name'),
      patronymic: g('patronymic'),
      sex: g('sex'),
      birthDate: g('birth_date'),
      phone: g('phone'),
      taxIdHash: g('tax_id'),
      oblastPcode: g('oblast_pcode'),
    });
    truth.push(g('true_id'));
  });
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 22 }))
    p.feed(chunk as string);
  p.end();
  return { records, truth };
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const path = a.persons ?? 'bench/out/persons-1m.csv';
  const queries = Number(a.queries ?? 2000);
  const t0 = performance.now();
  const { records, truth } = await readRecords(path);
  const t1 = performance.now();
  const index = CandidateIndex.build(records);
  const t2 = performance.now();
  const byTruth = new Map<string, number[]>();
  truth.forEach((t, i) => {
    const list = byTruth.get(t);
    if (list) list.push(i);
    else byTruth.set(t, [i]);
  });
  const rng = new Rng(Number(a.seed ?? 7));
  const times: number[] = [];
  let withDup = 0;
  let found = 0;
  for (let k = 0; k < queries; k++) {
    const i = rng.int(records.length);
    const q = records[i]!;
    const s = performance.now();
    const cands = index.findCandidates(q, { limit: 10 }).filter((c) => c.index !== i);
    times.push(performance.now() - s);
    const dups = byTruth.get(truth[i]!)!.filter((j) => j !== i);
    if (dups.length > 0) {
      withDup++;
      if (cands.some((c) => truth[c.index] === truth[i])) found++;
    }
  }
  times.sort((x, y) => x - y);
  const mem = process.memoryUsage();
  console.log(`records indexed          ${index.size}`);
  console.log(`read                     ${((t1 - t0) / 1000).toFixed(1)} s`);
  console.log(`index build (with fit)   ${((t2 - t1) / 1000).toFixed(1)} s`);
  console.log(
    `heap / rss               ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB / ${(mem.rss / 2 ** 20).toFixed(0)} MB`,
  );
  console.log(
    `query latency            p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms (${queries} queries)`,
  );
  console.log(
    `true duplicate offered   ${((100 * found) / Math.max(1, withDup)).toFixed(1)}% of ${withDup} queries that have one`,
  );
}

await main();
