import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildFeedback, feedbackIdOf, feedbackStaff } from './feedback.test-support.ts';

let t: TestApp;
type Staff = Awaited<ReturnType<typeof feedbackStaff>>;
let officer: Staff;
let admin: Staff;
let designatedOfficer: Staff;
let manager: Staff;
// Signing users in hashes passwords: made once for the file, on a machine that may be busy.
beforeAll(async () => {
  t = await createTestApp();
  officer = await feedbackStaff(t);
  admin = await feedbackStaff(t, ['admin']);
  designatedOfficer = await feedbackStaff(t, ['registration_officer'], true);
  manager = await feedbackStaff(t, ['programme_manager']);
}, 240_000);
afterAll(() => t.close());

const followUp = (referenceCode: string, secret: string) =>
  call(t, null, 'POST', '/api/v1/public/feedback/follow-up', { referenceCode, secret });

describe('feedback: public form to answer', { timeout: 120_000 }, () => {
  it('takes an anonymous complaint, answers a reference, and shows the public answer after staff respond', async () => {
    const sent = await call(t, null, 'POST', '/api/v1/public/feedback', {
      category: 'complaint',
      text: 'Нас не попередили, що пункт видачі переїхав.',
      anonymous: true,
      contact: '+380501112233',
      language: 'uk',
    });
    expect(sent.statusCode).toBe(201);
    const receipt = sent.json();
    expect(receipt.referenceCode).toMatch(/^FB-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const before = await followUp(receipt.referenceCode, receipt.secret);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ status: 'new', category: 'complaint', responses: [] });

    const staff = officer;
    const id = await feedbackIdOf(t, receipt.referenceCode);
    const item = (await call(t, staff.session, 'GET', `/api/v1/feedback/${id}`)).json();
    // Anonymous: the contact typed anyway is not kept.
    expect(item.contact).toBeNull();
    const noted = await call(t, staff.session, 'POST', `/api/v1/feedback/${id}/responses`, {
      version: item.version,
      visibility: 'internal',
      text: 'Check with the distribution team first.',
    });
    expect(noted.json().status).toBe('in_progress');
    const answered = await call(t, staff.session, 'POST', `/api/v1/feedback/${id}/responses`, {
      version: noted.json().version,
      visibility: 'public',
      text: 'Вибачте. Пункт тепер працює у школі №2, ми оновили оголошення.',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().status).toBe('answered');

    const after = (await followUp(receipt.referenceCode.toLowerCase(), receipt.secret)).json();
    expect(after.status).toBe('answered');
    // Only the public answer: the internal note never reaches the submitter.
    expect(after.responses.map((r: { text: string }) => r.text)).toEqual([
      'Вибачте. Пункт тепер працює у школі №2, ми оновили оголошення.',
    ]);
  });

  it('shows nothing without the secret, and the same answer for an unknown code', async () => {
    const receipt = await buildFeedback(t);
    const wrong = await followUp(receipt.referenceCode, 'AAAAA-BBBBB-CCCCC-DDDDD');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).not.toContain('complaint');
    const unknown = await followUp('FB-2222-3333', receipt.secret);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('keeps a contact encrypted at rest and shows it to staff', async () => {
    const receipt = await buildFeedback(t, { anonymous: false, contact: 'olena@example.org' });
    const id = await feedbackIdOf(t, receipt.referenceCode);
    const row = await t.db
      .selectFrom('feedback_items')
      .select('contact_enc')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.contact_enc).not.toContain('olena');
    const staff = officer;
    expect((await call(t, staff.session, 'GET', `/api/v1/feedback/${id}`)).json().contact).toBe(
      'olena@example.org',
    );
  });
});

describe('feedback: sensitive reports', { timeout: 120_000 }, () => {
  it('are invisible to staff without the designation: not in the list, 404 by id, not in counts', async () => {
    const sensitive = await buildFeedback(t, { category: 'sensitive', text: 'A volunteer asked for money.' });
    const id = await feedbackIdOf(t, sensitive.referenceCode);
    const plain = officer;
    const designated = designatedOfficer;

    for (const who of [plain, admin]) {
      const list = (await call(t, who.session, 'GET', '/api/v1/feedback?limit=200')).json();
      expect(list.items.map((i: { id: string }) => i.id)).not.toContain(id);
      expect(list.items.every((i: { category: string }) => i.category !== 'sensitive')).toBe(true);
      const filtered = (await call(t, who.session, 'GET', '/api/v1/feedback?category=sensitive')).json();
      expect(filtered).toEqual({ items: [], total: 0 });
      // Knowing the reference code does not open it either.
      const byReference = await call(
        t,
        who.session,
        'GET',
        `/api/v1/feedback?reference=${sensitive.referenceCode}`,
      );
      expect(byReference.json()).toEqual({ items: [], total: 0 });
      expect((await call(t, who.session, 'GET', `/api/v1/feedback/${id}`)).statusCode).toBe(404);
      const respond = await call(t, who.session, 'POST', `/api/v1/feedback/${id}/responses`, {
        version: 1,
        visibility: 'public',
        text: 'x',
      });
      expect(respond.statusCode).toBe(404);
    }

    const plainTotal = (await call(t, plain.session, 'GET', '/api/v1/feedback?limit=200')).json().total;
    const seen = (await call(t, designated.session, 'GET', '/api/v1/feedback?limit=200')).json();
    expect(seen.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(seen.total).toBeGreaterThan(plainTotal);
    expect((await call(t, designated.session, 'GET', `/api/v1/feedback/${id}`)).statusCode).toBe(200);

    // Aggregate statistics count them, as a number only.
    const stats = (await call(t, plain.session, 'GET', '/api/v1/feedback/stats')).json();
    expect(
      stats.byCategory.find((c: { category: string }) => c.category === 'sensitive').total,
    ).toBeGreaterThan(0);
  });

  it('lets only an admin designate, and only users whose role may handle feedback', async () => {
    const other = await feedbackStaff(t);
    expect(
      (await call(t, officer.session, 'PUT', `/api/v1/feedback/handlers/${other.userId}`)).statusCode,
    ).toBe(403);
    expect(
      (await call(t, admin.session, 'PUT', `/api/v1/feedback/handlers/${manager.userId}`)).statusCode,
    ).toBe(422);
    expect(
      (await call(t, admin.session, 'PUT', `/api/v1/feedback/handlers/${other.userId}`)).statusCode,
    ).toBe(204);
    const list = (await call(t, admin.session, 'GET', '/api/v1/feedback/handlers')).json();
    expect(list.items.map((h: { userId: string }) => h.userId)).toContain(other.userId);
    expect(
      (await call(t, admin.session, 'DELETE', `/api/v1/feedback/handlers/${other.userId}`)).statusCode,
    ).toBe(204);
    const sensitive = await buildFeedback(t, { category: 'sensitive' });
    const id = await feedbackIdOf(t, sensitive.referenceCode);
    expect((await call(t, other.session, 'GET', `/api/v1/feedback/${id}`)).statusCode).toBe(404);
  });
});

describe('feedback: queue', { timeout: 120_000 }, () => {
  it('sets the due date from the category', async () => {
    for (const [category, days] of [
      ['sensitive', 2],
      ['complaint', 7],
      ['request', 14],
      ['question', 14],
    ] as const) {
      const before = Date.now();
      const r = await buildFeedback(t, { category });
      const due = new Date(r.dueAt).getTime();
      expect(Math.round((due - before) / 86_400_000)).toBe(days);
    }
  });

  it('escalates, assigns, filters and closes with a resolution; a stale version is refused', async () => {
    const staff = officer;
    const r = await buildFeedback(t, { category: 'request', text: 'Could you run a training in Bucha?' });
    const id = await feedbackIdOf(t, r.referenceCode);
    const esc = await call(t, staff.session, 'POST', `/api/v1/feedback/${id}/escalate`, {
      version: 1,
      reason: 'Needs the programme manager',
    });
    expect(esc.statusCode).toBe(200);
    expect(esc.json()).toMatchObject({ escalationLevel: 1, status: 'in_progress' });
    const stale = await call(t, staff.session, 'POST', `/api/v1/feedback/${id}/escalate`, {
      version: 1,
      reason: 'again',
    });
    expect(stale.statusCode).toBe(409);
    const assigned = await call(t, staff.session, 'POST', `/api/v1/feedback/${id}/assign`, {
      version: esc.json().version,
      assigneeId: staff.userId,
    });
    expect(assigned.json().assigneeId).toBe(staff.userId);

    const mine = (await call(t, staff.session, 'GET', '/api/v1/feedback?assignee=me&escalated=true')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const none = (
      await call(t, staff.session, 'GET', '/api/v1/feedback?category=question&escalated=true')
    ).json();
    expect(none.items.map((i: { id: string }) => i.id)).not.toContain(id);

    const closed = await call(t, staff.session, 'POST', `/api/v1/feedback/${id}/close`, {
      version: assigned.json().version,
      resolution: 'Training planned for spring',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', resolution: 'Training planned for spring' });
    const again = await call(t, staff.session, 'POST', `/api/v1/feedback/${id}/close`, {
      version: closed.json().version,
      resolution: 'twice',
    });
    expect(again.statusCode).toBe(409);
    expect((await followUp(r.referenceCode, r.secret)).json().status).toBe('closed');
  });

  it('pages through the queue in its order, and finds one item by its code however it is typed', async () => {
    const staff = officer;
    for (let i = 0; i < 3; i++) await buildFeedback(t, { category: 'request' });
    const ids = (items: { id: string }[]) => items.map((i) => i.id);
    const all = (await call(t, staff.session, 'GET', '/api/v1/feedback?limit=200')).json();
    expect(all.total).toBeGreaterThanOrEqual(3);
    const paged: string[] = [];
    for (let offset = 0; offset < Math.min(all.total, 200); offset += 2) {
      const page = (await call(t, staff.session, 'GET', `/api/v1/feedback?limit=2&offset=${offset}`)).json();
      expect(page.total).toBe(all.total);
      paged.push(...ids(page.items));
    }
    expect(paged).toEqual(ids(all.items));
    const beyond = (await call(t, staff.session, 'GET', `/api/v1/feedback?offset=${all.total}`)).json();
    expect(beyond).toEqual({ items: [], total: all.total });

    const r = await buildFeedback(t, { category: 'question' });
    const spoken = r.referenceCode.toLowerCase().replaceAll('-', ' ');
    const found = (
      await call(t, staff.session, 'GET', `/api/v1/feedback?reference=${encodeURIComponent(spoken)}`)
    ).json();
    expect(found).toMatchObject({ total: 1, items: [{ referenceCode: r.referenceCode }] });
    const other = (await call(t, staff.session, 'GET', '/api/v1/feedback?reference=FB-0000-0000')).json();
    expect(other).toEqual({ items: [], total: 0 });
    const bad = await call(t, staff.session, 'GET', '/api/v1/feedback?reference=hello');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toEqual([
      { field: 'reference', message: 'a reference code looks like FB-XXXX-XXXX' },
    ]);
  });

  it('lists overdue items only when past their due date and not closed', async () => {
    const staff = officer;
    const r = await buildFeedback(t, { category: 'question' });
    const id = await feedbackIdOf(t, r.referenceCode);
    const notYet = (await call(t, staff.session, 'GET', '/api/v1/feedback?overdue=true&limit=200')).json();
    expect(notYet.items.map((i: { id: string }) => i.id)).not.toContain(id);
    await t.db
      .updateTable('feedback_items')
      .set({ due_at: new Date(Date.now() - 3_600_000) })
      .where('id', '=', id)
      .execute();
    const late = (await call(t, staff.session, 'GET', '/api/v1/feedback?overdue=true&limit=200')).json();
    expect(late.items.find((i: { id: string }) => i.id === id)?.overdue).toBe(true);
  });

  it('gives statistics by category with the median days to close', async () => {
    const staff = officer;
    const ids: string[] = [];
    for (const days of [1, 3, 8]) {
      const r = await buildFeedback(t, { category: 'question' });
      const id = await feedbackIdOf(t, r.referenceCode);
      ids.push(id);
      await call(t, staff.session, 'POST', `/api/v1/feedback/${id}/close`, {
        version: 1,
        resolution: 'Answered by phone',
      });
      const closedAt = new Date();
      await t.db
        .updateTable('feedback_items')
        .set({ created_at: new Date(closedAt.getTime() - days * 86_400_000), closed_at: closedAt })
        .where('id', '=', id)
        .execute();
    }
    const stats = (await call(t, manager.session, 'GET', '/api/v1/feedback/stats')).json();
    const q = stats.byCategory.find((c: { category: string }) => c.category === 'question');
    expect(q.closed).toBe(3);
    expect(q.medianDaysToClose).toBeCloseTo(3, 0);
    expect(stats.total).toBeGreaterThanOrEqual(3);
    // Programme managers see statistics, not the queue.
    expect((await call(t, manager.session, 'GET', '/api/v1/feedback')).statusCode).toBe(403);
    expect((await call(t, manager.session, 'GET', `/api/v1/feedback/${ids[0]}`)).statusCode).toBe(403);
  });
});
