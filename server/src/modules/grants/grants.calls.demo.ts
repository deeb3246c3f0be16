import type { Services } from '../../services.ts';
import { onePagePdf } from '../../shared/one-page-pdf.ts';
import { type Actor, actorWithoutUser } from '../access/access.policy.ts';
import {
  businessCallBody,
  businessGrantForm,
  youthCallBody,
  youthInitiativeForm,
} from './grants.calls.examples.ts';

/** Two invented applicants to the business call: a café that fits, a workshop that does not. */
const DEMO_APPLICANTS = [
  {
    applicant: {
      familyName: 'Гончаренко',
      givenName: 'Світлана',
      patronymic: 'Ігорівна',
      birthDate: null,
      phone: '+380931234501',
      email: null,
      organisationName: 'Кав’ярня «Дніпровий ранок»',
    },
    businessId: { kind: 'edrpou' as const, value: '41230585' },
    oblastPcode: 'UA46',
    groups: ['idp' as const, 'women_led' as const],
    requestedAmountMinor: 650_000,
    answers: {
      sector: 'food',
      registration_date: '2019-04-02',
      staff_count: 3,
      jobs_to_create: 2,
      purposes: ['equipment'],
      plan: 'Кав’ярня переїхала з Дніпра до Львова; потрібні кавомашина та холодильна вітрина, щоб відкритися знову.',
    },
  },
  {
    applicant: {
      familyName: 'Литвиненко',
      givenName: 'Максим',
      patronymic: null,
      birthDate: null,
      phone: '+380671234502',
      email: null,
      organisationName: 'Майстерня «Гвинт»',
    },
    businessId: { kind: 'edrpou' as const, value: '44871232' },
    oblastPcode: 'UA05',
    groups: ['host' as const],
    requestedAmountMinor: 900_000,
    answers: {
      sector: 'repair',
      registration_date: new Date(Date.now() - 60 * 24 * 3600_000).toISOString().slice(0, 10),
      staff_count: 28,
      purposes: ['equipment', 'premises'],
    },
  },
];

/**
 * The grants demo: a business call (livelihood-style micro-grants, open) with two submitted
 * applications, and a youth initiative call (open). Running it twice changes nothing.
 */
export async function seedGrantsDemo(
  services: Pick<Services, 'forms' | 'grantCalls' | 'grantApplications'>,
  tenantId: string,
  missionId: string,
): Promise<{ calls: number; applications: number }> {
  const actor: Actor = actorWithoutUser({
    tenantId,
    organisationId: missionId,
    roles: ['admin'],
    label: 'demo seed',
  });
  const existing = await services.grantCalls.listCalls(actor, { limit: 200 });
  const business = businessCallBody({ id: '00000000-0000-7000-8000-000000000000', version: 1 });
  if (existing.items.some((c) => c.title.en === business.title.en)) return { calls: 0, applications: 0 };

  const pin = async (definition: typeof businessGrantForm) => {
    const form = await services.forms.createFormDefinition(actor, { definition });
    return { id: form.id, version: form.version };
  };
  const open = async (body: ReturnType<typeof businessCallBody>) => {
    const draft = await services.grantCalls.createCall(actor, body);
    return services.grantCalls.openCall(actor, draft.id, draft.version);
  };
  const call = await open(businessCallBody(await pin(businessGrantForm)));
  await open(youthCallBody(await pin(youthInitiativeForm)));

  const apps = services.grantApplications;
  for (const a of DEMO_APPLICANTS) {
    const { referenceCode, secret } = await apps.startApplication(tenantId, call.id, {
      language: 'uk',
      ...a,
    });
    for (const kind of ['registration_extract', 'quotation']) {
      await apps.uploadDocument(tenantId, referenceCode, secret, {
        kind,
        name: `${kind}.pdf`,
        bytes: onePagePdf(`Demo ${kind.replace('_', ' ')}: ${a.applicant.organisationName}`),
      });
    }
    const row = await apps.authenticate(tenantId, referenceCode, secret);
    await apps.submit(tenantId, referenceCode, secret, row.version);
  }
  return { calls: 2, applications: DEMO_APPLICANTS.length };
}
