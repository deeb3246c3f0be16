/**
 * Imports a people file through the real service path (upload, dry run, durable job) into a fresh
 * database, and compares with a bare batched INSERT of the same rows.
 *
 *   node --import tsx bench/people/import.ts --file bench/out/people-100k.csv          # PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/people/import.ts --file …
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { parseArgs } from '../dedup/common.ts';
import { openScratch, peakRssMb, seconds } from './db.ts';

const args = parseArgs(process.argv.slice(2));
const file = args.file ?? 'bench/out/people-100k.csv';
const db = await openScratch();
try {
  const { services, actor } = db;
  const content = await fs.readFile(file);
  const t0 = performance.now();
  const up = await services.peopleImport.uploadImport(actor, {
    source: args.source ?? 'bench',
    fileName: path.basename(file),
    content,
  });
  const t1 = performance.now();
  const report = await services.peopleImport.dryRun(actor, up.importId);
  const t2 = performance.now();
  await services.peopleImport.startImport(actor, up.importId, {
    skipInvalidRows: args['skip-invalid'] === 'true',
  });
  await services.runner.drain();
  const t3 = performance.now();
  const done = await services.peopleImport.getImport(actor, up.importId);
  if (done.status !== 'imported') throw new Error(`import ${done.status}: ${done.error}`);
  console.log(`engine            ${db.where}`);
  console.log(`file              ${file} (${(content.length / 1e6).toFixed(1)} MB, ${up.rowCount} rows)`);
  console.log(
    `valid / invalid   ${report.validRows} / ${report.invalidRows}; households ${report.households}`,
  );
  if (report.errors.length > 0) console.log('first errors', report.errors.slice(0, 5));
  console.log(`upload (parse)    ${seconds(t1 - t0)} s`);
  console.log(`dry run           ${seconds(t2 - t1)} s`);
  console.log(`import job        ${seconds(t3 - t2)} s (checks again, prepares, writes in one transaction)`);
  console.log(
    `total             ${seconds(t3 - t0)} s = ${Math.round(up.rowCount / ((t3 - t0) / 1000))} rows/s`,
  );
  console.log(`counts            ${JSON.stringify(done.counts)}`);
  const job = await db.handle.db
    .selectFrom('jobs')
    .select('result')
    .where('id', '=', done.job!.id)
    .executeTakeFirstOrThrow();
  console.log(
    `job phases (ms)   ${JSON.stringify((typeof job.result === 'string' ? JSON.parse(job.result) : job.result).milliseconds)}`,
  );

  // Baseline: the same person rows, already prepared, into an identical table with the same indexes.
  const { db: kdb } = db.handle;
  await sql`create table persons_baseline (like persons including all)`.execute(kdb);
  const rows = await kdb.selectFrom('persons').selectAll().execute();
  const b0 = performance.now();
  await kdb.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 2000) {
      // biome-ignore lint/suspicious/noExplicitAny: a table outside the typed schema, for the comparison only.
      await (trx as any)
        .insertInto('persons_baseline')
        .values(rows.slice(i, i + 2000))
        .execute();
    }
  });
  const b1 = performance.now();
  console.log(
    `baseline INSERT   ${seconds(b1 - b0)} s for ${rows.length} prepared person rows (2000 per INSERT, same indexes)`,
  );
  console.log(`peak RSS          ${peakRssMb()} MB`);
} finally {
  await db.close();
}
