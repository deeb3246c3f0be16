import type { DecisionOutcome } from '@oselia/contracts';
import { formatMoney } from './grants.eligibility.ts';

export interface DecisionMessageFacts {
  referenceCode: string;
  callTitle: { uk: string; en: string };
  outcome: DecisionOutcome;
  amountMinor: number | null;
  currency: string;
  reason: string | null;
}

/** The template key of the outbox message for each outcome. */
export const DECISION_TEMPLATE: Record<DecisionOutcome, string> = {
  approve: 'grants.decision.approved',
  waiting_list: 'grants.decision.waiting_list',
  reject: 'grants.decision.rejected',
};

/**
 * What an applicant is told about the committee's decision, in the application's language. No
 * names: the reference code is enough for the applicant, and the outbox is read by staff.
 */
export function decisionMessage(f: DecisionMessageFacts, language: 'uk' | 'en') {
  const title = f.callTitle[language];
  const amount = f.amountMinor === null ? '' : formatMoney(f.amountMinor, f.currency, language);
  const reason = f.reason ? (language === 'uk' ? `\n\nПричина: ${f.reason}` : `\n\nReason: ${f.reason}`) : '';
  const check =
    language === 'uk'
      ? '\n\nСтатус заявки можна перевірити за реєстраційним кодом і секретним кодом, які ви отримали під час подання.'
      : '\n\nYou can check the application with the reference code and the secret you received when you applied.';
  if (language === 'uk') {
    switch (f.outcome) {
      case 'approve':
        return {
          subject: `Заявку ${f.referenceCode} схвалено`,
          body: `Вітаємо! Комісія конкурсу «${title}» схвалила грант за заявкою ${f.referenceCode} на суму ${amount}. Найближчим часом ми звʼяжемося з вами, щоб підписати договір і погодити графік виплат.${check}`,
        };
      case 'waiting_list':
        return {
          subject: `Заявка ${f.referenceCode} у списку очікування`,
          body: `Комісія конкурсу «${title}» внесла заявку ${f.referenceCode} до списку очікування. Якщо кошти звільняться, ми повідомимо вас.${reason}${check}`,
        };
      case 'reject':
        return {
          subject: `Рішення щодо заявки ${f.referenceCode}`,
          body: `Дякуємо за участь у конкурсі «${title}». На жаль, заявку ${f.referenceCode} не відібрано.${reason}${check}`,
        };
    }
  }
  switch (f.outcome) {
    case 'approve':
      return {
        subject: `Application ${f.referenceCode} approved`,
        body: `Congratulations! The committee of the call “${title}” approved a grant of ${amount} for application ${f.referenceCode}. We will contact you soon to sign the agreement and agree the payment plan.${check}`,
      };
    case 'waiting_list':
      return {
        subject: `Application ${f.referenceCode} is on the waiting list`,
        body: `The committee of the call “${title}” put application ${f.referenceCode} on the waiting list. If funds become available, we will tell you.${reason}${check}`,
      };
    case 'reject':
      return {
        subject: `Decision on application ${f.referenceCode}`,
        body: `Thank you for applying to the call “${title}”. Unfortunately, application ${f.referenceCode} was not selected.${reason}${check}`,
      };
  }
}
