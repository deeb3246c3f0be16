import { createHouseholdBody, type Role } from '@oselia/contracts';
import type { Services } from '../../services.ts';
import { type Actor, actorWithoutUser } from '../access/access.policy.ts';
import { systemActor } from '../access/users.service.ts';
import { seedFeedbackDemo } from '../feedback/feedback.demo.ts';
import { seedGrantsDemo } from '../grants/grants.calls.demo.ts';
import { seedPortalDemo } from '../portal/portal.demo.ts';
import { seedTrainingsDemo } from '../trainings/trainings.demo.ts';

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
export async function seedDemo(
  services: Pick<
    Services,
    | 'organisations'
    | 'users'
    | 'people'
    | 'households'
    | 'db'
    | 'portal'
    | 'consent'
    | 'forms'
    | 'grantCalls'
    | 'grantApplications'
    | 'trainings'
    | 'feedback'
  >,
  tenantId: string,
) {
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
  const households = await seedDemoHouseholds(services, tenantId, organisations[MISSION]!);
  const grants = await seedGrantsDemo(services, tenantId, organisations[MISSION]!);
  const trainings = await seedTrainingsDemo(services.trainings, tenantId, organisations[MISSION]!);
  // Stories about the demo families, with their consent (after the families exist).
  const portal = await seedPortalDemo(services, tenantId, organisations[MISSION]!);
  const registrar = DEMO_USERS.find((u) => u.role === 'registration_officer')!.email;
  const feedback = await seedFeedbackDemo(services, tenantId, organisations[MISSION]!, registrar);
  return {
    organisations: Object.keys(organisations).length,
    usersCreated: users,
    users: DEMO_USERS.length,
    households,
    grantCalls: grants.calls,
    trainings: trainings.trainings,
    stories: portal.stories,
    feedback: feedback.feedback,
  };
}

/**
 * Three fictional displaced families, so the registry is not empty in a demo. Names, places and
 * stories are invented; numbers are not real documents.
 */
async function seedDemoHouseholds(
  services: Pick<Services, 'people' | 'households'>,
  tenantId: string,
  missionId: string,
) {
  const actor: Actor = actorWithoutUser({
    tenantId,
    organisationId: missionId,
    roles: ['admin'],
    label: 'demo seed',
  });
  const marker = await services.people.searchPeople(actor, { q: 'Ткачук Оксана', limit: 1 });
  if (marker.items.length > 0) return 0;
  const given = [{ purpose: 'assistance', status: 'given', method: 'signed' }];
  const families = [
    {
      address: 'Львів, вул. Городоцька (орендована квартира)',
      currentPcode: 'UA4606025',
      members: [
        {
          relationship: 'head',
          person: {
            familyName: 'Бондаренко',
            givenName: 'Ірина',
            patronymic: 'Василівна',
            birthDate: '1987-04-12',
            sex: 'F',
            populationGroup: 'idp',
            originPcode: 'UA1202001',
            displacementDate: '2022-04-03',
            phones: ['+380 67 000 11 22'],
            vulnerabilities: ['single_headed_household', 'lost_livelihood'],
            consents: given,
          },
        },
        {
          relationship: 'child',
          person: {
            familyName: 'Бондаренко',
            givenName: 'Дмитро',
            patronymic: 'Олегович',
            birthDate: '2013-09-01',
            sex: 'M',
            populationGroup: 'idp',
            originPcode: 'UA1202001',
            consents: given,
          },
        },
      ],
    },
    {
      address: 'Первомайськ, гуртожиток коледжу',
      currentPcode: 'UA4808013',
      members: [
        {
          relationship: 'head',
          person: {
            familyName: 'Мельник',
            givenName: 'Андрій',
            patronymic: 'Сергійович',
            birthDate: '2005-02-20',
            sex: 'M',
            populationGroup: 'idp',
            originPcode: 'UA6510015',
            displacementDate: '2022-11-15',
            phones: ['+380 50 000 33 44'],
            consents: given,
          },
        },
        {
          relationship: 'grandparent',
          person: {
            familyName: 'Мельник',
            givenName: 'Галина',
            patronymic: 'Петрівна',
            birthDate: '1949-06-30',
            sex: 'F',
            populationGroup: 'idp',
            originPcode: 'UA6510015',
            washingtonGroup: {
              seeing: 'some_difficulty',
              hearing: 'no_difficulty',
              walking: 'a_lot_of_difficulty',
              cognition: 'no_difficulty',
              selfCare: 'some_difficulty',
              communication: 'no_difficulty',
            },
            vulnerabilities: ['chronic_illness'],
            consents: given,
          },
        },
      ],
    },
    {
      address: 'Вінниця, вул. Пирогова',
      currentPcode: 'UA0502003',
      members: [
        {
          relationship: 'head',
          person: {
            familyName: 'Ткачук',
            givenName: 'Оксана',
            patronymic: 'Миколаївна',
            birthDate: '1979-11-08',
            sex: 'F',
            populationGroup: 'idp',
            originPcode: 'UA1402009',
            displacementDate: '2022-05-20',
            phones: ['+380 63 000 55 66'],
            consents: given,
          },
        },
        {
          relationship: 'spouse',
          person: {
            familyName: 'Ткачук',
            givenName: 'Віктор',
            patronymic: 'Іванович',
            birthDate: '1976-03-17',
            sex: 'M',
            populationGroup: 'idp',
            originPcode: 'UA1402009',
            vulnerabilities: ['veteran_or_family'],
            consents: given,
          },
        },
        {
          relationship: 'child',
          person: {
            familyName: 'Ткачук',
            givenName: 'Софія',
            patronymic: 'Вікторівна',
            birthDate: '2009-12-24',
            sex: 'F',
            populationGroup: 'idp',
            originPcode: 'UA1402009',
            consents: given,
          },
        },
      ],
    },
  ];
  for (const family of families)
    await services.households.registerHousehold(actor, createHouseholdBody.parse(family));
  return families.length;
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
