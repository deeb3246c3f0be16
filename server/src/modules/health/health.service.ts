import type { HealthResponse } from '@oselia/contracts';
import type { Database, Engine } from '../../db/database.ts';
import { readMigrationLevel } from '../../db/migrate.ts';

export function createSystemService(db: Database, engine: Engine, version: string) {
  const startedAt = Date.now();
  return {
    async describeHealth(): Promise<HealthResponse> {
      const level = await readMigrationLevel(db);
      return {
        status: 'ok',
        version,
        database: { engine, migration: level.latest, migrationsApplied: level.applied },
        uptimeSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
      };
    },
  };
}
