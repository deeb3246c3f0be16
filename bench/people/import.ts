/**
 * Imports a people file through the real service path (upload, dry run, durable job) into a fresh
 * database and prints where the time goes: wall seconds and CPU seconds per step (this process,
 * and on PostgreSQL the server's backends too), the job's own phases, and peak memory.
 *
 *   node --import tsx bench/people/import.ts --file bench/out/people-100k.csv          # PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/people/import.ts --file …
 *
 * Options: --runs N (a fresh database each time; every run printed, then the best), --baseline
 * (also a bare batched INSERT of the same person rows into an index-free copy of `persons`, and one
 * COPY of them into such a copy, and into one with the indexes of `persons`).
 */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { copyInto, copyRowsFrom } from '../../server/src/db/copy.ts';
import { arrayLiteral } from '../../server/src/modules/people/import/people-import.bulk.repository.ts';
import { parseArgs } from '../dedup/common.ts';
import { cpuMs, openScratch, peakRssMb, seconds } from './db.ts';

const args = parseArgs(process.argv.slice(2));
const file = args.file ?? 'bench/out/people-100k.csv';
const runs = Number(args.runs ?? 1);
const content = await fs.readFile(file);

interface Step {
  wall: number;
  cpu: number;
  server: number;
}

async function run() {
  const db = await openScratch();
  try {
    const { services, actor } = db;
    // On PostgreSQL, the CPU the server's backends for this database spent (read from /proc).
    const backends = new Set<number>();
    const serverMs = async () => {
      if (db.handle.engine !== 'postgres') return 0;
      const r = await sql<{ pid: number }>`
        select pid from pg_stat_activity where datname = current_database()`.execute(db.handle.db);
      for (const b of r.rows) backends.add(b.pid);
      let ticks = 0;
      for (const pid of backends) {
        try {
          const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          ticks += Number(f[11]) + Number(f[12]);
        } catch {
          // a backend that has gone
        }
      }
      return ticks * (1000 / 100);
    };
    const step = async <T>(f: () => Promise<T>): Promise<[T, Step]> => {
      const s0 = await serverMs();
      const c0 = cpuMs();
      const t0 = performance.now();
      const out = await f();
      const wall = performance.now() - t0;
      const cpu = cpuMs() - c0;
      return [out, { wall, cpu, server: (await serverMs()) - s0 }];
    };

    const [up, upload] = await step(() =>
      services.peopleImport.uploadImport(actor, {
        source: args.source ?? 'bench',
        fileName: path.basename(file),
        content,
      }),
    );
    const [report, dry] = await step(() => services.peopleImport.dryRun(actor, up.importId));
    const [, job] = await step(async () => {
      await services.peopleImport.startImport(actor, up.importId, {
        skipInvalidRows: args['skip-invalid'] === 'true',
      });
      await services.runner.drain();
    });
    const done = await services.peopleImport.getImport(actor, up.importId);
    if (done.status !== 'imported') throw new Error(`import ${done.status}: ${done.error}`);
    const row = await db.handle.db
      .selectFrom('jobs')
      .select('result')
      .where('id', '=', done.job!.id)
      .executeTakeFirstOrThrow();
    const result = (typeof row.result === 'string' ? JSON.parse(row.result) : row.result) as {
      indexesRebuilt?: boolean;
      milliseconds: Record<string, number>;
    };

    let baseline: Step | null = null;
    let copyBare: Step | null = null;
    let copyIndexed: Step | null = null;
    if (args.baseline !== undefined) {
      // The same person rows, already prepared, with bare batched INSERTs into a copy of `persons`
      // that has no index, no foreign key and no trigger.
      const { db: k } = db.handle;
      await sql`create table persons_baseline (like persons including defaults)`.execute(k);
      const rows = await k.selectFrom('persons').selectAll().execute();
      [, baseline] = await step(() =>
        k.transaction().execute(async (trx) => {
          for (let i = 0; i < rows.length; i += 2000) {
            // biome-ignore lint/suspicious/noExplicitAny: a table outside the typed schema, for the comparison only.
            await (trx as any)
              .insertInto('persons_baseline')
              .values(rows.slice(i, i + 2000))
              .execute();
          }
        }),
      );
      // The same rows with one COPY: into a bare table, then into one with the indexes of `persons`
      // (no trigger, no foreign key): what a load of these rows costs the database at this moment.
      const names = Object.keys(rows[0] ?? {});
      const text = (v: unknown) =>
        v === null || v === undefined
          ? null
          : Array.isArray(v)
            ? arrayLiteral(v)
            : v instanceof Date
              ? v.toISOString()
              : typeof v === 'object'
                ? JSON.stringify(v)
                : String(v);
      const copyAll = (table: string) =>
        k.transaction().execute((trx) =>
          copyInto(
            trx,
            table,
            names,
            copyRowsFrom(
              rows.length,
              (i, j) => text((rows[i] as Record<string, unknown>)[names[j]!]),
              names.map(() => false),
            ),
          ),
        );
      await sql`create table persons_copy_bare (like persons including defaults)`.execute(k);
      [, copyBare] = await step(() => copyAll('persons_copy_bare'));
      await sql`create table persons_copy_indexed (like persons including defaults including indexes)`.execute(
        k,
      );
      [, copyIndexed] = await step(() => copyAll('persons_copy_indexed'));
    }
    return {
      where: db.where,
      engine: db.handle.engine,
      up,
      report,
      done,
      upload,
      dry,
      job,
      result,
      baseline,
      copyBare,
      copyIndexed,
    };
  } finally {
    await db.close();
  }
}

const show = (s: Step, withServer: boolean) =>
  `${seconds(s.wall).padStart(6)} s   cpu ${seconds(s.cpu)} s${withServer ? ` + server ${seconds(s.server)} s` : ''}`;

let best: Awaited<ReturnType<typeof run>> | null = null;
for (let i = 0; i < runs; i++) {
  const r = await run();
  const total = r.upload.wall + r.dry.wall + r.job.wall;
  const pg = r.engine === 'postgres';
  console.log(`run ${i + 1}/${runs}       ${r.where}`);
  console.log(`file              ${file} (${(content.length / 1e6).toFixed(1)} MB, ${r.up.rowCount} rows)`);
  console.log(
    `valid / invalid   ${r.report.validRows} / ${r.report.invalidRows}; households ${r.report.households}`,
  );
  console.log(`upload (parse)    ${show(r.upload, pg)}`);
  console.log(`dry run           ${show(r.dry, pg)}`);
  console.log(`import job        ${show(r.job, pg)}`);
  console.log(
    `total             ${seconds(total).padStart(6)} s = ${Math.round(r.up.rowCount / (total / 1000))} rows/s`,
  );
  console.log(`counts            ${JSON.stringify(r.done.counts)}`);
  console.log(
    `job phases (ms)   ${JSON.stringify(r.result.milliseconds)}${r.result.indexesRebuilt ? ' (indexes rebuilt)' : ''}`,
  );
  if (r.baseline)
    console.log(
      `baseline INSERT   ${show(r.baseline, pg)} (prepared person rows, 2000 per INSERT, bare table)`,
    );
  if (r.copyBare)
    console.log(`baseline COPY     ${show(r.copyBare, pg)} (the same rows, one COPY, bare table)`);
  if (r.copyIndexed)
    console.log(
      `baseline COPY+idx ${show(r.copyIndexed, pg)} (the same rows, one COPY, the indexes of persons)`,
    );
  console.log(
    `load average      ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (!best || total < best.upload.wall + best.dry.wall + best.job.wall) best = r;
}
if (runs > 1 && best)
  console.log(
    `best total        ${seconds(best.upload.wall + best.dry.wall + best.job.wall)} s (upload ${seconds(best.upload.wall)}, dry run ${seconds(best.dry.wall)}, job ${seconds(best.job.wall)})`,
  );
console.log(`peak RSS          ${peakRssMb()} MB`);
