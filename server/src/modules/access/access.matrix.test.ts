import { createPersonBody, type Role, roles } from '@oselia/contracts';
import { exampleGrantForm } from '@oselia/forms';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../shared/xlsx.ts';
import {
  buildApplication,
  buildCall,
  buildFormDefinition,
  buildNotification,
  buildOrganisation,
  buildPerson,
  buildUser,
  call,
  factoryActor,
  type Session,
  signedInAs,
  signIn,
  tinyPdf,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createDedupRepository } from '../dedup/dedup.repository.ts';
import { feedbackExamples } from '../feedback/feedback.matrix-examples.ts';
import { grantAwardExamples } from '../grants/grants.awards.matrix-examples.ts';
import { portalExamples } from '../portal/portal.matrix-examples.ts';
import { trainingExamples } from '../trainings/trainings.matrix-examples.ts';
import { hasRoleFor, isAction } from './access.policy.ts';

let t: TestApp;
const sessions = new Map<Role, { session: Session; userId: string; email: string }>();

beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '10000' });
  const mission = await buildOrganisation(t, { type: 'mission' });
  ownOrganisationId = mission.id;
  for (const role of roles) {
    const user = await buildUser(t, { roles: [role], organisationId: mission.id });
    sessions.set(role, { session: await signIn(t, user.email), userId: user.id, email: user.email });
  }
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Example {
  url: string;
  payload?: unknown;
  /** Extra request headers (an applicant's secret, an upload's content type). */
  headers?: Record<string, string>;
  /** A route that ends the session it is called with gets a fresh one. */
  freshSession?: boolean;
}

/**
 * One valid request per route. A new route without an example fails the matrix, so every route
 * is tried by every role.
 */
const examples: Record<string, () => Promise<Example>> = {
  'GET /api/v1/health': async () => ({ url: '/api/v1/health' }),
  'GET /api/v1/places': async () => ({ url: '/api/v1/places?level=1' }),
  'GET /api/v1/places/oblasts.geojson': async () => ({ url: '/api/v1/places/oblasts.geojson' }),
  'GET /api/v1/places/:pcode': async () => ({ url: '/api/v1/places/UA05' }),
  'GET /api/v1/jobs': async () => ({ url: '/api/v1/jobs' }),
  'GET /api/v1/jobs/:id': async () => ({
    url: `/api/v1/jobs/${(await t.services.jobs.enqueueJob(t.tenantId, 'matrix', {})).id}`,
  }),
  'POST /api/v1/jobs/:id/cancel': async () => ({
    url: `/api/v1/jobs/${(await t.services.jobs.enqueueJob(t.tenantId, 'matrix', {})).id}/cancel`,
  }),
  'POST /api/v1/auth/sign-in': async () => {
    const u = await buildUser(t);
    return { url: '/api/v1/auth/sign-in', payload: { email: u.email, password: u.password } };
  },
  'GET /api/v1/auth/session': async () => ({ url: '/api/v1/auth/session' }),
  'POST /api/v1/auth/mfa': async () => ({ url: '/api/v1/auth/mfa', payload: { code: '123456' } }),
  'POST /api/v1/auth/totp/enrol': async () => ({ url: '/api/v1/auth/totp/enrol', freshSession: true }),
  'POST /api/v1/auth/totp/confirm': async () => ({
    url: '/api/v1/auth/totp/confirm',
    payload: { code: '123456' },
  }),
  'POST /api/v1/auth/sign-out': async () => ({ url: '/api/v1/auth/sign-out', freshSession: true }),
  'POST /api/v1/auth/sign-out-everywhere': async () => ({
    url: '/api/v1/auth/sign-out-everywhere',
    freshSession: true,
  }),
  'POST /api/v1/auth/password': async () => ({
    url: '/api/v1/auth/password',
    payload: { currentPassword: 'field-Notebook-Kharkiv-81', newPassword: 'field-Notebook-Kharkiv-81' },
    freshSession: true,
  }),
  'POST /api/v1/auth/accept': async () => {
    const u = await buildUser(t, { password: null });
    return {
      url: '/api/v1/auth/accept',
      payload: { token: u.inviteUrl!.split('/invite/')[1], password: 'Quiet-Harbour-Rivne-42' },
    };
  },
  'GET /api/v1/users': async () => ({ url: '/api/v1/users' }),
  'POST /api/v1/users': async () => ({
    url: '/api/v1/users',
    payload: {
      email: `matrix-${Math.random().toString(36).slice(2)}@example.org`,
      displayName: 'Matrix',
      organisationId: (await buildOrganisation(t)).id,
      roles: ['reviewer'],
    },
  }),
  'GET /api/v1/users/:id': async () => ({ url: `/api/v1/users/${(await buildUser(t)).id}` }),
  'PATCH /api/v1/users/:id': async () => {
    const u = await buildUser(t);
    return { url: `/api/v1/users/${u.id}`, payload: { version: u.version, displayName: 'Renamed' } };
  },
  'POST /api/v1/users/:id/deactivate': async () => ({
    url: `/api/v1/users/${(await buildUser(t)).id}/deactivate`,
  }),
  'POST /api/v1/users/:id/reactivate': async () => ({
    url: `/api/v1/users/${(await buildUser(t)).id}/reactivate`,
  }),
  'POST /api/v1/users/:id/password-reset': async () => ({
    url: `/api/v1/users/${(await buildUser(t)).id}/password-reset`,
  }),
  'POST /api/v1/users/:id/totp-reset': async () => ({
    url: `/api/v1/users/${(await buildUser(t)).id}/totp-reset`,
  }),
  'GET /api/v1/settings/mfa': async () => ({ url: '/api/v1/settings/mfa' }),
  'PUT /api/v1/settings/mfa': async () => ({ url: '/api/v1/settings/mfa', payload: { requiredRoles: [] } }),
  'GET /api/v1/organisations': async () => ({ url: '/api/v1/organisations' }),
  'POST /api/v1/organisations': async () => ({
    url: '/api/v1/organisations',
    payload: { type: 'donor', nameEn: `Fund ${Math.random().toString(36).slice(2)}`, nameUk: 'Фонд' },
  }),
  'GET /api/v1/organisations/:id': async () => ({ url: `/api/v1/organisations/${sessionsOrg()}` }),
  'PATCH /api/v1/organisations/:id': async () => {
    const o = await buildOrganisation(t);
    return { url: `/api/v1/organisations/${o.id}`, payload: { version: o.version, nameUk: 'Нова назва' } };
  },
  'GET /api/v1/audit': async () => ({ url: '/api/v1/audit' }),
  'GET /api/v1/people': async () => ({ url: '/api/v1/people?q=Bondarenko' }),
  'POST /api/v1/people': async () => ({
    url: '/api/v1/people',
    payload: { familyName: 'Гнатюк', givenName: 'Ірина' },
  }),
  'POST /api/v1/people/duplicate-check': async () => ({
    url: '/api/v1/people/duplicate-check',
    payload: { familyName: 'Bondarenko', givenName: 'Olena', birthDate: '1990-05-17' },
  }),
  'GET /api/v1/people/:id': async () => ({ url: `/api/v1/people/${(await ownPerson()).id}` }),
  'PATCH /api/v1/people/:id': async () => {
    const p = await ownPerson();
    return { url: `/api/v1/people/${p.id}`, payload: { version: p.version, sex: 'M' } };
  },
  'POST /api/v1/people/:id/identifiers': async () => ({
    url: `/api/v1/people/${(await ownPerson()).id}/identifiers`,
    payload: { type: 'passport', value: 'АА123456' },
  }),
  'POST /api/v1/people/:id/identifiers/:identifierId/reveal': async () => {
    const p = await ownPerson({ identifiers: [{ type: 'passport', value: 'ВВ654321' }] });
    return { url: `/api/v1/people/${p.id}/identifiers/${p.identifiers[0]!.id}/reveal` };
  },
  'GET /api/v1/people/:id/consents': async () => ({
    url: `/api/v1/people/${(await ownPerson()).id}/consents`,
  }),
  'POST /api/v1/people/:id/consents': async () => ({
    url: `/api/v1/people/${(await ownPerson()).id}/consents`,
    payload: { purpose: 'follow_up', status: 'given', method: 'verbal' },
  }),
  'GET /api/v1/people/:id/assistance': async () => ({
    url: `/api/v1/people/${(await ownPerson()).id}/assistance`,
  }),
  'POST /api/v1/people/:id/assistance': async () => ({
    url: `/api/v1/people/${(await ownPerson()).id}/assistance`,
    payload: { type: 'hygiene_kit', date: '2026-09-01', modality: 'in_kind' },
  }),
  'GET /api/v1/people/:id/households': async () => ({
    url: `/api/v1/people/${(await ownPerson()).id}/households`,
  }),
  'POST /api/v1/households': async () => ({
    url: '/api/v1/households',
    payload: { members: [{ relationship: 'head', person: { familyName: 'Лисенко', givenName: 'Павло' } }] },
  }),
  'GET /api/v1/households/:id': async () => ({ url: `/api/v1/households/${(await ownHousehold()).id}` }),
  'POST /api/v1/households/:id/members': async () => {
    const h = await ownHousehold();
    return {
      url: `/api/v1/households/${h.id}/members`,
      payload: { personId: (await ownPerson()).id, relationship: 'other_relative', version: h.version },
    };
  },
  'GET /api/v1/audit/verify': async () => ({ url: '/api/v1/audit/verify' }),
  'POST /api/v1/dedup/runs': async () => ({ url: '/api/v1/dedup/runs' }),
  'GET /api/v1/dedup/pairs': async () => ({ url: '/api/v1/dedup/pairs' }),
  'GET /api/v1/dedup/pairs/:id': async () => ({ url: `/api/v1/dedup/pairs/${await ownPair()}` }),
  'POST /api/v1/dedup/pairs/:id/decision': async () => ({
    url: `/api/v1/dedup/pairs/${await ownPair()}/decision`,
    payload: { decision: 'not_same' },
  }),
  'POST /api/v1/dedup/pairs/:id/undo': async () => {
    const id = await ownPair();
    const [pair] = await createDedupRepository(t.db)
      .listPairs(t.tenantId, 'pending', undefined, 1000)
      .then((rows) => rows.filter((r) => r.id === id));
    await t.services.dedup.decidePair(factoryActor(t, ownOrganisationId), id, {
      decision: 'same',
      survivorId: pair!.person_a,
    });
    return { url: `/api/v1/dedup/pairs/${id}/undo` };
  },
  'GET /api/v1/grants/reviewers': async () => ({ url: '/api/v1/grants/reviewers' }),
  'GET /api/v1/forms': async () => ({ url: '/api/v1/forms' }),
  'GET /api/v1/forms/:id': async () => ({ url: `/api/v1/forms/${(await buildFormDefinition(t)).id}` }),
  'POST /api/v1/forms': async () => ({ url: '/api/v1/forms', payload: { definition: exampleGrantForm } }),
  'PUT /api/v1/forms/:id': async () => ({
    url: `/api/v1/forms/${(await buildFormDefinition(t)).id}`,
    payload: { definition: exampleGrantForm, version: 1 },
  }),
  'POST /api/v1/forms/:id/validate': async () => ({
    url: `/api/v1/forms/${(await buildFormDefinition(t)).id}/validate`,
    payload: { answers: { staff: 3 }, stage: 'draft' },
  }),
  'POST /api/v1/forms/xlsform': async () => ({
    url: '/api/v1/forms/xlsform',
    payload: writeXlsx([
      {
        name: 'survey',
        rows: [
          ['type', 'name', 'label'],
          ['text', 'name', 'Ім’я'],
        ],
      },
    ]),
    headers: { 'content-type': 'application/octet-stream' },
  }),
  'POST /api/v1/people/imports': async () => ({
    url: '/api/v1/people/imports?source=matrix&fileName=matrix.csv',
    payload: 'family_name,given_name\nМатрикс,Олег\n',
  }),
  'GET /api/v1/people/imports/:id': async () => ({ url: `/api/v1/people/imports/${await ownImport()}` }),
  'PUT /api/v1/people/imports/:id/mapping': async () => ({
    url: `/api/v1/people/imports/${await ownImport()}/mapping`,
    payload: { familyName: 'family_name', givenName: 'given_name' },
  }),
  'POST /api/v1/people/imports/:id/dry-run': async () => ({
    url: `/api/v1/people/imports/${await ownImport()}/dry-run`,
  }),
  'POST /api/v1/people/imports/:id/start': async () => ({
    url: `/api/v1/people/imports/${await ownImport(true)}/start`,
    payload: {},
  }),
  'GET /api/v1/notifications': async () => ({ url: '/api/v1/notifications?entityType=test_entity' }),
  'GET /api/v1/notifications/:id': async () => ({
    url: `/api/v1/notifications/${(await buildNotification(t)).id}`,
  }),
  'POST /api/v1/notifications/:id/retry': async () => ({
    url: `/api/v1/notifications/${(await buildNotification(t)).id}/retry`,
  }),
  'POST /api/v1/notifications/deliver': async () => ({ url: '/api/v1/notifications/deliver' }),
  ...portalExamples({ app: () => t, organisationId: () => ownOrganisationId }),
  ...feedbackExamples(() => t),
  ...grantExamples(),
  ...grantAwardExamples({
    app: () => t,
    organisationId: () => ownOrganisationId,
    reviewerId: () => sessions.get('reviewer')!.userId,
  }),
  ...trainingExamples({
    app: () => t,
    organisationId: () => ownOrganisationId,
    userIds: () => [...sessions.values()].map((s) => s.userId),
  }),
};

/**
 * Files, calls, public applications and screening. Examples that reads and repeatable writes can
 * share are built once (every role runs each example); the rest are fresh each time.
 */
function grantExamples(): Record<string, () => Promise<Example>> {
  const once = <T>(make: () => Promise<T>) => {
    let made: Promise<T> | undefined;
    return () => (made ??= make());
  };
  const pdf = { 'content-type': 'application/pdf' };
  const apps = () => t.services.grantApplications;
  const sharedDraftCall = once(() => buildCall(t, { open: false }));
  const sharedFile = once(
    async () =>
      (await t.services.files.uploadStaffFile(factoryActor(t, ownOrganisationId), tinyPdf(), 'matrix.pdf'))
        .id,
  );
  /** A draft application with its secret, as the applicant holds it. */
  const draft = async () => {
    const c = await buildCall(t);
    const a = await buildApplication(t, c.id, { submit: false });
    const row = await apps().authenticate(t.tenantId, a.referenceCode, a.secret);
    const [doc] = (await apps().getOwnApplication(t.tenantId, a.referenceCode, a.secret)).documents;
    return { ...a, version: row.version, documentId: doc!.id, headers: { 'x-application-secret': a.secret } };
  };
  const submitted = once(async () => {
    const c = await buildCall(t);
    return { call: c, app: await buildApplication(t, c.id) };
  });
  const versionOf = async (a: { referenceCode: string; secret: string }) =>
    (await apps().authenticate(t.tenantId, a.referenceCode, a.secret)).version;
  const screened = async () => {
    const { app } = await submitted();
    const s = await t.services.grantScreening.screenApplication(factoryActor(t, ownOrganisationId), app.id);
    return { app, screening: s };
  };
  return {
    'POST /api/v1/files': async () => ({
      url: '/api/v1/files?name=matrix.pdf',
      payload: tinyPdf(),
      headers: pdf,
    }),
    'GET /api/v1/files/:id': async () => ({ url: `/api/v1/files/${await sharedFile()}` }),
    'GET /api/v1/grants/calls': async () => ({ url: '/api/v1/grants/calls' }),
    'POST /api/v1/grants/calls': async () => ({
      url: '/api/v1/grants/calls',
      payload: {
        kind: 'youth',
        title: { uk: 'Ініціативи молоді', en: 'Youth initiatives' },
        description: { uk: 'Малі гранти командам.', en: 'Small grants for teams.' },
        currency: 'UAH',
        budgetMinor: 50_000_000,
        maxPerGrantMinor: 5_000_000,
        opensAt: '2026-12-01T00:00:00Z',
        closesAt: '2027-01-31T00:00:00Z',
      },
    }),
    'GET /api/v1/grants/calls/:id': async () => ({
      url: `/api/v1/grants/calls/${(await sharedDraftCall()).id}`,
    }),
    'PATCH /api/v1/grants/calls/:id': async () => {
      const c = await t.services.grantCalls.findCall(t.tenantId, (await sharedDraftCall()).id);
      return {
        url: `/api/v1/grants/calls/${c!.id}`,
        payload: { version: c!.version, reviewersPerApplication: 3 },
      };
    },
    'POST /api/v1/grants/calls/:id/open': async () => {
      const c = await buildCall(t, { open: false });
      return { url: `/api/v1/grants/calls/${c.id}/open`, payload: { version: c.version } };
    },
    'POST /api/v1/grants/calls/:id/close': async () => {
      const c = await buildCall(t);
      return { url: `/api/v1/grants/calls/${c.id}/close`, payload: { version: c.version } };
    },
    'GET /api/v1/grants/calls/:id/applications': async () => ({
      url: `/api/v1/grants/calls/${(await submitted()).call.id}/applications`,
    }),
    'POST /api/v1/grants/calls/:id/screening': async () => ({
      url: `/api/v1/grants/calls/${(await submitted()).call.id}/screening`,
    }),
    'GET /api/v1/grants/applications/:id': async () => ({
      url: `/api/v1/grants/applications/${(await submitted()).app.id}`,
    }),
    'POST /api/v1/grants/applications/:id/screening': async () => ({
      url: `/api/v1/grants/applications/${(await submitted()).app.id}/screening`,
    }),
    'POST /api/v1/grants/applications/:id/screening/override': async () => {
      const { app, screening } = await screened();
      return {
        url: `/api/v1/grants/applications/${app.id}/screening/override`,
        payload: { result: 'eligible', reason: 'Checked the register by phone', version: screening.version },
      };
    },
    'POST /api/v1/grants/applications/:id/person': async () => {
      const { app } = await submitted();
      return {
        url: `/api/v1/grants/applications/${app.id}/person`,
        payload: { personId: (await ownPerson()).id, version: await versionOf(app) },
      };
    },
    'GET /api/v1/public/grants/calls': async () => ({ url: '/api/v1/public/grants/calls' }),
    'GET /api/v1/public/grants/calls/:id': async () => ({
      url: `/api/v1/public/grants/calls/${(await buildCall(t)).id}`,
    }),
    'POST /api/v1/public/grants/calls/:id/applications': async () => ({
      url: `/api/v1/public/grants/calls/${(await buildCall(t)).id}/applications`,
      payload: { language: 'uk' },
    }),
    'GET /api/v1/public/grants/applications/:reference': async () => {
      const d = await draft();
      return { url: `/api/v1/public/grants/applications/${d.referenceCode}`, headers: d.headers };
    },
    'PUT /api/v1/public/grants/applications/:reference': async () => {
      const d = await draft();
      return {
        url: `/api/v1/public/grants/applications/${d.referenceCode}`,
        payload: { version: d.version, groups: ['youth'] },
        headers: d.headers,
      };
    },
    'POST /api/v1/public/grants/applications/:reference/documents': async () => {
      const d = await draft();
      return {
        url: `/api/v1/public/grants/applications/${d.referenceCode}/documents?kind=business_plan&name=plan.pdf`,
        payload: tinyPdf(),
        headers: { ...d.headers, ...pdf },
      };
    },
    'GET /api/v1/public/grants/applications/:reference/documents/:documentId': async () => {
      const d = await draft();
      return {
        url: `/api/v1/public/grants/applications/${d.referenceCode}/documents/${d.documentId}`,
        headers: d.headers,
      };
    },
    'DELETE /api/v1/public/grants/applications/:reference/documents/:documentId': async () => {
      const d = await draft();
      return {
        url: `/api/v1/public/grants/applications/${d.referenceCode}/documents/${d.documentId}`,
        headers: d.headers,
      };
    },
    'POST /api/v1/public/grants/applications/:reference/submit': async () => {
      const d = await draft();
      return {
        url: `/api/v1/public/grants/applications/${d.referenceCode}/submit`,
        payload: { version: d.version },
        headers: d.headers,
      };
    },
    'GET /api/v1/public/grants/applications/:reference/status': async () => {
      const d = await draft();
      return { url: `/api/v1/public/grants/applications/${d.referenceCode}/status`, headers: d.headers };
    },
  };
}

/** A person and a household registered by the matrix users' own organisation. */
const ownPerson = (over: Parameters<typeof buildPerson>[2] = {}) => buildPerson(t, ownOrganisationId, over);
const ownHousehold = () =>
  t.services.households.registerHousehold(factoryActor(t, ownOrganisationId), {
    address: null,
    currentPcode: null,
    members: [
      {
        relationship: 'head',
        person: createPersonBody.parse({ familyName: 'Дорошенко', givenName: 'Лука' }),
      },
    ],
  });

/** An uploaded file of people (checked, when asked), owned by the matrix users' organisation. */
const ownImport = async (checked = false) => {
  const actor = factoryActor(t, ownOrganisationId);
  const { importId } = await t.services.peopleImport.uploadImport(actor, {
    source: 'matrix',
    fileName: 'matrix.csv',
    content: Buffer.from('family_name,given_name\nМатрикс,Олег\n'),
  });
  if (checked) await t.services.peopleImport.dryRun(actor, importId);
  return importId;
};

/** A pending review pair between two of the organisation's records. */
async function ownPair() {
  const [a, b] = [(await ownPerson()).id, (await ownPerson()).id].sort();
  const id = crypto.randomUUID();
  await createDedupRepository(t.db).insertPairs([
    {
      tenant_id: t.tenantId,
      id,
      job_id: null,
      person_a: a!,
      person_b: b!,
      weight: 3,
      probability: 0.89,
      decision: 'review',
      reason: 'between thresholds',
      explanation: JSON.stringify({
        prior: -10,
        fields: [],
        total: 3,
        probability: 0.89,
        decision: 'review',
      }),
    },
  ]);
  return id;
}

/** The organisation every role's user belongs to (so scope lets each read its own). */
const sessionsOrg = () => ownOrganisationId;
let ownOrganisationId = '';

/** Routes whose success depends on state the matrix cannot give every role (a pending code). */
const stateDependent = new Set(['POST /api/v1/auth/mfa', 'POST /api/v1/auth/totp/confirm']);

describe('policy matrix: every route × every role', { timeout: 180_000 }, () => {
  it('has an example for every registered route, and every route declares a known policy', () => {
    const missing = t.app.routeTable.map((r) => `${r.method} ${r.url}`).filter((k) => !examples[k]);
    expect(missing).toEqual([]);
    for (const r of t.app.routeTable) {
      expect(
        r.access === 'public' || r.access === 'session.partial' || isAction(r.access),
        `${r.method} ${r.url}`,
      ).toBe(true);
    }
  });

  it('refuses to start when a route declares no policy', async () => {
    const app = Fastify();
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/v1') && !route.config?.access) throw new Error('no policy');
    });
    expect(() => app.get('/api/v1/oops', async () => 'x')).toThrow(/no policy/);
  });

  it('gives no session a 401 on every non-public route, and public routes answer without one', async () => {
    for (const route of t.app.routeTable) {
      const ex = await examples[`${route.method} ${route.url}`]!();
      const res = await call(t, null, route.method as Method, ex.url, ex.payload, ex.headers);
      if (route.access === 'public') expect(res.statusCode, `${route.method} ${route.url}`).toBeLessThan(300);
      else expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('gives each role exactly its allowed answer: 2xx when the policy allows, 403 when not', async () => {
    ownOrganisationId = (await t.services.users.getUser(t.tenantId, sessions.get('admin')!.userId))
      .organisationId;
    const failures: string[] = [];
    for (const route of t.app.routeTable) {
      const key = `${route.method} ${route.url}`;
      if (route.access === 'public') continue;
      for (const role of roles) {
        const ex = await examples[key]!();
        const mine = sessions.get(role)!;
        const session = ex.freshSession ? await signIn(t, mine.email) : mine.session;
        const res = await call(t, session, route.method as Method, ex.url, ex.payload, ex.headers);
        // Signing out everywhere or changing the password ends the role's other sessions too.
        if (ex.freshSession) sessions.set(role, { ...mine, session: await signIn(t, mine.email) });
        const allowed = route.access === 'session.partial' || hasRoleFor({ roles: [role] }, route.access);
        const ok = allowed
          ? stateDependent.has(key)
            ? res.statusCode !== 403 && res.statusCode !== 401 && res.statusCode < 500
            : res.statusCode >= 200 && res.statusCode < 300
          : res.statusCode === 403;
        if (!ok)
          failures.push(
            `${key} as ${role}: expected ${allowed ? '2xx' : '403'}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    // Every route × every role: it grows with the API, past the default 30 s on a busy machine.
  }, 300_000);
});

describe('organisation scope', () => {
  it('never lets partner staff of organisation A read organisation B', async () => {
    const a = await buildOrganisation(t);
    const b = await buildOrganisation(t);
    const { session } = await signedInAs(t, ['partner_staff'], { organisationId: a.id });
    expect((await call(t, session, 'GET', `/api/v1/organisations/${a.id}`)).statusCode).toBe(200);
    expect((await call(t, session, 'GET', `/api/v1/organisations/${b.id}`)).statusCode).toBe(403);
    const list = (await call(t, session, 'GET', '/api/v1/organisations')).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([a.id]);
  });
});
