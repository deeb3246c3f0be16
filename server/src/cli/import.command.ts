import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { type Actor, actorWithoutUser } from '../modules/access/access.policy.ts';
import { progressLine, withRuntime } from './context.ts';

/**
 * `oselia import people --file persons.csv --source kobo-lviv [--dry-run] [--skip-invalid]`:
 * the same path as the API (upload, mapping saved for the source or guessed, dry run, durable job).
 */
export function registerImportCommands(program: Command) {
  program
    .command('import')
    .description('import records from files')
    .command('people')
    .description('import people from a CSV (UTF-8, comma or semicolon) or XLSX file, all or nothing')
    .requiredOption('--file <path>', 'the file to import')
    .requiredOption(
      '--source <name>',
      'where the file comes from (e.g. kobo-lviv); its column mapping is remembered',
    )
    .option('--dry-run', 'check every row and print the report; import nothing')
    .option('--skip-invalid', 'import the valid rows and leave out the invalid ones')
    .option('--organisation <id>', 'the organisation the people are registered by (default: the mission)')
    .action(
      async (opts: {
        file: string;
        source: string;
        dryRun?: boolean;
        skipInvalid?: boolean;
        organisation?: string;
      }) => {
        await withRuntime(async ({ services, tenantId }) => {
          const actor: Actor = actorWithoutUser({ tenantId, roles: ['admin'], label: 'command line' });
          const { items } = await services.organisations.listOrganisations(actor, { limit: 500 });
          actor.organisationId = opts.organisation ?? items.find((o) => o.type === 'mission')?.id ?? '';
          if (!actor.organisationId) throw new Error('no mission organisation: pass --organisation <id>');
          const up = await services.peopleImport.uploadImport(actor, {
            source: opts.source,
            fileName: path.basename(opts.file),
            content: await fs.readFile(opts.file),
          });
          console.log(
            `${up.rowCount} rows, ${up.format}; mapping ${up.mappingSavedForSource ? 'saved for this source' : 'guessed from the headers'}:`,
          );
          for (const [field, column] of Object.entries(up.suggestedMapping))
            console.log(`  ${field} ← ${column}`);
          const report = await services.peopleImport.dryRun(actor, up.importId);
          for (const e of report.errors)
            console.log(`row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
          if (report.errorCount > report.errors.length)
            console.log(`… and ${report.errorCount - report.errors.length} more`);
          console.log(
            `${report.validRows} valid, ${report.invalidRows} invalid, ${report.alreadyPresent} already present, ${report.duplicates.length} duplicates in the file`,
          );
          if (opts.dryRun) return;
          if (report.invalidRows > 0 && !opts.skipInvalid) {
            process.exitCode = 1;
            console.log('nothing imported: fix the rows above, or pass --skip-invalid');
            return;
          }
          const { jobId } = await services.peopleImport.startImport(actor, up.importId, {
            skipInvalidRows: !!opts.skipInvalid,
          });
          const timer = setInterval(async () => {
            const j = await services.jobs.getJob(tenantId, jobId).catch(() => null);
            if (j?.message) progressLine(j.message);
          }, 500);
          await services.runner.drain();
          clearInterval(timer);
          const done = await services.peopleImport.getImport(actor, up.importId);
          if (done.status !== 'imported') throw new Error(`the import failed: ${done.error ?? done.status}`);
          console.log(`imported: ${JSON.stringify(done.counts)} (import ${done.id}, job ${jobId})`);
        });
      },
    );
}
