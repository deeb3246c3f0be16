import type { Command } from 'commander';
import { describeDatabase, loadConfig } from '../config.ts';
import { DatabaseUnavailableError, openDatabase } from '../db/database.ts';
import { migrateToLatest, readMigrationLevel } from '../db/migrate.ts';
import { seedDemo } from '../modules/demo/demo.service.ts';
import { withRuntime } from './context.ts';

export function registerDbCommands(program: Command) {
  const db = program.command('db').description('database schema');
  db.command('migrate')
    .description('apply every pending migration')
    .action(async () => {
      const config = loadConfig();
      const handle = await openDatabase(config).catch((error: Error) => {
        throw new DatabaseUnavailableError(
          `cannot reach the database (${describeDatabase(config)}): ${error.message}`,
        );
      });
      try {
        const applied = await migrateToLatest(handle.db);
        const level = await readMigrationLevel(handle.db);
        console.log(
          applied.length > 0
            ? `applied ${applied.length} migration(s): ${applied.join(', ')}; now at ${level.latest}`
            : `already up to date at ${level.latest} (${level.applied} migrations)`,
        );
      } finally {
        await handle.close();
      }
    });

  program
    .command('demo')
    .description('demo data')
    .command('seed')
    .description('create the demo organisations and data (safe to run again)')
    .action(async () => {
      await withRuntime(async ({ services, tenantId }) => {
        const result = await seedDemo(services, tenantId);
        console.log(
          `demo data present: ${result.organisations} organisations, ${result.users} users (${result.usersCreated} new), ${result.households} new households`,
        );
      });
    });
}
