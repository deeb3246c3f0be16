import type { JobHandler } from '../../jobs/jobs.runner.ts';
import type { ImportJobPayload, PeopleImportService } from './people-import.service.ts';

export { PEOPLE_IMPORT_JOB } from './people-import.service.ts';

/** The import as a durable job: all or nothing in one transaction, so a rerun after a crash is safe. */
export const importPeopleJob =
  (imports: PeopleImportService): JobHandler<ImportJobPayload> =>
  (ctx) =>
    imports.runImport(ctx);
