import { applicationReviews, callRanking, myReviewsList, reviewSheet } from '@oselia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCall,
  buildEligibleApplication,
  buildReviewedApplication,
  call,
  type Session,
  signedInAs,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let manager: Session;
const reviewers: { id: string; session: Session }[] = [];
let callId: string;

beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  manager = (await signedInAs(t, ['programme_manager'])).session;
  for (let i = 0; i < 3; i++) {
    const { user, session } = await signedInAs(t, ['reviewer']);
    reviewers.push({ id: user.id, session });
  }
  callId = (await buildCall(t, { reviewersPerApplication: 2 })).id;
});
afterAll(() => t.close());

const [R1, R2, R3] = [0, 1, 2];
const reviewer = (i: number) => reviewers[i]!;
const scores = (viability: number, jobs: number) => ({
  scores: [
    { criterion: 'viability', score: viability, comment: 'Досвід власника і ринок збуту.' },
    { criterion: 'jobs', score: jobs, comment: 'Кількість нових робочих місць.' },
  ],
});

async function assign(applicationId: string, ...who: number[]) {
  return call(t, manager, 'POST', `/api/v1/grants/applications/${applicationId}/reviewers`, {
    reviewerIds: who.map((i) => reviewer(i).id),
  });
}

describe('conflict of interest', () => {
  it('recuses a reviewer who declares one: it can neither see nor score, and a replacement can be assigned', async () => {
    const app = await buildEligibleApplication(t, callId);
    const assigned = await assign(app.id, R1, R2);
    expect(assigned.statusCode).toBe(200);
    expect(applicationReviews.parse(assigned.json()).status).toBe('in_review');

    // Nothing opens before the declaration.
    const early = await call(t, reviewer(R2).session, 'GET', `/api/v1/grants/applications/${app.id}/review`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.conflict).toBe('undeclared');

    const declared = await call(
      t,
      reviewer(R2).session,
      'POST',
      `/api/v1/grants/applications/${app.id}/review/conflict`,
      {
        conflict: true,
        note: 'Власниця — моя двоюрідна сестра.',
      },
    );
    expect(declared.json()).toMatchObject({ status: 'recused', conflict: 'declared' });

    const forbidden = [
      await call(t, reviewer(R2).session, 'GET', `/api/v1/grants/applications/${app.id}/review`),
      await call(
        t,
        reviewer(R2).session,
        'PUT',
        `/api/v1/grants/applications/${app.id}/review`,
        scores(5, 5),
      ),
      await call(t, reviewer(R2).session, 'POST', `/api/v1/grants/applications/${app.id}/review/submit`),
    ];
    // The same answer as for an application that does not exist, or is not assigned.
    const stranger = await call(
      t,
      reviewer(R3).session,
      'GET',
      `/api/v1/grants/applications/${app.id}/review`,
    );
    const nowhere = await call(
      t,
      reviewer(R3).session,
      'GET',
      `/api/v1/grants/applications/${crypto.randomUUID()}/review`,
    );
    for (const res of [...forbidden, stranger, nowhere]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe('this application is not assigned to you');
    }
    // Nor through the staff route.
    expect(
      (await call(t, reviewer(R2).session, 'GET', `/api/v1/grants/applications/${app.id}`)).statusCode,
    ).toBe(403);

    // The recused reviewer does not count: a third can take the place.
    const replaced = applicationReviews.parse((await assign(app.id, R3)).json());
    expect(replaced.assignments.map((a) => [a.reviewer.id, a.status])).toEqual([
      [reviewer(R1).id, 'assigned'],
      [reviewer(R2).id, 'recused'],
      [reviewer(R3).id, 'assigned'],
    ]);
    expect(replaced.assignments[1]!.conflictNote).toContain('сестра');
    // But no more than the call asks.
    const { user: fourth } = await signedInAs(t, ['reviewer']);
    const extra = await call(t, manager, 'POST', `/api/v1/grants/applications/${app.id}/reviewers`, {
      reviewerIds: [fourth.id],
    });
    expect(extra.statusCode).toBe(409);
    expect(extra.json().error.details).toEqual({ required: 2, standing: 2 });
  });

  it('lists for a reviewer only its own assignments, with what it needs to judge a conflict', async () => {
    const mine = await buildEligibleApplication(t, callId);
    const other = await buildEligibleApplication(t, callId);
    await assign(mine.id, R3);
    await assign(other.id, R1);
    const list = myReviewsList.parse(
      (await call(t, reviewer(R3).session, 'GET', '/api/v1/grants/reviews')).json(),
    );
    const ids = list.items.map((i) => i.applicationId);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(other.id);
    const item = list.items.find((i) => i.applicationId === mine.id)!;
    expect(item).toMatchObject({
      organisationName: 'Кав’ярня «Світанок»',
      conflict: 'undeclared',
      status: 'assigned',
    });
    expect(JSON.stringify(item)).not.toContain('+38067');
  });

  it('refuses to assign someone without the reviewer role, or an application not yet eligible', async () => {
    const app = await buildEligibleApplication(t, callId);
    const { user } = await signedInAs(t, ['finance_officer']);
    const res = await call(t, manager, 'POST', `/api/v1/grants/applications/${app.id}/reviewers`, {
      reviewerIds: [user.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].message).toBe('not an active user with the reviewer role');
  });
});

describe('independent scoring', () => {
  it('shows a reviewer the others’ scores only after it submits its own', async () => {
    const app = await buildEligibleApplication(t, callId);
    await assign(app.id, R1, R3);
    for (const i of [R1, R3])
      await call(t, reviewer(i).session, 'POST', `/api/v1/grants/applications/${app.id}/review/conflict`, {
        conflict: false,
      });

    const url = `/api/v1/grants/applications/${app.id}/review`;
    expect((await call(t, reviewer(R1).session, 'PUT', url, scores(5, 4))).statusCode).toBe(200);
    const submitted = reviewSheet.parse(
      (await call(t, reviewer(R1).session, 'POST', `${url}/submit`)).json(),
    );
    expect(submitted).toMatchObject({ status: 'submitted', weightedTotal: 90, others: [] });
    // A submitted review is final.
    expect((await call(t, reviewer(R1).session, 'PUT', url, scores(1, 1))).statusCode).toBe(409);

    // R3 has not submitted: it sees the application and its own draft, nobody else's.
    await call(t, reviewer(R3).session, 'PUT', url, { scores: [{ criterion: 'jobs', score: 2 }] });
    const before = reviewSheet.parse((await call(t, reviewer(R3).session, 'GET', url)).json());
    expect(before.others).toBeNull();
    expect(before.scores).toEqual([{ criterion: 'jobs', score: 2, comment: '' }]);
    expect(before.application.organisationName).toBe('Кав’ярня «Світанок»');
    expect(JSON.stringify(before)).not.toContain('5, 4');

    // An incomplete review, or one without comments, is not submitted.
    const incomplete = await call(t, reviewer(R3).session, 'POST', `${url}/submit`);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'scores.0.comment',
      'scores',
    ]);
    const offScale = await call(t, reviewer(R3).session, 'PUT', url, scores(6, 2));
    expect(offScale.json().error.details.fields).toEqual([
      { field: 'scores.0.score', message: 'a whole number from 1 to 5' },
    ]);

    await call(t, reviewer(R3).session, 'PUT', url, scores(2, 2));
    const after = reviewSheet.parse((await call(t, reviewer(R3).session, 'POST', `${url}/submit`)).json());
    expect(after.others).toEqual([{ reviewer: '1', weightedTotal: 90, scores: scores(5, 4).scores }]);

    const overview = applicationReviews.parse(
      (await call(t, manager, 'GET', `/api/v1/grants/applications/${app.id}/reviews`)).json(),
    );
    expect(overview.status).toBe('reviewed');
    expect(overview.agreement).toMatchObject({ count: 2, mean: 57.5, spread: 65, strongDisagreement: true });
  });
});

describe('ranking', () => {
  it('ranks a call by mean weighted score and flags strong disagreement', async () => {
    const own = (await buildCall(t, { reviewersPerApplication: 2 })).id;
    const [a, b] = [reviewer(R1).id, reviewer(R3).id];
    // weighted totals: viability weighs 60, jobs 40, both on 1–5.
    const agreed = await buildReviewedApplication(t, own, [
      { reviewerId: a, scores: { viability: 4, jobs: 4 } }, // 75
      { reviewerId: b, scores: { viability: 4, jobs: 3 } }, // 65
    ]);
    const split = await buildReviewedApplication(t, own, [
      { reviewerId: a, scores: { viability: 5, jobs: 5 } }, // 100
      { reviewerId: b, scores: { viability: 2, jobs: 1 } }, // 15
    ]);
    const waiting = await buildEligibleApplication(t, own);
    const res = await call(t, manager, 'GET', `/api/v1/grants/calls/${own}/ranking`);
    const ranking = callRanking.parse(res.json());
    expect(ranking.threshold).toBe(25);
    expect(
      ranking.items.map((r) => [r.applicationId, r.rank, r.mean, r.spread, r.strongDisagreement]),
    ).toEqual([
      [agreed.id, 1, 70, 10, false],
      [split.id, 2, 57.5, 85, true],
      [waiting.id, null, null, 0, false],
    ]);
    expect(ranking.items[0]!.criteria).toEqual([
      { key: 'viability', mean: 4 },
      { key: 'jobs', mean: 3.5 },
    ]);
    expect(ranking.items[0]).toMatchObject({ reviewsSubmitted: 2, reviewsRequired: 2, status: 'reviewed' });
    // Reviewers do not see the ranking.
    expect(
      (await call(t, reviewer(R1).session, 'GET', `/api/v1/grants/calls/${own}/ranking`)).statusCode,
    ).toBe(403);
  });
});
