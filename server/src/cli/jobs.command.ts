import { jobStatus } from '@oselia/contracts';
import type { Command } from 'commander';
import { withRuntime } from './context.ts';

export function registerJobsCommands(program: Command) {
  program
    .command('jobs')
    .description('durable background jobs')
    .command('list')
    .description('list jobs, newest first')
    .option('--status <status>', `one of ${jobStatus.options.join(', ')}`)
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON lines')
    .action(async (opts: { status?: string; limit: string; json?: boolean }) => {
      const status = opts.status === undefined ? undefined : jobStatus.parse(opts.status);
      await withRuntime(async ({ services, tenantId }) => {
        const page = await services.jobs.listJobs(tenantId, {
          ...(status ? { status } : {}),
          limit: Number(opts.limit) || 20,
        });
        if (opts.json) {
          for (const j of page.items) console.log(JSON.stringify(j));
          return;
        }
        if (page.items.length === 0) {
          console.log('no jobs');
          return;
        }
        for (const j of page.items) {
          const progress = j.progressTotal ? `${j.progressDone}/${j.progressTotal}` : `${j.progressDone}`;
          console.log(
            [
              j.id,
              j.kind.padEnd(16),
              j.status.padEnd(9),
              progress.padEnd(13),
              j.createdAt,
              j.error ?? j.message ?? '',
            ].join('  '),
          );
        }
      });
    });
}
