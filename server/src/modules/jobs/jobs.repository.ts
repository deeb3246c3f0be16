import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { JobRow, JobStatusColumn, NewJob } from '../../db/schema.ts';

export interface ListJobsFilter {
  tenantId: string;
  status?: JobStatusColumn;
  kind?: string;
  /** Newest first: the page after (created_at, id). */
  before?: { createdAt: string; id: string };
  limit: number;
}

export function createJobsRepository(db: Database) {
  return {
    async insertJob(job: NewJob): Promise<JobRow> {
      return db.insertInto('jobs').values(job).returningAll().executeTakeFirstOrThrow();
    },

    async findJob(tenantId: string, id: string): Promise<JobRow | undefined> {
      return db
        .selectFrom('jobs')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async listJobs(f: ListJobsFilter): Promise<JobRow[]> {
      let q = db
        .selectFrom('jobs')
        .selectAll()
        .where('tenant_id', '=', f.tenantId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(f.limit + 1);
      if (f.status) q = q.where('status', '=', f.status);
      if (f.kind) q = q.where('kind', '=', f.kind);
      if (f.before) {
        const { createdAt, id } = f.before;
        q = q.where((eb) =>
          eb.or([
            eb('created_at', '<', new Date(createdAt)),
            eb.and([eb('created_at', '=', new Date(createdAt)), eb('id', '<', id)]),
          ]),
        );
      }
      return q.execute();
    },

    /** Takes the oldest due job; SKIP LOCKED lets several workers share the table. */
    async claimNextJob(workerId: string): Promise<JobRow | undefined> {
      const result = await sql<JobRow>`
        update jobs set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
          heartbeat_at = now(), started_at = coalesce(started_at, now()), updated_at = now()
        where (tenant_id, id) = (
          select tenant_id, id from jobs
          where status = 'queued' and run_after <= now()
          order by run_after, id
          for update skip locked
          limit 1)
        returning *`.execute(db);
      return result.rows[0];
    },

    async recordProgress(
      job: Pick<JobRow, 'tenant_id' | 'id'>,
      p: { done: number; total?: number | null; message?: string | null; checkpoint?: unknown },
    ) {
      await db
        .updateTable('jobs')
        .set({
          progress_done: p.done,
          ...(p.total !== undefined ? { progress_total: p.total } : {}),
          ...(p.message !== undefined ? { message: p.message } : {}),
          ...(p.checkpoint !== undefined ? { checkpoint: JSON.stringify(p.checkpoint) } : {}),
          heartbeat_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('tenant_id', '=', job.tenant_id)
        .where('id', '=', job.id)
        .execute();
    },

    async finishJob(
      job: Pick<JobRow, 'tenant_id' | 'id'>,
      outcome: { status: 'succeeded'; result: unknown } | { status: 'failed' | 'cancelled'; error: string },
    ) {
      await db
        .updateTable('jobs')
        .set({
          status: outcome.status,
          ...(outcome.status === 'succeeded'
            ? { result: JSON.stringify(outcome.result ?? null) }
            : { error: outcome.error }),
          locked_by: null,
          finished_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('tenant_id', '=', job.tenant_id)
        .where('id', '=', job.id)
        .execute();
    },

    /** Puts a job back in the queue, to retry later or to resume after a shutdown. */
    async requeueJob(
      job: Pick<JobRow, 'tenant_id' | 'id'>,
      opts: { delaySeconds: number; message: string; refundAttempt: boolean },
    ) {
      await db
        .updateTable('jobs')
        .set({
          status: 'queued',
          locked_by: null,
          message: opts.message,
          run_after: sql`now() + make_interval(secs => ${opts.delaySeconds})`,
          ...(opts.refundAttempt ? { attempts: sql`greatest(attempts - 1, 0)` } : {}),
          updated_at: sql`now()`,
        })
        .where('tenant_id', '=', job.tenant_id)
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .execute();
    },

    async cancelJob(tenantId: string, id: string): Promise<boolean> {
      const r = await db
        .updateTable('jobs')
        .set({
          status: 'cancelled',
          error: 'cancelled by a user',
          finished_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async isCancelled(job: Pick<JobRow, 'tenant_id' | 'id'>): Promise<boolean> {
      const row = await db
        .selectFrom('jobs')
        .select('status')
        .where('tenant_id', '=', job.tenant_id)
        .where('id', '=', job.id)
        .executeTakeFirst();
      return row?.status === 'cancelled';
    },

    /**
     * Jobs left 'running' by a process that died: those with attempts left go back to the
     * queue (and resume from their checkpoint), the others fail with a visible reason.
     */
    async recoverInterruptedJobs(staleBefore: Date): Promise<{ requeued: number; failed: number }> {
      const requeued = await db
        .updateTable('jobs')
        .set({
          status: 'queued',
          locked_by: null,
          message: 'interrupted by a restart; resuming',
          updated_at: sql`now()`,
        })
        .where('status', '=', 'running')
        .where('heartbeat_at', '<', staleBefore)
        .where(sql<boolean>`attempts < max_attempts`)
        .executeTakeFirst();
      const failed = await db
        .updateTable('jobs')
        .set({
          status: 'failed',
          locked_by: null,
          error: 'interrupted by a restart too many times',
          finished_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('status', '=', 'running')
        .where('heartbeat_at', '<', staleBefore)
        .executeTakeFirst();
      return { requeued: Number(requeued.numUpdatedRows), failed: Number(failed.numUpdatedRows) };
    },
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
