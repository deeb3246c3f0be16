import type { Job } from '@oselia/contracts';
import type { JobRow } from '../../db/schema.ts';
import { iso } from '../../shared/iso.ts';

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progressDone: row.progress_done,
    progressTotal: row.progress_total,
    message: row.message,
    error: row.error,
    attempts: row.attempts,
    createdAt: iso(row.created_at),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}
