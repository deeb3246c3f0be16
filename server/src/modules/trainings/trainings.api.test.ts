import {
  alumniList,
  attendanceSheet,
  certificateVerification,
  eventReach,
  issueCertificatesResult,
  knowledgeSummary,
  projectReach,
  selectionResult,
  type TestQuestion,
  trainingApplicantsList,
  trainingEvent,
  trainingParticipantsList,
} from '@oselia/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildOrganisation,
  buildPerson,
  call,
  factoryActor,
  type Session,
  signedInAs,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  applicantAnswers,
  applyToTraining,
  buildTraining,
  daysAgo,
  trainingEventBody,
} from './trainings.factories.ts';

let t: TestApp;
let manager: Session;
let registrar: Session;
let partner: { session: Session; userId: string };
let organisationId: string;

beforeAll(async () => {
  t = await createTestApp({ OSELIA_PUBLIC_RATE_PER_MINUTE: '10000' });
  organisationId = (await buildOrganisation(t, { type: 'mission' })).id;
  manager = (await signedInAs(t, ['programme_manager'], { organisationId })).session;
  registrar = (await signedInAs(t, ['registration_officer'], { organisationId })).session;
  const p = await signedInAs(t, ['partner_staff']);
  partner = { session: p.session, userId: p.user.id };
});
afterAll(() => t.close());

const ledgerRows = async (source: string) =>
  Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from assistance where source = ${source}`.execute(
        t.db,
      )
    ).rows[0]!.n,
  );

describe('creating a training', () => {
  it('refuses quotas over 100 %, quotas outside the target groups and unknown places, all at once', async () => {
    const body = trainingEventBody({
      placePcode: 'UA99',
      quotas: [
        { code: 'idp', label: { uk: 'ВПО', en: 'IDPs' }, populationGroups: ['idp'], percent: 80 },
        {
          code: 'ref',
          label: { uk: 'Біженці', en: 'Refugees' },
          populationGroups: ['refugee_migrant'],
          percent: 30,
        },
      ],
    });
    const res = await call(t, manager, 'POST', '/api/v1/trainings/events', body);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['quotas', 'quotas.1.populationGroups', 'placePcode']));
  });

  it('creates, opens (stale version → 409) and lists it; only managers may', async () => {
    const res = await call(t, manager, 'POST', '/api/v1/trainings/events', trainingEventBody());
    expect(res.statusCode, res.body).toBe(201);
    const e = trainingEvent.parse(res.json());
    expect(e.sessions.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5]);
    expect([e.startsOn, e.endsOn]).toEqual([daysAgo(5), daysAgo(1)]);
    const opened = await call(t, manager, 'PATCH', `/api/v1/trainings/events/${e.id}`, {
      version: e.version,
      status: 'open',
    });
    expect(opened.json().status).toBe('open');
    const stale = await call(t, manager, 'PATCH', `/api/v1/trainings/events/${e.id}`, {
      version: e.version,
      capacity: 25,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call(t, registrar, 'POST', '/api/v1/trainings/events', trainingEventBody())).statusCode,
    ).toBe(403);
    const list = await call(t, registrar, 'GET', '/api/v1/trainings/events?status=open');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(e.id);
  });
});

describe('a summer school from applications to cascade reach', () => {
  let eventId: string;
  let sessions: string[];
  const refs: string[] = [];

  it('takes 30 public applications, each written to the registry with consent', async () => {
    const e = await buildTraining(t, organisationId, { facilitatorUserIds: [partner.userId] });
    eventId = e.id;
    sessions = e.sessions.map((s) => s.id);
    // 14 from the host community first, then 12 displaced, then 4 returnees; in both languages.
    const groups = [
      ...Array(14).fill('host_community'),
      ...Array(12).fill('idp'),
      ...Array(4).fill('returnee'),
    ];
    for (const [i, group] of groups.entries()) {
      const res = await applyToTraining(
        t,
        eventId,
        applicantAnswers({ population_group: group }),
        i % 5 ? 'uk' : 'en',
      );
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().referenceCode).toMatch(/^TR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      refs.push(res.json().referenceCode);
    }
    const list = trainingApplicantsList.parse(
      (await call(t, manager, 'GET', `/api/v1/trainings/events/${eventId}/applications`)).json(),
    );
    expect(list.items).toHaveLength(30);
    expect(list.items.map((a) => a.rank)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const person = await t.services.people.getPerson(
      factoryActor(t, organisationId),
      list.items[0]!.personId,
    );
    expect(person.populationGroup).toBe('host_community');
    const consents = await t.services.consent.describeConsent(factoryActor(t, organisationId), person.id);
    expect(consents.current.find((c) => c.purpose === 'assistance')?.holds).toBe(true);
    // Every applicant got a confirmation in their language.
    const received = await sql<{
      n: number;
    }>`select count(*)::int as n from notifications where template_key = 'trainings.received'`.execute(t.db);
    expect(received.rows[0]!.n).toBeGreaterThanOrEqual(30);
  });

  it('refuses an incomplete form, a missing consent and the same person twice', async () => {
    const { family_name: _f, ...noName } = applicantAnswers();
    const incomplete = await applyToTraining(t, eventId, noName);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(
      'answers.family_name',
    );
    const noConsent = await applyToTraining(t, eventId, applicantAnswers({ consent: null }));
    expect(noConsent.statusCode).toBe(400);
    const digits = await applyToTraining(t, eventId, applicantAnswers({ family_name: 'R2D2' }));
    expect(digits.statusCode).toBe(400);
    expect(digits.json().error.details.fields[0].field).toBe('answers.family_name');
    const twice = applicantAnswers({ population_group: 'host_community' });
    expect((await applyToTraining(t, eventId, twice)).statusCode).toBe(201);
    const again = await applyToTraining(t, eventId, twice);
    expect(again.statusCode).toBe(409);
  });

  it('matches an applicant already in the registry instead of registering them again', async () => {
    const known = await buildPerson(t, organisationId, {
      familyName: 'Марченко',
      givenName: 'Ярина',
      birthDate: '2004-03-15',
      sex: 'F',
      phones: ['+380671234599'],
    });
    const res = await applyToTraining(
      t,
      eventId,
      applicantAnswers({
        family_name: 'Марченко',
        given_name: 'Ярина',
        birth_date: '2004-03-15',
        sex: 'F',
        phone: '067 123 45 99',
        population_group: 'returnee',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const list = trainingApplicantsList.parse(
      (await call(t, manager, 'GET', `/api/v1/trainings/events/${eventId}/applications`)).json(),
    );
    expect(list.items.find((a) => a.referenceCode === res.json().referenceCode)!.personId).toBe(known.id);
  });

  it('selects 20 respecting the quotas, lists the rest as waiting, and explains each', async () => {
    const res = await call(t, manager, 'POST', `/api/v1/trainings/events/${eventId}/selection`);
    expect(res.statusCode, res.body).toBe(200);
    const s = selectionResult.parse(res.json());
    expect(s.selected).toBe(20);
    expect(s.quotas).toEqual([
      { code: 'idp', seats: 10, filled: 10, candidates: 12 },
      { code: 'host', seats: 6, filled: 6, candidates: 15 },
    ]);
    expect(s.waitlisted).toBe(12);
    const idpSelected = s.applicants.filter((a) => a.status === 'selected' && a.populationGroup === 'idp');
    expect(idpSelected.length).toBeGreaterThanOrEqual(10);
    expect(s.applicants.filter((a) => a.status === 'waitlisted').map((a) => a.basis)).toContainEqual({
      kind: 'waitlist',
      position: 1,
    });
    // Running it again changes nothing.
    const again = selectionResult.parse(
      (await call(t, manager, 'POST', `/api/v1/trainings/events/${eventId}/selection`)).json(),
    );
    expect(again.changed).toBe(0);
    const told = await sql<{
      n: number;
    }>`select count(*)::int as n from notifications where template_key in ('trainings.selected', 'trainings.waitlisted')`.execute(
      t.db,
    );
    expect(told.rows[0]!.n).toBe(32);
  });

  it('promotes the first waiting displaced applicant when a displaced participant declines', async () => {
    const list = trainingApplicantsList.parse(
      (await call(t, manager, 'GET', `/api/v1/trainings/events/${eventId}/applications`)).json(),
    );
    const leaving = list.items.find((a) => a.basis?.kind === 'quota' && a.basis.quota === 'idp')!;
    const nextIdp = list.items.find((a) => a.status === 'waitlisted' && a.populationGroup === 'idp')!;
    const res = await call(t, manager, 'POST', `/api/v1/trainings/applications/${leaving.id}/decline`, {
      version: leaving.version,
      reason: 'exams',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().declined.status).toBe('declined');
    expect(res.json().promoted.map((a: { id: string }) => a.id)).toEqual([nextIdp.id]);
    expect(res.json().promoted[0].basis).toEqual({ kind: 'quota', quota: 'idp' });
  });

  it('records attendance a session at a time, idempotently, writing the ledger once per participant', async () => {
    const sheet = attendanceSheet.parse(
      (
        await call(
          t,
          registrar,
          'GET',
          `/api/v1/trainings/events/${eventId}/sessions/${sessions[0]}/attendance`,
        )
      ).json(),
    );
    expect(sheet.entries).toHaveLength(20);
    const ids = sheet.entries.map((e) => e.applicationId);
    // Day by day: the first 16 come every day; 17–18 miss one day (4 of 5: complete); 19–20 miss two.
    for (const [day, sessionId] of sessions.entries()) {
      const entries = ids.map((applicationId, i) => ({
        applicationId,
        present: i < 16 || (i < 18 ? day !== 2 : day < 3),
      }));
      const res = await call(
        t,
        registrar,
        'PUT',
        `/api/v1/trainings/events/${eventId}/sessions/${sessionId}/attendance`,
        {
          entries,
        },
      );
      expect(res.statusCode, res.body).toBe(200);
    }
    const source = `trainings:${eventId}`;
    expect(await ledgerRows(source)).toBe(20);
    // Sending the same list again changes nothing.
    const replay = ids.map((applicationId) => ({ applicationId, present: true }));
    await call(
      t,
      registrar,
      'PUT',
      `/api/v1/trainings/events/${eventId}/sessions/${sessions[0]}/attendance`,
      {
        entries: replay,
      },
    );
    expect(await ledgerRows(source)).toBe(20);
    const participants = trainingParticipantsList.parse(
      (await call(t, manager, 'GET', `/api/v1/trainings/events/${eventId}/participants`)).json(),
    );
    const byId = new Map(participants.items.map((p) => [p.applicationId, p]));
    expect(byId.get(ids[17]!)).toMatchObject({ attended: 4, completed: true, minutesAttended: 1440 });
    expect(byId.get(ids[19]!)).toMatchObject({ attended: 3, completed: false });
  });

  it('lets a facilitator record, refuses others of that role, strangers to the list and days ahead', async () => {
    const url = `/api/v1/trainings/events/${eventId}/sessions/${sessions[1]}/attendance`;
    expect((await call(t, partner.session, 'GET', url)).statusCode).toBe(200);
    const stranger = (await signedInAs(t, ['partner_staff'])).session;
    expect((await call(t, stranger, 'GET', url)).statusCode).toBe(403);
    const notHere = await call(t, registrar, 'PUT', url, {
      entries: [{ applicationId: crypto.randomUUID(), present: true }],
    });
    expect(notHere.statusCode).toBe(400);
    const later = await buildTraining(t, organisationId, {
      sessions: [{ date: daysAgo(-3), minutes: 120 }],
    });
    const ahead = await call(
      t,
      registrar,
      'PUT',
      `/api/v1/trainings/events/${later.id}/sessions/${later.sessions[0]!.id}/attendance`,
      { entries: [] },
    );
    expect(ahead.statusCode).toBe(422);
  });

  it('scores pre and post tests against their keys and shows the knowledge gain', async () => {
    const questions: TestQuestion[] = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => ({
      id,
      text: { uk: `Питання ${id}`, en: `Question ${id}` },
      choices: ['a', 'b', 'c'].map((c) => ({ id: c, text: { uk: c, en: c } })),
      correct: ['a'],
      points: 2,
    }));
    for (const kind of ['pre', 'post']) {
      const res = await call(t, manager, 'PUT', `/api/v1/trainings/events/${eventId}/tests/${kind}`, {
        questions,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().maxScore).toBe(10);
    }
    const participants = trainingParticipantsList.parse(
      (await call(t, manager, 'GET', `/api/v1/trainings/events/${eventId}/participants`)).json(),
    ).items;
    const picks = (right: number) =>
      Object.fromEntries(questions.map((q, i) => [q.id, [i < right ? 'a' : 'b']]));
    const pre = participants.map((p) => ({ applicationId: p.applicationId, answers: picks(2) }));
    const post = participants.map((p, i) => ({
      applicationId: p.applicationId,
      answers: picks(i % 2 ? 4 : 2),
    }));
    const a = await call(t, partner.session, 'PUT', `/api/v1/trainings/events/${eventId}/tests/pre/answers`, {
      entries: pre,
    });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().items[0]).toMatchObject({ score: 4, maxScore: 10 });
    await call(t, registrar, 'PUT', `/api/v1/trainings/events/${eventId}/tests/post/answers`, {
      entries: post,
    });
    const k = knowledgeSummary.parse(
      (await call(t, manager, 'GET', `/api/v1/trainings/events/${eventId}/knowledge`)).json(),
    );
    expect(k.event).toMatchObject({
      withBoth: 20,
      meanPrePercent: 40,
      meanPostPercent: 60,
      meanGain: 20,
      shareImproved: 0.5,
    });
    expect(k.participants.find((p) => p.post === 8)).toMatchObject({
      pre: 4,
      gain: 40,
      normalisedGain: 0.667,
    });
    const wrongKey = await call(t, manager, 'PUT', `/api/v1/trainings/events/${eventId}/tests/pre`, {
      questions: [{ ...questions[0]!, correct: ['z'] }],
      version: 1,
    });
    expect(wrongKey.statusCode).toBe(400);
  });

  let code = '';
  let certificateId = '';
  it('issues certificates to completers only, as a PDF, with a code the public can check', async () => {
    const res = await call(t, manager, 'POST', `/api/v1/trainings/events/${eventId}/certificates`);
    const issued = issueCertificatesResult.parse(res.json());
    expect(issued.issued).toHaveLength(18);
    expect(issued.notCompleted).toBe(2);
    const again = issueCertificatesResult.parse(
      (await call(t, manager, 'POST', `/api/v1/trainings/events/${eventId}/certificates`)).json(),
    );
    expect(again).toMatchObject({ issued: [], alreadyIssued: 18 });
    expect(await ledgerRows(`trainings:${eventId}`)).toBe(38);
    code = issued.issued[0]!.code;
    certificateId = issued.issued[0]!.id;
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const pdf = await call(t, manager, 'GET', `/api/v1/trainings/certificates/${certificateId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await call(t, partner.session, 'GET', `/api/v1/trainings/certificates/${certificateId}/pdf`))
        .statusCode,
    ).toBe(403);

    const check = await call(
      t,
      null,
      'GET',
      `/api/v1/public/certificates/${code.toLowerCase().replace('-', '')}`,
    );
    const v = certificateVerification.parse(check.json());
    expect(v).toMatchObject({ valid: true, code, startsOn: daysAgo(5), endsOn: daysAgo(1) });
    if (v.valid) expect(v.holderInitials).toMatch(/^(\p{Lu}\. ){1,3}\p{Lu}\.$|^\p{Lu}\.$/u);
    expect(check.body).not.toMatch(/Гребенюк|Собко|Тимошенко|Вакуленко|Дячук|Литвин|Осадчий|Марченко/);
    const wrong = certificateVerification.parse(
      (await call(t, null, 'GET', '/api/v1/public/certificates/00000-00000')).json(),
    );
    expect(wrong.valid).toBe(false);
  });

  let alumni: ReturnType<typeof alumniList.parse>['items'] = [];
  it('lists alumni with a reporting link; an alumnus records a session through it; counts must add up', async () => {
    alumni = alumniList.parse(
      (await call(t, manager, 'GET', `/api/v1/trainings/events/${eventId}/alumni`)).json(),
    ).items;
    expect(alumni).toHaveLength(18);
    const token = alumni[0]!.reportingLink!.split('/awareness/report/')[1]!;
    const who = await call(t, null, 'GET', `/api/v1/public/awareness/reporters/${token}`);
    expect(who.statusCode).toBe(200);
    expect(who.json().sessions).toEqual([]);
    const school = {
      date: daysAgo(0),
      topic: 'safe_migration',
      venue: 'Ліцей № 3',
      placePcode: 'UA4606001',
      audience: { f_0_17: 14, f_18_59: 1, f_60_plus: 0, m_0_17: 11, m_18_59: 1, m_60_plus: 0 },
      total: 28,
    };
    const mismatch = await call(
      t,
      null,
      'POST',
      `/api/v1/public/awareness/reporters/${token}/sessions`,
      school,
    );
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.message).toMatch(/add up to the total/);
    expect(mismatch.json().error.details.reason).toBe('audience_total_mismatch');
    expect(mismatch.json().error.details.fields[0]).toEqual({
      field: 'total',
      message: 'the counts by sex and age band add up to 27, not to the total of 28',
    });
    const ok = await call(t, null, 'POST', `/api/v1/public/awareness/reporters/${token}/sessions`, {
      ...school,
      total: 27,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(
      (await call(t, null, 'GET', '/api/v1/public/awareness/reporters/not-a-real-token-at-all-x')).statusCode,
    ).toBe(404);
  });

  it('lets staff record a session an alumnus ran in a second school, but not for someone who did not complete', async () => {
    const res = await call(t, registrar, 'POST', '/api/v1/awareness-sessions', {
      date: daysAgo(0),
      topic: 'counter_trafficking',
      venue: 'Гімназія № 12',
      placePcode: 'UA4606001',
      audience: { f_0_17: 10, f_18_59: 2, f_60_plus: 1, m_0_17: 9, m_18_59: 1, m_60_plus: 0 },
      total: 23,
      alumnusApplicationId: alumni[0]!.applicationId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().facilitator).toMatchObject({ kind: 'alumnus', eventId });
    const participants = trainingParticipantsList.parse(
      (await call(t, manager, 'GET', `/api/v1/trainings/events/${eventId}/participants`)).json(),
    ).items;
    const dropout = participants.find((p) => !p.completed)!;
    const refused = await call(t, registrar, 'POST', '/api/v1/awareness-sessions', {
      date: daysAgo(0),
      topic: 'counter_trafficking',
      venue: 'Гімназія № 12',
      placePcode: 'UA4606001',
      audience: { f_0_17: 1, f_18_59: 0, f_60_plus: 0, m_0_17: 0, m_18_59: 0, m_60_plus: 0 },
      total: 1,
      alumnusApplicationId: dropout.applicationId,
    });
    expect(refused.statusCode).toBe(422);
    const list = await call(t, manager, 'GET', `/api/v1/awareness-sessions?eventId=${eventId}`);
    expect(list.json().items).toHaveLength(2);
    expect(JSON.stringify(list.json())).not.toMatch(
      /Гребенюк|Собко|Тимошенко|Вакуленко|Дячук|Литвин|Осадчий/,
    );
  });

  it('counts the cascade reach: the people trained plus both audiences, per training and per project', async () => {
    const r = eventReach.parse(
      (await call(t, manager, 'GET', `/api/v1/trainings/events/${eventId}/reach`)).json(),
    );
    expect(r.trained.total).toBe(18);
    expect(r.trained.female + r.trained.male + r.trained.otherOrUnknown).toBe(18);
    expect(r.audiences).toMatchObject({ sessions: 2, total: 50, f_0_17: 24, m_0_17: 20 });
    expect(r.reach).toBe(68);
    expect(r.alumniActive).toBe(1);
    const donor = (await signedInAs(t, ['donor_viewer'])).session;
    const p = projectReach.parse(
      (await call(t, donor, 'GET', '/api/v1/trainings/reach?projectCode=CT-2026')).json(),
    );
    expect(p.reach).toBe(p.trained.total + p.audiences.total);
    expect(p.events.map((e) => e.eventId)).toContain(eventId);
    expect(p.audiences.total).toBe(50);
    expect((await call(t, donor, 'GET', `/api/v1/trainings/events/${eventId}/alumni`)).statusCode).toBe(403);
  });

  it('revokes a certificate: its code then no longer verifies, nor does its reporting link', async () => {
    const res = await call(t, manager, 'POST', `/api/v1/trainings/certificates/${certificateId}/revoke`, {
      reason: 'issued in error',
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = (await call(t, null, 'GET', `/api/v1/public/certificates/${code}`)).json();
    expect(v.valid).toBe(false);
  });
});
