import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { ConfigError, describeDatabase, loadConfig } from './config.ts';
import { DatabaseUnavailableError } from './db/database.ts';
import { MigrationError } from './db/migrate.ts';
import { loggableError } from './shared/loggable-error.ts';

/** Start-up failures the operator can fix end the process with one line, not a stack. */
function fail(message: string): never {
  process.stderr.write(`oselia: ${message}\n`);
  process.exit(1);
}

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let runtime: Awaited<ReturnType<typeof bootstrap>>;
  try {
    runtime = await bootstrap(config);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError)
      fail(`cannot reach the database (${describeDatabase(config)}): ${error.message}`);
    if (error instanceof MigrationError) fail(error.message);
    throw error;
  }

  const { handle, services, tenantId } = runtime;
  const app = await buildApp({ config, services, tenantId });
  services.runner
    .start({ recoverAll: handle.engine === 'pglite' })
    .catch((err) => app.log.error({ err: loggableError(err) }, 'job runner failed to start'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 20_000).unref();
    try {
      await services.runner.stop();
      await app.close();
      await handle.close();
      clearTimeout(force);
      process.exit(0);
    } catch (err) {
      app.log.error({ err: loggableError(err) }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    await handle.close().catch(() => {});
    fail(e.code === 'EADDRINUSE' ? `port ${config.port} is already in use (set PORT)` : e.message);
  }
  app.log.info({ engine: handle.engine, port: config.port }, 'Oselia is ready');
}

main().catch((error) => {
  process.stderr.write(`oselia: unexpected failure at start-up: ${(error as Error).message}\n`);
  process.exit(1);
});
