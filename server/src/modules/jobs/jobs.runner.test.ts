import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { JobRunner, PermanentJobError } from './jobs.runner.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('durable jobs', () => {
  it('runs a job to the end and records its progress and result', async () => {
    const runner = new JobRunner(t.db, { pollMs: 50 }).register<{ n: number }, never>(
      'count',
      async ({ payload, progress }) => {
        for (let i = 1; i <= payload.n; i++) await progress(i, payload.n, `counted ${i}`);
        return { counted: payload.n };
      },
    );
    const job = await t.services.jobs.enqueueJob(t.tenantId, 'count', { n: 3 });
    await runner.drain();
    const done = await t.services.jobs.getJob(t.tenantId, job.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      progressDone: 3,
      progressTotal: 3,
      message: 'counted 3',
      attempts: 1,
    });
    expect(done.finishedAt).not.toBeNull();
  });

  it('resumes from its checkpoint after the process died mid-way', async () => {
    const seen: number[] = [];
    const job = await t.services.jobs.enqueueJob(t.tenantId, 'steps', { steps: 5 });
    // First life: the process dies after step 2 (the handler never returns).
    const dying = new JobRunner(t.db, { pollMs: 50 }).register<{ steps: number }, { next: number }>(
      'steps',
      async ({ progress }) => {
        await progress(2, 5, 'two done', { next: 3 });
        throw new Error('simulated crash');
      },
    );
    // Simulate the crash: claim the job and leave it 'running' with a stale heartbeat.
    await (dying as unknown as { repo: { claimNextJob(w: string): Promise<unknown> } }).repo.claimNextJob(
      'dead-worker',
    );
    await sql`update jobs set progress_done = 2, checkpoint = '{"next":3}', heartbeat_at = now() - interval '1 hour' where id = ${job.id}`.execute(
      t.db,
    );
    expect((await t.services.jobs.getJob(t.tenantId, job.id)).status).toBe('running');

    // Second life: a new runner recovers the job and resumes where it stopped.
    const runner = new JobRunner(t.db, { pollMs: 50 }).register<{ steps: number }, { next: number }>(
      'steps',
      async ({ payload, checkpoint, progress }) => {
        for (let i = checkpoint?.next ?? 1; i <= payload.steps; i++) {
          seen.push(i);
          await progress(i, payload.steps, `step ${i}`, { next: i + 1 });
        }
        return { ok: true };
      },
    );
    await runner.start();
    await runner.stop();
    await runner.drain();
    expect(seen).toEqual([3, 4, 5]);
    expect(await t.services.jobs.getJob(t.tenantId, job.id)).toMatchObject({
      status: 'succeeded',
      progressDone: 5,
      attempts: 2,
    });
  });

  it('fails visibly, never silently, when a job keeps failing or was interrupted too often', async () => {
    const runner = new JobRunner(t.db, { pollMs: 50 }).register('bad-input', async () => {
      throw new PermanentJobError('row 3 has no name');
    });
    const bad = await t.services.jobs.enqueueJob(t.tenantId, 'bad-input', {});
    await runner.drain();
    expect(await t.services.jobs.getJob(t.tenantId, bad.id)).toMatchObject({
      status: 'failed',
      error: 'row 3 has no name',
    });

    const unknown = await t.services.jobs.enqueueJob(t.tenantId, 'no-such-kind', {});
    await runner.drain();
    expect((await t.services.jobs.getJob(t.tenantId, unknown.id)).error).toMatch(/no handler/);

    const worn = await t.services.jobs.enqueueJob(t.tenantId, 'count', {}, { maxAttempts: 1 });
    await sql`update jobs set status = 'running', attempts = 1, heartbeat_at = now() - interval '1 hour' where id = ${worn.id}`.execute(
      t.db,
    );
    await runner.start();
    await runner.stop();
    expect(await t.services.jobs.getJob(t.tenantId, worn.id)).toMatchObject({
      status: 'failed',
      error: 'interrupted by a restart too many times',
    });
  });

  it('leaves queued work alone until the runner is started', async () => {
    const job = await t.services.jobs.enqueueJob(t.tenantId, 'count', { n: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect((await t.services.jobs.getJob(t.tenantId, job.id)).status).toBe('queued');
    await t.services.jobs.cancelJob(t.tenantId, job.id);
  });

  it('retries a transient failure with a delay', async () => {
    let calls = 0;
    const runner = new JobRunner(t.db, { pollMs: 50 }).register('flaky', async () => {
      calls++;
      throw new Error('network blip');
    });
    const job = await t.services.jobs.enqueueJob(t.tenantId, 'flaky', {});
    await runner.drain();
    const after = await t.services.jobs.getJob(t.tenantId, job.id);
    expect(calls).toBe(1);
    expect(after).toMatchObject({ status: 'queued', message: 'attempt 1 failed; retrying', error: null });
  });

  it('lists jobs newest first through the API and cancels a queued one', async () => {
    const { session } = await signedInAs(t, ['programme_manager']);
    const job = await t.services.jobs.enqueueJob(t.tenantId, 'later', {});
    const list = await call(t, session, 'GET', '/api/v1/jobs?limit=2');
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0].id).toBe(job.id);
    expect(list.json().next).not.toBeNull();
    const cancel = await call(t, session, 'POST', `/api/v1/jobs/${job.id}/cancel`);
    expect(cancel.json()).toMatchObject({ status: 'cancelled' });
    const again = await call(t, session, 'POST', `/api/v1/jobs/${job.id}/cancel`);
    expect(again.statusCode).toBe(409);
    const missing = await call(t, session, 'GET', '/api/v1/jobs/00000000-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });
});
