import { type CreateTrainingEventBody, createTrainingEventBody } from '@oselia/contracts';
import { factoryActor } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';

/** Test factories of the trainings module (API tests and the policy matrix). */
/** A day `n` days before today, YYYY-MM-DD. */
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * A summer school (5 daily sessions of 6 hours that ended yesterday, in Lviv), 20 places, half kept
 * for displaced young people and 30 % for the host community, open for applications.
 */
export function trainingEventBody(over: Partial<CreateTrainingEventBody> = {}): CreateTrainingEventBody {
  return {
    title: { uk: 'Літня школа з протидії торгівлі людьми', en: 'Summer school on counter-trafficking' },
    description: { uk: 'Пʼять днів про безпечну міграцію.', en: 'Five days on safe migration.' },
    topics: ['counter_trafficking', 'safe_migration'],
    projectCode: 'CT-2026',
    placePcode: 'UA46',
    venue: 'Молодіжний центр',
    capacity: 20,
    targetGroups: ['idp', 'host_community', 'returnee'],
    ageMin: 16,
    ageMax: 30,
    quotas: [
      { code: 'idp', label: { uk: 'ВПО', en: 'IDPs' }, populationGroups: ['idp'], percent: 50 },
      {
        code: 'host',
        label: { uk: 'Приймаюча громада', en: 'Host community' },
        populationGroups: ['host_community'],
        percent: 30,
      },
    ],
    sessions: [5, 4, 3, 2, 1].map((n) => ({ date: daysAgo(n), minutes: 360 })),
    ...over,
  };
}

/** A training created by a manager of `organisationId` and opened for applications. */
export async function buildTraining(
  t: TestApp,
  organisationId: string,
  over: Partial<CreateTrainingEventBody> & { facilitatorUserIds?: string[] } = {},
) {
  const { facilitatorUserIds, ...body } = over;
  const actor = factoryActor(t, organisationId);
  const event = await t.services.trainings.events.createEvent(
    actor,
    createTrainingEventBody.parse(
      trainingEventBody({ ...body, facilitators: (facilitatorUserIds ?? []).map((userId) => ({ userId })) }),
    ),
  );
  return t.services.trainings.events.updateEvent(actor, event.id, { version: event.version, status: 'open' });
}

let applicantCounter = 0;
const APPLICANT_SURNAMES = ['Гребенюк', 'Собко', 'Тимошенко', 'Вакуленко', 'Дячук', 'Литвин', 'Осадчий'];
const APPLICANT_GIVEN = ['Дарина', 'Максим', 'Софія', 'Назар', 'Вероніка', 'Остап', 'Злата', 'Тарас'];

/** Answers to the standard enrolment form: someone young and new to the registry, unless given. */
export function applicantAnswers(over: Record<string, unknown> = {}) {
  const i = applicantCounter++;
  return {
    family_name: `${APPLICANT_SURNAMES[i % APPLICANT_SURNAMES.length]}${'ко'.repeat(1 + (i % 3))}`,
    given_name: APPLICANT_GIVEN[(i * 5) % APPLICANT_GIVEN.length],
    birth_date: `200${i % 8}-0${1 + (i % 9)}-1${i % 10}`,
    sex: i % 2 === 0 ? 'F' : 'M',
    population_group: 'idp',
    oblast: 'UA46',
    email: `applicant${i}@example.org`,
    phone: `+380 67 ${String(1_000_000 + i).slice(-7)}`,
    consent: 'yes',
    ...over,
  };
}

/** Applies through the public API; returns the response. */
export function applyToTraining(
  t: TestApp,
  eventId: string,
  answers: Record<string, unknown>,
  language = 'uk',
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/trainings/${eventId}/applications`,
    payload: { language, answers },
  });
}
