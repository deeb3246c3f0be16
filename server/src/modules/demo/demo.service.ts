import type { Services } from '../../services.ts';

/** Fictional organisations for the demo; names are ours, not real bodies'. */
const DEMO_ORGANISATIONS = [
  { type: 'mission', nameEn: 'Oselia mission in Ukraine', nameUk: 'Місія «Оселя» в Україні' },
  {
    type: 'partner_ngo',
    nameEn: 'Vinnytsia Hub for Displaced Families',
    nameUk: 'Вінницький осередок для переміщених родин',
  },
  {
    type: 'partner_ngo',
    nameEn: 'Lviv Business Restart Centre',
    nameUk: 'Львівський центр відновлення бізнесу',
  },
  { type: 'donor', nameEn: 'Resilient Communities Fund', nameUk: 'Фонд стійких громад' },
] as const;

/** Makes the demo data present; running it twice changes nothing. */
export async function seedDemo(services: Pick<Services, 'tenants' | 'places'>, tenantId: string) {
  const organisations: Record<string, string> = {};
  for (const org of DEMO_ORGANISATIONS) {
    organisations[org.nameEn] = await services.tenants.ensureOrganisation(tenantId, org);
  }
  return { organisations: Object.keys(organisations).length };
}
