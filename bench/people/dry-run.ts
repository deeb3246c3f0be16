/**
 * The dry run alone, again and again in one process: upload a file, check it, and repeat, with the
 * same services, so the check workers stay warm after the first run. Each run prints its wall and
 * CPU seconds (this process, all threads). Comparing two commits this way is far less noisy than
 * whole imports: no database writes of any size, and the cold first run is shown apart.
 *
 *   node --import tsx bench/people/dry-run.ts --file bench/out/people-100k.csv --runs 4
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/people/dry-run.ts …
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from '../dedup/common.ts';
import { cpuMs, openScratch, peakRssMb, seconds } from './db.ts';

const args = parseArgs(process.argv.slice(2));
const file = args.file ?? 'bench/out/people-100k.csv';
const runs = Number(args.runs ?? 4);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1');
const content = await fs.readFile(file);

const db = await openScratch();
const warm: number[] = [];
try {
  const { services, actor } = db;
  console.log(`${db.where}; ${file} (${(content.length / 1e6).toFixed(1)} MB)`);
  for (let i = 0; i < runs; i++) {
    // Each run under its own source, so that no run finds rows of another.
    const up = await services.peopleImport.uploadImport(actor, {
      source: `dry-run-bench-${i}`,
      fileName: path.basename(file),
      content,
    });
    const c0 = cpuMs();
    const t0 = performance.now();
    const report = await services.peopleImport.dryRun(actor, up.importId);
    const wall = performance.now() - t0;
    if (i > 0) warm.push(wall);
    console.log(
      `run ${i + 1}/${runs}${i === 0 ? ' (cold)' : '       '}  dry run ${seconds(wall).padStart(5)} s   cpu ${seconds(cpuMs() - c0)} s   ${report.validRows} valid, ${report.invalidRows} invalid`,
    );
  }
} finally {
  await db.close();
}
if (warm.length > 0) {
  const sorted = [...warm].sort((a, b) => a - b);
  const mean = warm.reduce((a, b) => a + b, 0) / warm.length;
  console.log(
    `warm runs         ${seconds(sorted[0]!)}–${seconds(sorted[sorted.length - 1]!)} s, mean ${seconds(mean)} s`,
  );
}
console.log(`peak RSS          ${peakRssMb()} MB`);
// The workers stop on their own after a minute; no need to wait for them.
process.exit(0);
