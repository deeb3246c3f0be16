import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { migrations } from './migrations/index.ts';

export function createMigrator(db: Kysely<any>) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'oselia_migrations',
    migrationLockTableName: 'oselia_migrations_lock',
    // Timestamped migrations from parallel branches may land out of order; each stands alone.
    allowUnorderedMigrations: true,
  });
}

export class MigrationError extends Error {}

/** Brings the schema to the latest migration; returns the names applied now. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // The common case at start-up: nothing to do. One query instead of the migrator's lock dance.
  const { names } = await readMigrationLevel(db);
  if (Object.keys(migrations).every((name) => names.has(name))) return [];
  const { error, results }: MigrationResultSet = await createMigrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function readMigrationLevel(
  db: Kysely<any>,
): Promise<{ latest: string | null; applied: number; names: Set<string> }> {
  // to_regclass avoids a failing query (which would abort a surrounding transaction) on a new database.
  const exists = await sql<{ t: string | null }>`select to_regclass('oselia_migrations')::text as t`.execute(
    db,
  );
  if (!exists.rows[0]?.t) return { latest: null, applied: 0, names: new Set() };
  const rows = (await sql<{ name: string }>`select name from oselia_migrations order by name`.execute(db))
    .rows;
  return { latest: rows.at(-1)?.name ?? null, applied: rows.length, names: new Set(rows.map((r) => r.name)) };
}
