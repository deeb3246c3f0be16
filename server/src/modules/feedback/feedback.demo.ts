import type { FeedbackCategory, FeedbackChannel } from '@oselia/contracts';
import type { Services } from '../../services.ts';
import type { Actor } from '../access/access.policy.ts';
import { createFeedbackRepository } from './feedback.repository.ts';

interface DemoFeedback {
  category: FeedbackCategory;
  channel: FeedbackChannel;
  language: 'uk' | 'en';
  text: string;
  contact?: string;
  /** What the demo registration officer has done with it so far, in order. */
  steps: (
    | { do: 'answer' | 'note'; text: string }
    | { do: 'take' }
    | { do: 'escalate'; reason: string }
    | { do: 'close'; resolution: string }
  )[];
}

/** Invented messages about invented situations; nobody in them is real, none is sensitive. */
export const DEMO_FEEDBACK: DemoFeedback[] = [
  {
    category: 'question',
    channel: 'hotline',
    language: 'uk',
    text: 'Чи можна подати заявку на грант, якщо наша ініціатива ще не зареєстрована як громадська організація?',
    steps: [
      { do: 'take' },
      {
        do: 'answer',
        text: 'Так, для молодіжних ініціатив реєстрація не обов’язкова. Укажіть у заявці назву групи та контакт відповідальної особи.',
      },
    ],
  },
  {
    category: 'request',
    channel: 'in_person',
    language: 'uk',
    text: 'Прошу повідомляти про видачу зимових наборів заздалегідь: я працюю позмінно і не завжди можу прийти в призначений день.',
    contact: '+380 50 000 77 88',
    steps: [
      { do: 'take' },
      {
        do: 'note',
        text: 'Домовилися телефонувати за три дні до видачі. Перевірити список на наступний тиждень.',
      },
    ],
  },
  {
    category: 'complaint',
    channel: 'web',
    language: 'uk',
    text: 'На пункті видачі біля вокзалу немає пандуса, тож людям на візках доводиться чекати надворі, поки їм винесуть набори.',
    steps: [
      {
        do: 'escalate',
        reason: 'Потрібне рішення керівника програми: облаштування пункту видачі оплачує партнер.',
      },
    ],
  },
  {
    category: 'question',
    channel: 'letter',
    language: 'en',
    text: 'May I follow the summer school online? I live two hours away from the city and travel is expensive.',
    steps: [
      {
        do: 'answer',
        text: 'The summer school is held in person, but we cover travel for participants who live outside the city. Please mention it when you apply.',
      },
      { do: 'close', resolution: 'Answered by letter and here; travel support explained.' },
    ],
  },
  {
    category: 'complaint',
    channel: 'hotline',
    language: 'uk',
    text: 'Мені обіцяли передзвонити з гарячої лінії того ж дня щодо довідки, але ніхто так і не зателефонував.',
    steps: [],
  },
];

/**
 * A few feedback items in different states (new, being handled, escalated, answered, closed), so
 * the staff queue is not empty in a demo. Handled by the demo registration officer. Running it
 * twice changes nothing: an item whose text is already there is left alone.
 */
export async function seedFeedbackDemo(
  services: Pick<Services, 'db' | 'users' | 'feedback'>,
  tenantId: string,
  missionId: string,
  registrarEmail: string,
): Promise<{ feedback: number }> {
  const [registrar] = (await services.users.listUsers(tenantId, { q: registrarEmail, limit: 1 })).items;
  if (!registrar) return { feedback: 0 };
  const actor: Actor = {
    userId: registrar.id,
    tenantId,
    organisationId: missionId,
    roles: registrar.roles,
    projectScope: null,
    oblastScope: null,
    label: 'demo seed',
  };
  const repo = createFeedbackRepository(services.db);
  const fb = services.feedback;
  let created = 0;
  for (const demo of DEMO_FEEDBACK) {
    if (await repo.hasText(tenantId, demo.text)) continue;
    const receipt = await fb.record(actor, {
      category: demo.category,
      channel: demo.channel,
      text: demo.text,
      anonymous: !demo.contact,
      ...(demo.contact ? { contact: demo.contact } : {}),
      language: demo.language,
    });
    const row = await repo.findByReference(tenantId, receipt.referenceCode);
    if (!row) continue;
    let version = row.version;
    for (const step of demo.steps) {
      const item =
        step.do === 'take'
          ? await fb.assign(actor, row.id, version, registrar.id)
          : step.do === 'escalate'
            ? await fb.escalate(actor, row.id, version, step.reason)
            : step.do === 'close'
              ? await fb.close(actor, row.id, version, step.resolution)
              : await fb.respond(actor, row.id, {
                  version,
                  visibility: step.do === 'answer' ? 'public' : 'internal',
                  text: step.text,
                });
      version = item.version;
    }
    created++;
  }
  return { feedback: created };
}
