import type { JobsPage } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import type { JobRow, JobStatusColumn } from '../../db/schema.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { toJob } from './jobs.mapper.ts';
import { createJobsRepository } from './jobs.repository.ts';

export interface EnqueueOptions {
  createdBy?: string | null;
  maxAttempts?: number;
  total?: number | null;
}

export function createJobsService(db: Database, onEnqueued: () => void = () => {}) {
  const repo = createJobsRepository(db);
  return {
    async enqueueJob(
      tenantId: string,
      kind: string,
      payload: unknown,
      opts: EnqueueOptions = {},
    ): Promise<JobRow> {
      const row = await repo.insertJob({
        tenant_id: tenantId,
        id: uuidv7(),
        kind,
        payload: JSON.stringify(payload ?? {}),
        status: 'queued',
        progress_total: opts.total ?? null,
        created_by: opts.createdBy ?? null,
        max_attempts: opts.maxAttempts ?? 3,
        run_after: new Date(),
      });
      onEnqueued();
      return row;
    },

    async listJobs(
      tenantId: string,
      q: { status?: JobStatusColumn; kind?: string; cursor?: string; limit: number },
    ): Promise<JobsPage> {
      const before = decodeCursor(q.cursor, 2);
      const rows = await repo.listJobs({
        tenantId,
        ...(q.status ? { status: q.status } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
        ...(before ? { before: { createdAt: String(before[0]), id: String(before[1]) } } : {}),
        limit: q.limit,
      });
      const page = pageFrom(rows, q.limit, (r) => [iso(r.created_at), r.id]);
      return { items: page.items.map(toJob), next: page.next };
    },

    async getJob(tenantId: string, id: string) {
      const row = await repo.findJob(tenantId, id);
      if (!row) throw notFound('job');
      return toJob(row);
    },

    async cancelJob(tenantId: string, id: string) {
      const row = await repo.findJob(tenantId, id);
      if (!row) throw notFound('job');
      if (!(await repo.cancelJob(tenantId, id))) {
        throw new AppError(
          'CONFLICT',
          `the job has already ${row.status === 'succeeded' ? 'finished' : row.status}`,
        );
      }
      return toJob((await repo.findJob(tenantId, id))!);
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
