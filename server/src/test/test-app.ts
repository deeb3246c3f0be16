import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type DatabaseHandle, fromPGlite, fromPostgres, openPGlite } from '../db/database.ts';
import { createServices } from '../services.ts';
import { testConfig, withDatabase } from './global-setup.ts';

/** A fresh copy of the migrated template database, for one test file. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const spec = inject('testDatabase');
  if (spec.engine === 'pglite') {
    const bytes = await fs.readFile(spec.templateFile);
    return fromPGlite(await openPGlite({ loadDataDir: new Blob([bytes]) }));
  }
  const name = `oselia_t_${spec.runId}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: spec.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${spec.template}`);
  } finally {
    await admin.end();
  }
  const handle = fromPostgres(withDatabase(spec.url, name), 4);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: spec.url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** The whole app over a fresh database, driven through `app.inject`. */
export async function createTestApp(env: Record<string, string> = {}) {
  const handle = await openTestDatabase();
  const config = testConfig(env);
  const services = createServices(handle, config);
  const tenantId = await services.tenants.ensureTenant();
  const app = await buildApp({ config, services, tenantId, logger: false });
  await app.ready();
  return {
    app,
    services,
    tenantId,
    engine: handle.engine,
    db: handle.db,
    async close() {
      await services.runner.stop();
      await app.close();
      await handle.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
