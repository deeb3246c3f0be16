import { Command, CommanderError } from 'commander';
import { ConfigError, describeDatabase, loadConfig } from '../config.ts';
import { DatabaseUnavailableError, openDatabase } from '../db/database.ts';
import { MigrationError, migrateToLatest } from '../db/migrate.ts';
import { AppError } from '../shared/app-error.ts';
import { registerAuditCommands } from './audit.command.ts';
import { registerDbCommands } from './db.command.ts';
import { registerJobsCommands } from './jobs.command.ts';
import { registerPlacesCommands } from './places.command.ts';
import { registerUsersCommands } from './users.command.ts';

const program = new Command('oselia')
  .description('Operate an Oselia installation: database, places, demo data, users, audit, jobs')
  .showHelpAfterError()
  .exitOverride();

registerDbCommands(program);
registerPlacesCommands(program);
registerJobsCommands(program);
registerUsersCommands(program);
registerAuditCommands(program);

// Commands written in other modules register themselves when present.
for (const extra of ['./dedup.command.ts', './import.command.ts']) {
  try {
    const mod = await import(extra);
    mod.registerDedupCommand?.(program);
    mod.registerImportCommands?.(program);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const known =
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof MigrationError ||
    error instanceof AppError;
  process.stderr.write(`oselia: ${(error as Error).message}\n`);
  if (!known && process.env.OSELIA_DEBUG) console.error(error);
  process.exit(1);
}

export { describeDatabase, loadConfig, migrateToLatest, openDatabase };
