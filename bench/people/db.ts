/**
 * A scratch database for the people benchmarks: PGlite in a temp folder, or (DATABASE_URL) a new
 * PostgreSQL database. `keep` names a PostgreSQL database that is reused if it exists and is left in
 * place afterwards (to measure again without loading a million persons again).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../server/src/config.ts';
import { type DatabaseHandle, fromPGlite, fromPostgres, openPGlite } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import type { Actor } from '../../server/src/modules/access/access.policy.ts';
import { systemActor } from '../../server/src/modules/access/users.service.ts';
import { createServices } from '../../server/src/services.ts';

export async function openScratch(opts: { keep?: string } = {}) {
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  let where: string;
  if (url) {
    if (opts.keep !== undefined && !/^[a-z_][a-z0-9_]*$/.test(opts.keep))
      throw new Error(`not a plain database name: ${opts.keep}`);
    const name = opts.keep ?? `oselia_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    handle = fromPostgres(u.toString(), 4);
    where = `PostgreSQL (${opts.keep ? 'kept' : 'scratch'} database ${name})`;
    drop = async () => {
      if (opts.keep) return;
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oselia-bench-'));
    handle = fromPGlite(await openPGlite({ dataDir: dir }));
    where = `PGlite (${dir})`;
    drop = () => fs.rm(dir, { recursive: true, force: true });
  }
  await migrateToLatest(handle.db);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    OSELIA_DEMO: 'false',
    DATA_DIR: path.join(os.tmpdir(), 'oselia-bench-data'),
    OSELIA_SECRET_KEY: 'b'.repeat(64),
  });
  const services = createServices(handle, config);
  const tenantId = await services.tenants.ensureTenant();
  await services.places.importPlaces();
  const org = await services.organisations.createOrganisation(tenantId, systemActor('bench'), {
    type: 'mission',
    nameEn: `Bench mission ${randomBytes(3).toString('hex')}`,
    nameUk: 'Місія',
  });
  const actor: Actor = {
    userId: null as unknown as string,
    tenantId,
    organisationId: org.id,
    roles: ['admin'],
    projectScope: null,
    oblastScope: null,
    label: 'bench',
  };
  return {
    handle,
    services,
    tenantId,
    actor,
    where,
    async close() {
      await services.runner.stop();
      await handle.close();
      await drop();
    },
  };
}

export const seconds = (ms: number) => (ms / 1000).toFixed(2);
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** CPU milliseconds of this process so far (all its threads). */
export const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
