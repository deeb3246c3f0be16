import { type CreatePersonBody, createPersonBody, type OrganisationType, type Role } from '@oselia/contracts';
import { exampleGrantForm } from '@oselia/forms';
import type { LightMyRequestResponse } from 'fastify';
import type { Actor } from '../modules/access/access.policy.ts';
import { systemActor } from '../modules/access/users.service.ts';
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
) {
  return t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: session
      ? { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) }
      : {},
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
