import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.ts';
import type { JobRow } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import { loggableError } from '../../shared/loggable-error.ts';
import { createJobsRepository } from './jobs.repository.ts';

export interface JobContext<P = unknown, C = unknown> {
  job: JobRow;
  payload: P;
  /** What the last attempt saved; a handler resumes from here after a restart. */
  checkpoint: C | null;
  /** Aborted on shutdown or cancellation: stop at the next safe point. */
  signal: AbortSignal;
  progress(done: number, total?: number | null, message?: string | null, checkpoint?: C): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: handlers are registered by kind and typed at their own site.
export type JobHandler<P = any, C = any> = (ctx: JobContext<P, C>) => Promise<unknown>;

/** Thrown by a handler to fail at once, without retries (bad input will not get better). */
export class PermanentJobError extends Error {}

export interface JobRunnerOptions {
  pollMs: number;
  /** A running job whose heartbeat is older than this belongs to a dead process. */
  staleAfterMs?: number;
  logger?: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/**
 * Runs durable jobs from the jobs table, one at a time (two cores: the server needs the other).
 * State lives in the table, so a restart resumes queued and interrupted work.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly repo;
  private readonly workerId = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private current: { job: JobRow; controller: AbortController; done: Promise<void> } | undefined;
  /** Only a started runner polls; a stopped or never-started one ignores wake-ups. */
  private stopping = true;
  private running = false;
  private wakeRequested = false;

  constructor(
    db: Database,
    private readonly opts: JobRunnerOptions,
  ) {
    this.repo = createJobsRepository(db);
  }

  register<P, C>(kind: string, handler: JobHandler<P, C>) {
    this.handlers.set(kind, handler as JobHandler);
    return this;
  }

  /** Recovers jobs a dead process left running, then starts polling. */
  async start(opts: { recoverAll?: boolean } = {}) {
    const staleBefore = opts.recoverAll
      ? new Date(Date.now() + 1000)
      : new Date(Date.now() - (this.opts.staleAfterMs ?? 60_000));
    const recovered = await this.repo.recoverInterruptedJobs(staleBefore);
    if (recovered.requeued + recovered.failed > 0)
      this.opts.logger?.warn(recovered, 'recovered interrupted jobs');
    this.stopping = false;
    this.schedule(0);
  }

  /** Asks the loop to look for work now (called when a job is enqueued); ignored unless started. */
  wake() {
    if (this.stopping) return;
    if (this.running) this.wakeRequested = true;
    else this.schedule(0);
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  private async tick() {
    if (this.stopping || this.running) return;
    this.running = true;
    try {
      while (!this.stopping) {
        this.wakeRequested = false;
        const job = await this.repo.claimNextJob(this.workerId);
        if (!job) break;
        await this.runJob(job);
      }
    } catch (error) {
      this.opts.logger?.error({ err: loggableError(error) }, 'job loop failed');
    } finally {
      this.running = false;
      if (!this.stopping) this.schedule(this.wakeRequested ? 0 : this.opts.pollMs);
    }
  }

  /** Runs queued jobs until none is due; for the command line and tests. */
  async drain() {
    for (;;) {
      const job = await this.repo.claimNextJob(this.workerId);
      if (!job) return;
      await this.runJob(job);
    }
  }

  private async runJob(job: JobRow) {
    const controller = new AbortController();
    let resolveDone!: () => void;
    const done = new Promise<void>((r) => {
      resolveDone = r;
    });
    this.current = { job, controller, done };
    const heartbeat = setInterval(() => {
      void this.repo.recordProgress(job, { done: job.progress_done }).catch(() => {});
      void this.repo.isCancelled(job).then((c) => c && controller.abort(new Error('cancelled')));
    }, 10_000);
    heartbeat.unref?.();
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new PermanentJobError(`no handler for jobs of kind "${job.kind}"`);
      const result = await handler({
        job,
        payload: job.payload,
        checkpoint: job.checkpoint ?? null,
        signal: controller.signal,
        progress: async (doneCount, total, message, checkpoint) => {
          job.progress_done = doneCount;
          await this.repo.recordProgress(job, { done: doneCount, total, message, checkpoint });
        },
      });
      await this.repo.finishJob(job, { status: 'succeeded', result: result ?? null });
    } catch (error) {
      if (controller.signal.aborted && this.stopping) {
        await this.repo.requeueJob(job, {
          delaySeconds: 0,
          message: 'paused by a shutdown; resuming',
          refundAttempt: true,
        });
      } else if (await this.repo.isCancelled(job)) {
        // Already marked cancelled by the user.
      } else {
        const message =
          error instanceof AppError || error instanceof PermanentJobError ? error.message : 'the job failed';
        const permanent = error instanceof PermanentJobError || error instanceof AppError;
        this.opts.logger?.error({ err: loggableError(error), jobId: job.id, kind: job.kind }, 'job failed');
        if (!permanent && job.attempts < job.max_attempts) {
          await this.repo.requeueJob(job, {
            delaySeconds: 5 * 2 ** job.attempts,
            message: `attempt ${job.attempts} failed; retrying`,
            refundAttempt: false,
          });
        } else {
          await this.repo.finishJob(job, { status: 'failed', error: message });
        }
      }
    } finally {
      clearInterval(heartbeat);
      this.current = undefined;
      resolveDone();
    }
  }

  /** Stops taking work; a running job is asked to stop and is put back in the queue. */
  async stop(graceMs = 10_000) {
    this.stopping = true;
    clearTimeout(this.timer);
    const current = this.current;
    if (!current) return;
    current.controller.abort(new Error('shutdown'));
    await Promise.race([current.done, new Promise((r) => setTimeout(r, graceMs).unref())]);
  }
}
