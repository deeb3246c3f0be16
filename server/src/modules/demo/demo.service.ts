import type { Role } from '@oselia/contracts';
import type { Services } from '../../services.ts';
import { systemActor } from '../access/users.service.ts';

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
export async function seedDemo(services: Pick<Services, 'organisations' | 'users'>, tenantId: string) {
  const organisations: Record<string, string> = {};
  for (const org of DEMO_ORGANISATIONS) {
    organisations[org.nameEn] = await services.organisations.ensureOrganisation(tenantId, org);
  }
  let users = 0;
  for (const u of DEMO_USERS) {
    const existing = await services.users.listUsers(tenantId, { q: u.email, limit: 1 });
    if (existing.items.length === 0) {
      await services.users.createUser(tenantId, systemActor('demo seed'), {
        email: u.email,
        displayName: u.displayName,
        organisationId: organisations[u.organisation]!,
        roles: [u.role],
        projectScope: null,
        oblastScope: null,
        totpRequired: false,
        password: u.password,
      });
      users++;
    }
  }
  return { organisations: Object.keys(organisations).length, usersCreated: users, users: DEMO_USERS.length };
}

const MISSION = 'Oselia mission in Ukraine';

/** One user per role; demo mode only. The passwords are printed in the README on purpose. */
export const DEMO_USERS: {
  role: Role;
  email: string;
  displayName: string;
  password: string;
  organisation: string;
}[] = [
  {
    role: 'admin',
    email: 'admin@demo.oselia.org',
    displayName: 'Olena Admin',
    password: 'demo-admin-Kyiv-2026',
    organisation: MISSION,
  },
  {
    role: 'programme_manager',
    email: 'manager@demo.oselia.org',
    displayName: 'Taras Manager',
    password: 'demo-manager-Lviv-2026',
    organisation: MISSION,
  },
  {
    role: 'registration_officer',
    email: 'registrar@demo.oselia.org',
    displayName: 'Iryna Registrar',
    password: 'demo-registrar-Dnipro-2026',
    organisation: MISSION,
  },
  {
    role: 'reviewer',
    email: 'reviewer@demo.oselia.org',
    displayName: 'Andrii Reviewer',
    password: 'demo-reviewer-Poltava-2026',
    organisation: MISSION,
  },
  {
    role: 'finance_officer',
    email: 'finance@demo.oselia.org',
    displayName: 'Maria Finance',
    password: 'demo-finance-Odesa-2026',
    organisation: MISSION,
  },
  {
    role: 'me_officer',
    email: 'me@demo.oselia.org',
    displayName: 'Petro Monitoring',
    password: 'demo-monitoring-Sumy-2026',
    organisation: MISSION,
  },
  {
    role: 'communications_officer',
    email: 'comms@demo.oselia.org',
    displayName: 'Sofiia Comms',
    password: 'demo-comms-Uzhhorod-2026',
    organisation: MISSION,
  },
  {
    role: 'partner_staff',
    email: 'partner@demo.oselia.org',
    displayName: 'Nadiia Partner',
    password: 'demo-partner-Vinnytsia-2026',
    organisation: 'Vinnytsia Hub for Displaced Families',
  },
  {
    role: 'donor_viewer',
    email: 'donor@demo.oselia.org',
    displayName: 'Dana Donor',
    password: 'demo-donor-Chernihiv-2026',
    organisation: 'Resilient Communities Fund',
  },
];
