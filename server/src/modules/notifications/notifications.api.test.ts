import { notification, notificationsPage } from '@oselia/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotification, call, type Session, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { maskAddress, sendErrorKind } from './notifications.mailer.ts';
import { NOTIFICATION_MAX_ATTEMPTS } from './notifications.service.ts';

const ADDRESS = 'olena.kravets@example.org';

/** The runner retries after a back-off; a test makes the time pass instead of waiting. */
async function makeRetriesDue(t: TestApp) {
  await sql`update jobs set run_after = now() where status = 'queued'`.execute(t.db);
}

async function listFor(t: TestApp, s: Session, entityId: string) {
  const res = await call(t, s, 'GET', `/api/v1/notifications?entityId=${entityId}`);
  expect(res.statusCode).toBe(200);
  return notificationsPage.parse(res.json()).items;
}

describe('outbox without SMTP', () => {
  let t: TestApp;
  let manager: Session;
  beforeAll(async () => {
    t = await createTestApp();
    manager = (await signedInAs(t, ['programme_manager'])).session;
  });
  afterAll(() => t.close());

  it('keeps a queued message visible to staff as not sent, with the address masked', async () => {
    const { id, entityId } = await buildNotification(t, { address: ADDRESS });
    await t.services.notifications.scheduleDelivery(t.tenantId);
    await t.services.runner.drain();
    const [n] = await listFor(t, manager, entityId);
    expect(n).toMatchObject({
      id,
      status: 'queued',
      delivery: 'not_sent_no_smtp',
      recipientKind: 'email',
      recipientMasked: 'o•••@example.org',
      attempts: 0,
    });
    const one = await call(t, manager, 'GET', `/api/v1/notifications/${id}`);
    expect(notification.parse(one.json()).id).toBe(id);
    expect(one.body).not.toContain('kravets');
    // The address is stored encrypted.
    const stored = await sql<{
      r: string;
    }>`select recipient_encrypted as r from notifications where id = ${id}`
      .execute(t.db)
      .then((x) => x.rows[0]!.r);
    expect(stored).not.toContain('kravets');
    expect(t.services.crypto.decrypt(stored)).toBe(ADDRESS);
  });

  it('keeps a message for someone without an address, marked as not sendable', async () => {
    const { id, entityId } = await buildNotification(t, { address: null });
    const [n] = await listFor(t, manager, entityId);
    expect(n).toMatchObject({ id, recipientKind: 'none', delivery: 'not_sent_no_address', status: 'failed' });
    const retry = await call(t, manager, 'POST', `/api/v1/notifications/${id}/retry`);
    expect(retry.statusCode).toBe(422);
  });

  it('filters by entity and status, and pages', async () => {
    const entityId = crypto.randomUUID();
    for (let i = 0; i < 3; i++) await buildNotification(t, { entityId, entityType: 'grant_application' });
    const first = await call(t, manager, 'GET', `/api/v1/notifications?entityId=${entityId}&limit=2`);
    const page = notificationsPage.parse(first.json());
    expect(page.items).toHaveLength(2);
    const rest = notificationsPage.parse(
      (
        await call(
          t,
          manager,
          'GET',
          `/api/v1/notifications?entityId=${entityId}&limit=2&cursor=${page.next}`,
        )
      ).json(),
    );
    expect(rest.items).toHaveLength(1);
    expect(rest.next).toBeNull();
    const sent = await call(t, manager, 'GET', `/api/v1/notifications?entityId=${entityId}&status=sent`);
    expect(sent.json().items).toEqual([]);
  });

  it('tells a record’s subject what was written to it, sent or not', async () => {
    const { entityId } = await buildNotification(t, { entityType: 'grant_application', address: null });
    await buildNotification(t, { entityType: 'grant_application', entityId });
    const messages = await t.services.notifications.publicMessagesFor(
      t.tenantId,
      'grant_application',
      entityId,
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]).toEqual({
      at: expect.any(String),
      subject: 'Тестове повідомлення',
      body: 'Ваша заявка отримала рішення.',
    });
    expect(await t.services.notifications.publicMessagesFor(t.tenantId, 'other', entityId)).toEqual([]);
  });

  it('is closed to roles without notifications.read', async () => {
    const { session } = await signedInAs(t, ['reviewer']);
    expect((await call(t, session, 'GET', '/api/v1/notifications')).statusCode).toBe(403);
  });
});

describe('outbox with a (JSON) mail transport', () => {
  let t: TestApp;
  let manager: Session;
  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: 'json:' });
    manager = (await signedInAs(t, ['programme_manager'])).session;
  });
  afterAll(() => t.close());

  it('sends a queued message through a durable job and marks it sent', async () => {
    const { id, entityId } = await buildNotification(t, { address: ADDRESS, language: 'en' });
    expect((await listFor(t, manager, entityId))[0]!.delivery).toBe('sending');
    expect(await t.services.notifications.scheduleDelivery(t.tenantId)).toBe(1);
    await t.services.runner.drain();
    const [n] = await listFor(t, manager, entityId);
    expect(n).toMatchObject({ id, status: 'sent', delivery: 'sent', attempts: 1, lastError: null });
    expect(n!.sentAt).not.toBeNull();
    // Nothing is sent twice.
    expect(await t.services.notifications.scheduleDelivery(t.tenantId)).toBe(0);
    const again = await call(t, manager, 'POST', `/api/v1/notifications/${id}/retry`);
    expect(again.statusCode).toBe(409);
  });

  it('picks up messages written before delivery was asked for', async () => {
    const a = await buildNotification(t);
    const b = await buildNotification(t);
    const res = await call(t, manager, 'POST', '/api/v1/notifications/deliver');
    expect(res.json()).toEqual({ scheduled: 2, smtpConfigured: true });
    await t.services.runner.drain();
    for (const x of [a, b]) expect((await listFor(t, manager, x.entityId))[0]!.status).toBe('sent');
  });
});

describe('outbox with an SMTP server that refuses', () => {
  let t: TestApp;
  let manager: Session;
  beforeAll(async () => {
    // Nothing listens on port 9 here: every connection is refused at once.
    t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:9' });
    manager = (await signedInAs(t, ['programme_manager'])).session;
  });
  afterAll(() => t.close());

  it('retries a failing message, then gives it up with the error kind only; staff can send it again', async () => {
    const { id, entityId } = await buildNotification(t, { address: ADDRESS });
    await t.services.notifications.scheduleDelivery(t.tenantId);
    await t.services.runner.drain();
    let [n] = await listFor(t, manager, entityId);
    expect(n).toMatchObject({ status: 'queued', delivery: 'sending', attempts: 1 });
    expect(n!.lastError).toMatch(/^[A-Z_]+/);
    for (let i = 1; i < NOTIFICATION_MAX_ATTEMPTS; i++) {
      await makeRetriesDue(t);
      await t.services.runner.drain();
    }
    [n] = await listFor(t, manager, entityId);
    expect(n).toMatchObject({ status: 'failed', delivery: 'failed', attempts: NOTIFICATION_MAX_ATTEMPTS });
    expect(n!.lastError).not.toContain('kravets');

    const retry = await call(t, manager, 'POST', `/api/v1/notifications/${id}/retry`);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'queued', delivery: 'sending' });
    await t.services.runner.drain();
    expect((await listFor(t, manager, entityId))[0]!.attempts).toBe(NOTIFICATION_MAX_ATTEMPTS + 1);
  });
});

describe('mail helpers', () => {
  it('masks an address and keeps only the kind of a send error', () => {
    expect(maskAddress('petro@ukr.net')).toBe('p•••@ukr.net');
    expect(maskAddress('no-at-sign')).toBe('•••');
    const smtpError = Object.assign(new Error('550 <petro@ukr.net>: mailbox unavailable'), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    expect(sendErrorKind(smtpError)).toBe('EENVELOPE (SMTP 550)');
    expect(sendErrorKind(new Error('petro@ukr.net refused'))).toBe('SEND_FAILED');
  });
});
