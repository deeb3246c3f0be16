import type { JobHandler } from '../jobs/jobs.runner.ts';
import type { PlacesService } from './places.service.ts';

export const PLACES_IMPORT_JOB = 'places.import';

/** Loads the admin units as a durable job; the load is one transaction, so a rerun is safe. */
export const importPlacesJob =
  (places: PlacesService): JobHandler<{ file?: string }> =>
  async ({ payload, progress }) => {
    await progress(0, null, 'reading the admin-units file');
    let last = 0;
    const result = await places.importPlaces(payload.file, (done, total) => {
      if (done - last >= 5000 || done === total) {
        last = done;
        void progress(done, total, `${done} of ${total} places loaded`);
      }
    });
    await progress(result.imported, result.imported, `${result.imported} places loaded`);
    return result;
  };
