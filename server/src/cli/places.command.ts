import path from 'node:path';
import type { Command } from 'commander';
import { PLACES_IMPORT_JOB } from '../modules/places/places.jobs.ts';
import { progressLine, withRuntime } from './context.ts';

export function registerPlacesCommands(program: Command) {
  program
    .command('places')
    .description('administrative units (OCHA P-codes)')
    .command('import')
    .description(
      'load or refresh the admin units from a CSV (pcode,admin_level,parent_pcode,name_en,name_uk,lat,lon)',
    )
    .argument('[file]', 'CSV file; the one shipped in server/assets by default')
    .action(async (file?: string) => {
      await withRuntime(async ({ services, tenantId }) => {
        // Recorded as a durable job, so the import shows in the jobs list like any other.
        const job = await services.jobs.enqueueJob(
          tenantId,
          PLACES_IMPORT_JOB,
          file ? { file: path.resolve(file) } : {},
          {
            maxAttempts: 1,
          },
        );
        const timer = setInterval(async () => {
          const j = await services.jobs.getJob(tenantId, job.id).catch(() => null);
          if (j?.message) progressLine(j.message);
        }, 500);
        await services.runner.drain();
        clearInterval(timer);
        const done = await services.jobs.getJob(tenantId, job.id);
        if (done.status !== 'succeeded')
          throw new Error(`places import failed: ${done.error ?? done.status}`);
        console.log(`${done.message} (job ${done.id})`);
      });
    });
}
