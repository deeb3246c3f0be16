import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { bootstrap } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { fromPGlite, fromPostgres, openPGlite } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createServices } from '../services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase:
      | { engine: 'pglite'; templateFile: string }
      | { engine: 'postgres'; url: string; template: string; runId: string };
  }
}

/** Tests use a fixed key and short locks; nothing is written under the repository. */
export const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    OSELIA_DEMO: 'false',
    DATA_DIR: path.join(os.tmpdir(), 'oselia-test-data'),
    OSELIA_SECRET_KEY: 'a'.repeat(64),
    OSELIA_LOCK_SECONDS: '2',
    ...env,
  });

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Migrates one template database; every test file starts from a copy of it. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    // Names carry this run's id, so runs sharing one server never touch each other's databases.
    const runId = randomBytes(4).toString('hex');
    const template = `oselia_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const handle = fromPostgres(withDatabase(url, template), 2);
    await migrateToLatest(handle.db);
    const services = createServices(handle, testConfig());
    await services.places.importPlaces();
    await handle.close();
    project.provide('testDatabase', { engine: 'postgres', url, template, runId });
    return async () => {
      // Test files drop their own copies; the template goes last.
      const leftovers = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1 or datname = $2`,
        [`oselia_t_${runId}_%`, template],
      );
      for (const { datname } of leftovers.rows)
        await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  }

  const pglite = await openPGlite();
  const handle = fromPGlite(pglite);
  await migrateToLatest(handle.db);
  await createServices(handle, testConfig()).places.importPlaces();
  const dump = await pglite.dumpDataDir('none');
  const templateFile = path.join(os.tmpdir(), `oselia-test-template-${process.pid}.tar`);
  await fs.writeFile(templateFile, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('testDatabase', { engine: 'pglite', templateFile });
  return async () => {
    await fs.rm(templateFile, { force: true });
  };
}

export { bootstrap };
