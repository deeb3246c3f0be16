import { bootstrap, type Runtime } from '../bootstrap.ts';
import { describeDatabase, loadConfig } from '../config.ts';
import { DatabaseUnavailableError } from '../db/database.ts';

/** Runs a command against the configured database, migrated and bootstrapped, then closes it. */
export async function withRuntime<T>(
  fn: (rt: Runtime, config: ReturnType<typeof loadConfig>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  let rt: Runtime;
  try {
    rt = await bootstrap(config, (m) => process.stderr.write(`${m}\n`));
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) {
      throw new DatabaseUnavailableError(
        `cannot reach the database (${describeDatabase(config)}): ${error.message}`,
      );
    }
    throw error;
  }
  try {
    return await fn(rt, config);
  } finally {
    await rt.handle.close();
  }
}

/** A progress line on stderr that rewrites itself on a terminal. */
export function progressLine(message: string) {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${message}`);
  else process.stderr.write(`${message}\n`);
}
