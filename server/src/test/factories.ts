import {
  type CreatePersonBody,
  createCallBody,
  createPersonBody,
  type OrganisationType,
  type Role,
  type StartApplicationBody,
} from '@oselia/contracts';
import { exampleGrantForm } from '@oselia/forms';
import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../modules/access/access.policy.ts';
import { systemActor } from '../modules/access/users.service.ts';
import { isValidEdrpou } from '../modules/grants/grants.applications.rules.ts';
import { businessGrantForm } from '../modules/grants/grants.calls.examples.ts';
import type { TestApp } from './test-app.ts';

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const DEFAULT_PASSWORD = 'field-Notebook-Kharkiv-81';

export async function buildOrganisation(t: TestApp, over: { type?: OrganisationType; nameEn?: string } = {}) {
  const n = next();
  return t.services.organisations.createOrganisation(t.tenantId, systemActor('test'), {
    type: over.type ?? 'partner_ngo',
    nameEn: over.nameEn ?? `Partner ${n}`,
    nameUk: `Партнер ${n}`,
  });
}

export async function buildUser(
  t: TestApp,
  over: {
    roles?: Role[];
    organisationId?: string;
    password?: string | null;
    email?: string;
    oblastScope?: string[] | null;
    totpRequired?: boolean;
  } = {},
) {
  const organisationId = over.organisationId ?? (await buildOrganisation(t, { type: 'mission' })).id;
  const email = over.email ?? `user-${next()}@example.org`;
  const password = over.password === null ? undefined : (over.password ?? DEFAULT_PASSWORD);
  const created = await t.services.users.createUser(t.tenantId, systemActor('test'), {
    email,
    displayName: `Test ${email}`,
    organisationId,
    roles: over.roles ?? ['registration_officer'],
    projectScope: null,
    oblastScope: over.oblastScope ?? null,
    totpRequired: over.totpRequired ?? false,
    password,
  });
  return { ...created.user, password: password ?? null, inviteUrl: created.inviteUrl };
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'oselia_session');
  if (!c) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `oselia_session=${c.value}`;
}

export async function signIn(t: TestApp, email: string, password = DEFAULT_PASSWORD): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookie(res), csrf: res.json().csrfToken, userId: res.json().user.id };
}

/** A user with these roles, signed in. */
export async function signedInAs(t: TestApp, roles: Role[], over: Parameters<typeof buildUser>[1] = {}) {
  const user = await buildUser(t, { ...over, roles });
  return { user, session: await signIn(t, user.email) };
}

export function call(
  t: TestApp,
  session: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: {
      ...headers,
      ...(session
        ? { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) }
        : {}),
    },
  });
}

/** An actor for factories: an admin of the given organisation. */
export function factoryActor(t: TestApp, organisationId: string): Actor {
  return {
    userId: null as unknown as string,
    tenantId: t.tenantId,
    organisationId,
    roles: ['admin'],
    projectScope: null,
    oblastScope: null,
    label: 'test factory',
  };
}

let personCounter = 0;
const SURNAMES = [
  'Бондаренко',
  'Ткаченко',
  'Кравченко',
  'Мельник',
  'Олійник',
  'Поліщук',
  'Савченко',
  'Руденко',
];
const GIVEN = ['Олена', 'Тетяна', 'Андрій', 'Богдан', 'Василь', 'Оксана', 'Юрій', 'Наталія'];

/** A registered person with consent for assistance, registered by the given organisation. */
export async function buildPerson(t: TestApp, organisationId: string, over: Partial<CreatePersonBody> = {}) {
  const i = personCounter++;
  return t.services.people.registerPerson(
    factoryActor(t, organisationId),
    createPersonBody.parse({
      familyName: SURNAMES[i % SURNAMES.length],
      givenName: GIVEN[(i * 3) % GIVEN.length],
      birthDate: '1990-05-17',
      sex: 'F',
      currentPcode: 'UA0502003',
      consents: [{ purpose: 'assistance', status: 'given', method: 'signed' }],
      ...over,
    }),
  );
}

/** A message in the notification outbox, about some record (a random id unless given). */
export async function buildNotification(
  t: TestApp,
  over: { address?: string | null; entityType?: string; entityId?: string; language?: 'uk' | 'en' } = {},
) {
  const entityId = over.entityId ?? crypto.randomUUID();
  const { id } = await t.db.transaction().execute((trx) =>
    t.services.notifications.enqueueNotification(trx, {
      tenantId: t.tenantId,
      recipient:
        over.address === null ? null : { kind: 'email', address: over.address ?? 'applicant@example.org' },
      language: over.language ?? 'uk',
      templateKey: 'test.message',
      subject: 'Тестове повідомлення',
      body: 'Ваша заявка отримала рішення.',
      entityType: over.entityType ?? 'test_entity',
      entityId,
      createdBy: null,
    }),
  );
  return { id, entityId };
}

/** A saved form definition (version 1); the example grant application form unless given. */
export async function buildFormDefinition(
  t: TestApp,
  definition: typeof exampleGrantForm = exampleGrantForm,
) {
  return t.services.forms.createFormDefinition(factoryActor(t, crypto.randomUUID()), { definition });
}

/** The smallest PDF the upload check accepts (it reads the first bytes, not the name). */
export const tinyPdf = () =>
  Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let businessCounter = 0;
/** A valid ЄДРПОУ (8 digits, right check digit), different on each call. */
export function nextEdrpou(): string {
  for (;;) {
    const seven = String(1_000_000 + ((Date.now() + businessCounter++ * 7919) % 8_999_999)).slice(0, 7);
    for (let d = 0; d <= 9; d++) if (isValidEdrpou(`${seven}${d}`)) return `${seven}${d}`;
  }
}

/**
 * A business call (EUR, up to 7,000 per grant) with one required document, a two-criteria rubric
 * and the business form (stored through the forms service unless `over.form` pins another),
 * opened unless `open: false`.
 */
export async function buildCall(
  t: TestApp,
  over: Partial<z.input<typeof createCallBody>> & { open?: boolean } = {},
) {
  const { open = true, ...fields } = over;
  const actor = factoryActor(t, (await buildOrganisation(t, { type: 'mission' })).id);
  const day = 24 * 3600_000;
  const body = createCallBody.parse({
    kind: 'business',
    title: { uk: 'Гранти для переміщених підприємців', en: 'Grants for relocated entrepreneurs' },
    description: { uk: 'Обладнання для відновлення справи.', en: 'Equipment to restart a business.' },
    currency: 'EUR',
    budgetMinor: 10_000_000,
    maxPerGrantMinor: 700_000,
    opensAt: new Date(Date.now() - day).toISOString(),
    closesAt: new Date(Date.now() + 30 * day).toISOString(),
    requiredDocuments: [{ kind: 'business_plan', label: { uk: 'Бізнес-план', en: 'Business plan' } }],
    scoringRubric: {
      criteria: [
        {
          key: 'viability',
          label: { uk: 'Життєздатність', en: 'Viability' },
          weight: 60,
          scale: { min: 1, max: 5 },
        },
        { key: 'jobs', label: { uk: 'Робочі місця', en: 'Jobs' }, weight: 40, scale: { min: 1, max: 5 } },
      ],
    },
    form: fields.form === undefined ? await buildCallForm(t) : fields.form,
    ...fields,
  });
  const created = await t.services.grantCalls.createCall(actor, body);
  return open ? t.services.grantCalls.openCall(actor, created.id, created.version) : created;
}

/** The business application form (see grants.calls.examples.ts), stored; returns its pin. */
export async function buildCallForm(t: TestApp) {
  const form = await t.services.forms.createFormDefinition(factoryActor(t, crypto.randomUUID()), {
    definition: businessGrantForm,
  });
  return { id: form.id, version: form.version };
}

/** Answers that complete the business form. */
export const businessAnswers = () => ({
  sector: 'food',
  registration_date: '2024-01-15',
  staff_count: 4,
  purposes: ['equipment'],
});

/**
 * An application through the public service: started, its business plan uploaded, submitted
 * (unless `submit: false`). Returns the reference code, the secret and the id.
 */
export async function buildApplication(
  t: TestApp,
  callId: string,
  over: Partial<StartApplicationBody> & { submit?: boolean } = {},
) {
  const { submit = true, ...fields } = over;
  const apps = t.services.grantApplications;
  const started = await apps.startApplication(t.tenantId, callId, {
    language: 'uk',
    applicant: {
      familyName: 'Коваленко',
      givenName: 'Марія',
      patronymic: null,
      birthDate: null,
      phone: '+380671112233',
      email: null,
      organisationName: 'Кав’ярня «Світанок»',
    },
    businessId: { kind: 'edrpou', value: nextEdrpou() },
    oblastPcode: 'UA46',
    groups: ['idp', 'women_led'],
    requestedAmountMinor: 500_000,
    answers: businessAnswers(),
    ...fields,
  });
  const { referenceCode: ref, secret } = started;
  await apps.uploadDocument(t.tenantId, ref, secret, {
    kind: 'business_plan',
    name: 'plan.pdf',
    bytes: tinyPdf(),
  });
  const row = await apps.authenticate(t.tenantId, ref, secret);
  if (submit) await apps.submit(t.tenantId, ref, secret, row.version);
  return { id: row.id, referenceCode: ref, secret };
}

/** An actor with exactly these roles (and a real user id when given), for grants factories. */
export function actorWith(
  t: TestApp,
  organisationId: string,
  roles: Role[],
  userId: string | null = null,
): Actor {
  return { ...factoryActor(t, organisationId), roles, userId: userId as string };
}

/** A submitted application screened eligible (overridden when the rules could not decide). */
export async function buildEligibleApplication(
  t: TestApp,
  callId: string,
  over: Parameters<typeof buildApplication>[2] = {},
) {
  const app = await buildApplication(t, callId, over);
  const actor = factoryActor(t, (await buildOrganisation(t, { type: 'mission' })).id);
  const screening = await t.services.grantScreening.screenApplication(actor, app.id);
  if (screening.result !== 'eligible') {
    await t.services.grantScreening.overrideScreening(actor, app.id, {
      result: 'eligible',
      reason: 'checked by hand in the test',
      version: screening.version,
    });
  }
  return app;
}

/**
 * An eligible application reviewed by `reviewerIds` (users with the reviewer role), each giving
 * the scores listed for it (criterion → score) with a comment.
 */
export async function buildReviewedApplication(
  t: TestApp,
  callId: string,
  reviews: { reviewerId: string; scores: Record<string, number> }[],
  over: Parameters<typeof buildApplication>[2] = {},
) {
  const app = await buildEligibleApplication(t, callId, over);
  const org = (await buildOrganisation(t, { type: 'mission' })).id;
  await t.services.grantsReviews.assignReviewers(
    actorWith(t, org, ['programme_manager']),
    app.id,
    reviews.map((r) => r.reviewerId),
  );
  for (const r of reviews) {
    const reviewer = actorWith(t, org, ['reviewer'], r.reviewerId);
    await t.services.grantsReviews.declareConflict(reviewer, app.id, { conflict: false, note: null });
    await t.services.grantsReviews.saveScores(
      reviewer,
      app.id,
      Object.entries(r.scores).map(([criterion, score]) => ({ criterion, score, comment: 'Обґрунтовано.' })),
    );
    await t.services.grantsReviews.submitReview(reviewer, app.id);
  }
  return app;
}

/** A committee decision on a reviewed application, approved by a programme manager. */
export async function buildApprovedDecision(
  t: TestApp,
  callId: string,
  applicationId: string,
  decision: { outcome: 'approve' | 'waiting_list' | 'reject'; amountMinor?: number; reason?: string } = {
    outcome: 'approve',
    amountMinor: 500_000,
  },
) {
  const org = (await buildOrganisation(t, { type: 'mission' })).id;
  const manager = actorWith(t, org, ['programme_manager']);
  const session = await t.services.grantsCommittee.createSession(manager, callId, {
    heldOn: new Date().toISOString().slice(0, 10),
    minutes: 'Засідання комісії.',
    attendees: ['Голова комісії'],
  });
  const proposed = await t.services.grantsCommittee.proposeDecision(manager, session.id, {
    applicationId,
    outcome: decision.outcome,
    amountMinor: decision.amountMinor ?? null,
    reason: decision.reason ?? null,
  });
  return t.services.grantsCommittee.approveDecision(manager, proposed.id, proposed.version);
}

/** The award of an approved decision with a cash plan in the given tranches (all of it by default). */
export async function buildAward(t: TestApp, decisionId: string, tranches?: number[]) {
  const actor = actorWith(t, (await buildOrganisation(t, { type: 'mission' })).id, ['programme_manager']);
  const decision = await t.services.grantsCommittee.standingApproval(t.tenantId, decisionId);
  const amounts = tranches ?? [Number(decision!.amount_minor)];
  return t.services.grantsAwards.createAward(actor, {
    decisionId,
    tranches: amounts.map((amountMinor, i) => ({
      amountMinor,
      dueDate: `2027-0${i + 1}-15`,
      condition: null,
      modality: 'cash',
      items: [],
    })),
  });
}
