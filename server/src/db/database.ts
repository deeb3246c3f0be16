import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { enableCopy } from './copy.ts';
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

export class DatabaseUnavailableError extends Error {}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is a single-process database: a second process opening the same folder would corrupt
 * it. A lock file with the owner's pid keeps the command line away from a running server.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await fs.readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseUnavailableError(
          `the embedded database is in use by another Oselia process (pid ${owner}); stop it first, or use DATABASE_URL`,
        );
      }
      await fs.rm(lockFile, { force: true }); // left by a process that died
    }
  }
  throw new DatabaseUnavailableError(`cannot lock ${dataDir}`);
}

export async function openPGlite(options: { dataDir?: string; loadDataDir?: Blob | File } = {}) {
  if (options.dataDir) await fs.mkdir(options.dataDir, { recursive: true });
  const pgliteOptions = {
    extensions,
    parsers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  };
  // With no folder, PGlite keeps the database in memory; it reads options only from the first argument then.
  const pglite = options.dataDir ? new PGlite(options.dataDir, pgliteOptions) : new PGlite(pgliteOptions);
  await pglite.waitReady;
  return pglite;
}

export function fromPGlite(pglite: PGlite, onClose: () => Promise<void> = async () => {}): DatabaseHandle {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      await onClose();
    },
  };
}

export function fromPostgres(url: string, max = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  // Bulk loads stream their rows with COPY (see copy.ts).
  pool.on('connect', (client) => enableCopy(client));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

/** Opens the configured database and proves it answers. */
export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (config.database.engine === 'pglite') {
    const { dataDir } = config.database;
    await fs.mkdir(dataDir, { recursive: true });
    const unlock = await lockDataDir(dataDir);
    try {
      handle = fromPGlite(await openPGlite({ dataDir }), unlock);
    } catch (error) {
      await unlock();
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
