/**
 * Scores a dedup run against the truth column of the generated persons file.
 *
 *   node --import tsx bench/dedup/score.ts --persons bench/out/persons-100k.csv --clusters clusters.csv \
 *     [--links links.csv] [--review review.csv] [--stats stats.json]
 *
 * Prints pairwise precision, recall and F1 of the clusters, precision of the automatic links, the
 * share of records sent for review and, from the stats file, pairs completeness of blocking.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { CsvChunkParser } from '@oselia/matching';
import { parseArgs } from './common.ts';

async function readCsv(path: string, onRow: (row: Record<string, string>) => void): Promise<void> {
  let header: string[] | undefined;
  const p = new CsvChunkParser((fields) => {
    if (!header) {
      header = fields;
      return;
    }
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = fields[i] ?? '';
    });
    onRow(row);
  });
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 22 }))
    p.feed(chunk as string);
  p.end();
}

export interface Scores {
  records: number;
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  linkPrecision?: number;
  links?: number;
  reviewRecords?: number;
  reviewShare?: number;
  pairsCompleteness?: number;
}

const pairs = (k: number) => (k * (k - 1)) / 2;

export async function score(opts: {
  persons: string;
  clusters: string;
  links?: string;
  review?: string;
  stats?: string;
  truthColumn?: string;
}): Promise<Scores> {
  const truthCol = opts.truthColumn ?? 'true_id';
  const truth = new Map<string, string>();
  await readCsv(opts.persons, (r) => truth.set(r.id!, r[truthCol]!));
  const predOf = new Map<string, string>();
  await readCsv(opts.clusters, (r) => predOf.set(r.id!, r.cluster_id!));
  const trueSize = new Map<string, number>();
  const predSize = new Map<string, number>();
  const cell = new Map<string, number>();
  for (const [id, t] of truth) {
    const p = predOf.get(id);
    if (p === undefined) throw new Error(`record ${id} missing from ${opts.clusters}`);
    trueSize.set(t, (trueSize.get(t) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    const key = `${p}\u0000${t}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
  }
  let tp = 0;
  for (const c of cell.values()) tp += pairs(c);
  let truePairs = 0;
  for (const c of trueSize.values()) truePairs += pairs(c);
  let predictedPairs = 0;
  for (const c of predSize.values()) predictedPairs += pairs(c);
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const out: Scores = { records: truth.size, precision, recall, f1, truePairs, predictedPairs };
  if (opts.links && existsSync(opts.links)) {
    let good = 0;
    let all = 0;
    await readCsv(opts.links, (r) => {
      all++;
      if (truth.get(r.id_a!) === truth.get(r.id_b!)) good++;
    });
    out.links = all;
    out.linkPrecision = all === 0 ? 1 : good / all;
  }
  if (opts.review && existsSync(opts.review)) {
    const ids = new Set<string>();
    await readCsv(opts.review, (r) => {
      ids.add(r.id_a!);
      ids.add(r.id_b!);
    });
    out.reviewRecords = ids.size;
    out.reviewShare = ids.size / truth.size;
  }
  if (opts.stats && existsSync(opts.stats)) {
    const s = JSON.parse(readFileSync(opts.stats, 'utf8'));
    if (typeof s.stats?.pairsCompleteness === 'number') out.pairsCompleteness = s.stats.pairsCompleteness;
  }
  return out;
}

export function formatScores(s: Scores): string {
  const pct = (x: number | undefined, d = 2) => (x === undefined ? 'n/a' : `${(100 * x).toFixed(d)}%`);
  return [
    `records                 ${s.records}`,
    `pairwise precision      ${pct(s.precision)}`,
    `pairwise recall         ${pct(s.recall)}`,
    `pairwise F1             ${pct(s.f1)}`,
    `auto-link precision     ${pct(s.linkPrecision, 3)} (${s.links ?? 'n/a'} links)`,
    `records sent to review  ${pct(s.reviewShare)} (${s.reviewRecords ?? 'n/a'})`,
    `pairs completeness      ${pct(s.pairsCompleteness)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  if (!a.persons || !a.clusters) {
    console.error(
      'usage: score.ts --persons persons.csv --clusters clusters.csv [--links f] [--review f] [--stats f]',
    );
    process.exitCode = 2;
    return;
  }
  const opts: Parameters<typeof score>[0] = { persons: a.persons, clusters: a.clusters };
  if (a.links) opts.links = a.links;
  if (a.review) opts.review = a.review;
  if (a.stats) opts.stats = a.stats;
  if (a['truth-column']) opts.truthColumn = a['truth-column'];
  console.log(formatScores(await score(opts)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
