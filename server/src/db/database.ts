import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;
export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  engine: Engine;
  /** Closes the pool or flushes and closes PGlite. */
  close(): Promise<void>;
}

// Same values on both engines: counts and minor units as numbers, dates as 'YYYY-MM-DD'.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
const parsers = {
  [INT8]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
  [NUMERIC]: (v: string) => v,
};

pg.types.setTypeParser(INT8, parsers[INT8]);
pg.types.setTypeParser(DATE, parsers[DATE]);
pg.types.setTypeParser(NUMERIC, parsers[NUMERIC]);

const extensions = { pg_trgm, unaccent };

export async function openPGlite(options: { dataDir?: string; loadDataDir?: Blob | File } = {}) {
  if (options.dataDir) await fs.mkdir(options.dataDir, { recursive: true });
  const pglite = new PGlite(options.dataDir, {
    extensions,
    parsers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await pglite.waitReady;
  return pglite;
}

export function fromPGlite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}

export function fromPostgres(url: string, max = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

export class DatabaseUnavailableError extends Error {}

/** Opens the configured database and proves it answers. */
export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (config.database.engine === 'pglite') {
    try {
      handle = fromPGlite(await openPGlite({ dataDir: config.database.dataDir }));
    } catch (error) {
      throw new DatabaseUnavailableError(`cannot open the embedded database: ${(error as Error).message}`);
    }
  } else {
    handle = fromPostgres(config.database.url);
  }
  try {
    await sql`select 1`.execute(handle.db);
  } catch (error) {
    await handle.close().catch(() => {});
    const e = error as NodeJS.ErrnoException;
    throw new DatabaseUnavailableError(e.code ? `${e.code} ${e.message}`.trim() : e.message);
  }
  return handle;
}
