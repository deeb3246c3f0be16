import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { migrations } from './migrations/index.ts';

export function createMigrator(db: Kysely<any>) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'oselia_migrations',
    migrationLockTableName: 'oselia_migrations_lock',
  });
}

export class MigrationError extends Error {}

/** Brings the schema to the latest migration; returns the names applied now. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results }: MigrationResultSet = await createMigrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function readMigrationLevel(
  db: Kysely<any>,
): Promise<{ latest: string | null; applied: number }> {
  const rows = await sql<{ name: string }>`select name from oselia_migrations order by name`
    .execute(db)
    .then((r) => r.rows)
    .catch(() => []);
  return { latest: rows.at(-1)?.name ?? null, applied: rows.length };
}
