/**
 * What the trainings module tells applicants and alumni, in Ukrainian and English. Messages
 * carry no personal data beyond the greeting the person gave.
 */
type Lang = 'uk' | 'en';
export interface EventFacts {
  title: { uk: string; en: string };
  startsOn: string;
  endsOn: string;
  venue: string | null;
}

const title = (e: EventFacts, l: Lang) => e.title[l] || e.title[l === 'uk' ? 'en' : 'uk'];
const dates = (e: EventFacts, l: Lang) => {
  const d = (iso: string) => (l === 'uk' ? iso.split('-').reverse().join('.') : iso);
  return e.startsOn === e.endsOn ? d(e.startsOn) : `${d(e.startsOn)} – ${d(e.endsOn)}`;
};
const where = (e: EventFacts, l: Lang) =>
  e.venue ? (l === 'uk' ? `, місце: ${e.venue}` : `, at ${e.venue}`) : '';

export type TrainingMessage =
  | { kind: 'received'; reference: string }
  | { kind: 'selected'; reference: string }
  | { kind: 'promoted'; reference: string }
  | { kind: 'waitlisted'; reference: string; position: number }
  | { kind: 'not_selected'; reference: string }
  | { kind: 'certificate'; code: string; reportingLink: string };

export function trainingMessage(
  m: TrainingMessage,
  e: EventFacts,
  l: Lang,
): { subject: string; body: string } {
  const t = title(e, l);
  const when = `${dates(e, l)}${where(e, l)}`;
  if (l === 'uk') {
    switch (m.kind) {
      case 'received':
        return {
          subject: `Заявку отримано: ${t}`,
          body: `Дякуємо! Вашу заявку на «${t}» (${when}) отримано. Її код: ${m.reference}. Про результат відбору ми повідомимо окремо.`,
        };
      case 'selected':
        return {
          subject: `Вас відібрано: ${t}`,
          body: `Вітаємо! Вас відібрано для участі в «${t}» (${when}). Код заявки: ${m.reference}. Якщо ви не зможете взяти участь, повідомте нас: місце отримає людина зі списку очікування.`,
        };
      case 'promoted':
        return {
          subject: `Звільнилося місце: ${t}`,
          body: `Звільнилося місце, і вас переведено зі списку очікування до учасників «${t}» (${when}). Код заявки: ${m.reference}.`,
        };
      case 'waitlisted':
        return {
          subject: `Список очікування: ${t}`,
          body: `Усі місця в «${t}» (${when}) наразі зайнято. Ви — номер ${m.position} у списку очікування; якщо місце звільниться, ми вам напишемо. Код заявки: ${m.reference}.`,
        };
      case 'not_selected':
        return {
          subject: `Результат відбору: ${t}`,
          body: `Дякуємо за заявку на «${t}». На жаль, цього разу ви не відповідаєте умовам участі. Код заявки: ${m.reference}.`,
        };
      case 'certificate':
        return {
          subject: `Сертифікат: ${t}`,
          body: `Вітаємо із завершенням «${t}» (${dates(e, l)})! Код перевірки вашого сертифіката: ${m.code}. Коли проведете інформаційну зустріч у своїй громаді, внесіть її тут: ${m.reportingLink}`,
        };
    }
  }
  switch (m.kind) {
    case 'received':
      return {
        subject: `Application received: ${t}`,
        body: `Thank you! We have received your application to “${t}” (${when}). Its reference is ${m.reference}. We will tell you the outcome of the selection.`,
      };
    case 'selected':
      return {
        subject: `You have been selected: ${t}`,
        body: `Congratulations! You have been selected to take part in “${t}” (${when}). Reference: ${m.reference}. If you cannot take part, please tell us so that someone on the waiting list gets the place.`,
      };
    case 'promoted':
      return {
        subject: `A place is free: ${t}`,
        body: `A place has become free and you have moved from the waiting list to the participants of “${t}” (${when}). Reference: ${m.reference}.`,
      };
    case 'waitlisted':
      return {
        subject: `Waiting list: ${t}`,
        body: `All places in “${t}” (${when}) are taken for now. You are number ${m.position} on the waiting list; we will write if a place becomes free. Reference: ${m.reference}.`,
      };
    case 'not_selected':
      return {
        subject: `Selection result: ${t}`,
        body: `Thank you for applying to “${t}”. Unfortunately you do not meet the conditions to take part this time. Reference: ${m.reference}.`,
      };
    case 'certificate':
      return {
        subject: `Certificate: ${t}`,
        body: `Congratulations on completing “${t}” (${dates(e, l)})! The verification code of your certificate is ${m.code}. When you run an awareness session in your community, record it here: ${m.reportingLink}`,
      };
  }
}
