import { createTrainingEventBody, type TestQuestion } from '@oselia/contracts';
import { type Actor, actorWithoutUser } from '../access/access.policy.ts';
import type { TrainingsService } from './trainings.service.ts';

/** The demo project all demo trainings belong to (its reach is on the project reach page). */
export const DEMO_PROJECT = 'DEMO-SAFE-ROUTES';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const quotas = [
  {
    code: 'idp',
    label: { uk: 'Переміщені', en: 'Displaced' },
    populationGroups: ['idp' as const],
    percent: 50,
  },
  {
    code: 'host',
    label: { uk: 'Місцева молодь', en: 'Local youth' },
    populationGroups: ['host_community' as const],
    percent: 30,
  },
];

/** Invented young people; none of them is real. */
const ALUMNI = [
  ['Гайова', 'Мирослава', 'F', 'idp', '2007-02-14'],
  ['Кушнір', 'Ярема', 'M', 'host_community', '2006-08-30'],
  ['Дзюба', 'Олеся', 'F', 'idp', '2008-05-03'],
  ['Стасюк', 'Богдан', 'M', 'idp', '2005-11-21'],
  ['Лозинська', 'Христина', 'F', 'host_community', '2007-07-09'],
  ['Панчук', 'Данило', 'M', 'returnee', '2006-01-17'],
] as const;

const question = (id: string, uk: string, en: string, right: [string, string], wrong: [string, string]) => ({
  id,
  text: { uk, en },
  choices: [
    { id: 'a', text: { uk: right[0], en: right[1] } },
    { id: 'b', text: { uk: wrong[0], en: wrong[1] } },
  ],
  correct: ['a'],
  points: 1,
});
const QUESTIONS: TestQuestion[] = [
  question(
    'q1',
    'Чи можна віддати паспорт роботодавцю «на зберігання»?',
    'May you leave your passport with an employer "for safekeeping"?',
    ['Ні, документи завжди при собі', 'No, keep your documents yourself'],
    ['Так, якщо він просить', 'Yes, if they ask'],
  ),
  question(
    'q2',
    'Що перевірити перед роботою за кордоном?',
    'What should you check before a job abroad?',
    ['Договір і реєстрацію агенції', 'The contract and the agency’s registration'],
    ['Лише розмір зарплати', 'Only the pay'],
  ),
];

/**
 * A spring school that is over (six participants, five completed, two awareness sessions run by
 * an alumna) and a summer school open for applications. Runs once: nothing happens when the demo
 * project already has trainings.
 */
export async function seedTrainingsDemo(trainings: TrainingsService, tenantId: string, missionId: string) {
  const actor: Actor = actorWithoutUser({
    tenantId,
    organisationId: missionId,
    roles: ['admin'],
    label: 'demo seed',
  });
  const existing = await trainings.events.listEvents(actor, { projectCode: DEMO_PROJECT, limit: 1 });
  if (existing.items.length > 0) return { trainings: 0 };

  const spring = await trainings.events.createEvent(
    actor,
    createTrainingEventBody.parse({
      title: { uk: 'Весняна школа «Безпечні маршрути»', en: 'Spring school “Safe routes”' },
      description: {
        uk: 'Три дні про те, як розпізнати вербування в трудове рабство і куди звертатися по допомогу.',
        en: 'Three days on recognising recruitment into forced labour and where to turn for help.',
      },
      topics: ['counter_trafficking', 'safe_migration'],
      projectCode: DEMO_PROJECT,
      placePcode: 'UA46',
      venue: 'Молодіжний центр «Вежа»',
      capacity: 6,
      targetGroups: ['idp', 'host_community', 'returnee'],
      ageMin: 16,
      ageMax: 25,
      quotas,
      sessions: [day(-30), day(-29), day(-28)].map((date) => ({ date, minutes: 300 })),
      facilitators: [{ name: 'Ганна Вербицька' }],
    }),
  );
  await trainings.events.updateEvent(actor, spring.id, { version: spring.version, status: 'open' });
  for (const [i, [familyName, givenName, sex, group, birth]] of ALUMNI.entries()) {
    await trainings.enrolment.apply(actor.tenantId, spring.id, {
      language: 'uk',
      answers: {
        family_name: familyName,
        given_name: givenName,
        birth_date: birth,
        sex,
        population_group: group,
        oblast: 'UA46',
        phone: `+38063555${String(i).padStart(4, '0')}`,
        consent: 'yes',
      },
    });
  }
  const { applicants } = await trainings.enrolment.runSelection(actor, spring.id);
  // Everyone came; the last one missed the last two days.
  for (const [n, session] of spring.sessions.entries()) {
    await trainings.attendance.recordSheet(
      actor,
      spring.id,
      session.id,
      applicants.map((a, i) => ({ applicationId: a.id, present: i < 5 || n === 0 })),
    );
  }
  for (const kind of ['pre', 'post'] as const) {
    await trainings.tests.putTest(actor, spring.id, kind, { questions: QUESTIONS });
    await trainings.tests.recordAnswers(
      actor,
      spring.id,
      kind,
      applicants.map((a, i) => ({
        applicationId: a.id,
        answers: kind === 'post' || i % 2 ? { q1: ['a'], q2: ['a'] } : { q1: ['b'], q2: ['a'] },
      })),
    );
  }
  await trainings.certificates.issue(actor, spring.id);
  const current = await trainings.events.getEvent(actor, spring.id);
  await trainings.events.updateEvent(actor, spring.id, { version: current.version, status: 'closed' });
  const alumna = applicants[0]!;
  for (const [venue, counts] of [
    ['Ліцей № 7, Львів', [12, 1, 0, 10, 1, 0]],
    ['Гімназія «Світанок», Винники', [9, 2, 0, 8, 0, 0]],
  ] as const) {
    const [f0, f18, f60, m0, m18, m60] = counts;
    await trainings.awareness.recordSession(actor, {
      date: day(-10),
      topic: 'safe_migration',
      venue,
      placePcode: 'UA46',
      audience: { f_0_17: f0, f_18_59: f18, f_60_plus: f60, m_0_17: m0, m_18_59: m18, m_60_plus: m60 },
      total: counts.reduce((s: number, x: number) => s + x, 0),
      materials: 'Презентація «Безпечні маршрути», памʼятка з номерами гарячих ліній',
      photoFileIds: [],
      alumnusApplicationId: alumna.id,
    });
  }

  const summer = await trainings.events.createEvent(
    actor,
    createTrainingEventBody.parse({
      title: { uk: 'Літня школа «Безпечні маршрути»', en: 'Summer school “Safe routes”' },
      description: {
        uk: 'Пʼять днів для молоді з переміщених і місцевих родин: безпечна міграція, протидія торгівлі людьми, як провести інформаційну зустріч у своїй школі.',
        en: 'Five days for young people from displaced and local families: safe migration, counter-trafficking, and how to run an awareness session in your own school.',
      },
      topics: ['counter_trafficking', 'safe_migration', 'youth_leadership'],
      projectCode: DEMO_PROJECT,
      placePcode: 'UA46',
      venue: 'Молодіжний центр «Вежа»',
      capacity: 20,
      targetGroups: ['idp', 'host_community', 'returnee'],
      ageMin: 16,
      ageMax: 25,
      quotas,
      sessions: [40, 41, 42, 43, 44].map((n) => ({ date: day(n), minutes: 360 })),
      facilitators: [{ name: 'Ганна Вербицька' }],
      enrolmentClosesOn: day(30),
    }),
  );
  await trainings.events.updateEvent(actor, summer.id, { version: summer.version, status: 'open' });
  return { trainings: 2 };
}
