// Grants across roles (issue 6, Must show): a programme manager drafts and opens a business call; an
// applicant with no account applies in Ukrainian on a phone, with documents (a file too large and
// one of the wrong type are refused with a clear message); the status page answers only with the
// secret; screening finds a second application ineligible, with reasons; one reviewer recuses and
// two score; the committee approves; the award gets two tranches and finance pays both; the M&E
// officer sees the funnel. Axe runs on each main page.
import { randomInt, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { uk } from '../../web/src/i18n/uk.ts';
import {
  expectAccessible,
  launchBrowser,
  openSession,
  PHONE,
  type Session,
  screenshot,
  visible,
} from '../support/browser.ts';
import { apiSession, edrpou, hugePdf, makeUser, smallPdf } from '../support/grants.ts';
import { type Credentials, DEMO_USERS, field, fillTemplate as fill, h1, signIn } from '../support/ui.ts';

const m = uk;
const g = uk.grants;

let browser: Awaited<ReturnType<typeof launchBrowser>>;
/** The people of the journey, made by the demo admin (two more reviewers) or the demo ones. */
let reviewer2: Credentials & { id: string };
let reviewer3: Credentials & { id: string };
const runId = randomInt(1000, 9999);
const callTitle = `Обладнання для переміщених кав’ярень ${runId}`;
const applicant = {
  familyName: 'Мельник',
  givenName: 'Оксана',
  patronymic: 'Петрівна',
  birthDate: `19${randomInt(70, 95)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`,
  phone: `067 ${randomInt(100, 1000)} ${randomInt(10, 100)} ${randomInt(10, 100)}`,
  business: `Кав’ярня «Світанок» ${runId}`,
  email: `oksana.melnyk.${runId}@example.org`,
};
/** What later steps need from earlier ones. */
const state = {
  callId: '',
  referenceCode: '',
  secret: '',
  applicationId: '',
  otherApplicationId: '',
  personId: '',
  awardId: '',
  formShown: false,
};

beforeAll(async () => {
  browser = await launchBrowser();
  reviewer2 = await makeUser(['reviewer'], `Галина Оцінювачка ${runId}`);
  reviewer3 = await makeUser(['reviewer'], `Богдан Оцінювач ${runId}`);
});
afterAll(async () => {
  await browser?.close();
});

/** A browser session for one role, closed (and checked for page errors) after the step. */
let failures = 0;
async function as<T>(
  who: Credentials | null,
  step: (page: Page) => Promise<T>,
  options: { phone?: boolean } = {},
): Promise<T> {
  const s: Session = await openSession(browser, options.phone ? { viewport: PHONE, phone: true } : {});
  try {
    if (who) await signIn(s.page, who);
    const result = await step(s.page);
    expect(s.pageErrors).toEqual([]);
    return result;
  } catch (error) {
    await screenshot(s.page, `grants-failed-${++failures}`);
    throw error;
  } finally {
    await s.close();
  }
}

const local = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const today = () => new Date().toISOString().slice(0, 10);

describe('grants: from a call to paid tranches, across roles', () => {
  test('a programme manager drafts a business call with rules, documents and a rubric, and opens it', async () => {
    // The application form the call pins, stored through the forms API.
    const manager = await apiSession(DEMO_USERS.manager);
    const form = await manager('POST', '/forms', {
      definition: {
        languages: ['uk', 'en'],
        title: { uk: `Заявка на бізнес-грант ${runId}`, en: `Business grant application ${runId}` },
        sections: [
          {
            id: 'business',
            title: { uk: 'Про справу', en: 'About the business' },
            questions: [
              {
                name: 'staff_count',
                type: 'number',
                label: { uk: 'Скільки людей працює', en: 'How many people work there' },
                required: true,
                validation: { integer: true, min: 0, max: 1000 },
              },
              {
                name: 'plan',
                type: 'long_text',
                label: { uk: 'Як грант допоможе справі', en: 'How the grant will help the business' },
                required: true,
              },
            ],
          },
        ],
      },
    });
    expect(form.status, JSON.stringify(form.body)).toBe(201);

    await as(DEMO_USERS.manager, async (page) => {
      await page.getByRole('link', { name: m.nav.grantCalls }).first().click();
      await visible(h1(page, g.calls.title));
      await page.getByRole('link', { name: g.calls.new }).click();
      await visible(h1(page, g.editor.newTitle));

      await field(page, g.call.kind).selectOption({ label: g.kinds.business });
      await field(page, g.editor.titleUk).fill(callTitle);
      await field(page, g.editor.titleEn).fill(`Equipment for relocated cafés ${runId}`);
      await field(page, g.editor.descriptionUk).fill(
        'Малі гранти для закладів харчування, що переїхали через війну: обладнання та приміщення, щоб знову відчинитися й наймати людей.',
      );
      await field(page, g.editor.descriptionEn).fill(
        'Small grants for food businesses that moved because of the war: equipment and premises to reopen and hire people.',
      );
      await field(page, g.editor.currency).selectOption('EUR');
      await field(page, g.call.budget).fill('100 000');
      await field(page, g.call.maxPerGrant).fill('7 000');
      await field(page, g.call.opensAt).fill(local(new Date(Date.now() - 60 * 60_000)));
      await field(page, g.call.closesAt).fill(local(new Date(Date.now() + 30 * 24 * 60 * 60_000)));
      await field(page, g.editor.reviewersPerApplication).fill('2');
      await page.getByRole('combobox', { name: g.editor.form, exact: true }).selectOption({
        label: fill(g.editor.formOption, { title: `Заявка на бізнес-грант ${runId}`, n: 2 }),
      });

      // Eligibility as data: two oblasts, and the call's largest grant.
      await field(page, g.editor.ruleType).selectOption({ label: g.ruleTypes.oblast_in });
      await page.getByRole('button', { name: g.editor.addRule }).click();
      const oblasts = field(page, g.editor.oblasts);
      for (const name of ['Львівська', 'Дніпропетровська']) {
        await oblasts.click();
        await oblasts.fill(name.slice(0, 5));
        await page.getByRole('option', { name }).click();
      }
      await page.keyboard.press('Escape');
      await field(page, g.editor.ruleType).selectOption({ label: g.ruleTypes.amount_at_most });
      await page.getByRole('button', { name: g.editor.addRule }).click();

      await page.getByRole('button', { name: g.editor.addDocument }).click();
      const documentCard = page.getByRole('group', { name: fill(g.editor.documentLegend, { n: 1 }) });
      await field(documentCard, g.editor.documentKind).fill('business_plan');
      await field(documentCard, g.editor.labelUk).fill('Бізнес-план');
      await field(documentCard, g.editor.labelEn).fill('Business plan');

      for (const [i, [key, uk, en, weight]] of [
        ['viability', 'Життєздатність справи', 'Viability of the business', '60'],
        ['jobs', 'Робочі місця', 'Jobs', '40'],
      ].entries()) {
        await page.getByRole('button', { name: g.editor.addCriterion }).click();
        const card = page.getByRole('group', { name: fill(g.editor.criterionLegend, { n: i + 1 }) });
        await field(card, g.editor.criterionKey).fill(key!);
        await field(card, g.editor.labelUk).fill(uk!);
        await field(card, g.editor.labelEn).fill(en!);
        await field(card, g.editor.weight).fill(weight!);
      }
      await visible(page.getByText(fill(g.editor.weightTotalValue, { n: 100 })));
      await expectAccessible(page, 'call editor');
      await page.getByRole('button', { name: g.editor.create }).click();

      await visible(h1(page, callTitle));
      state.callId = new URL(page.url()).pathname.split('/').pop()!;
      await visible(page.getByText(g.callStatus.draft));
      await page.getByRole('button', { name: g.callPage.open }).click();
      await visible(page.getByText(g.callStatus.open));
      await expectAccessible(page, 'call page');
      await screenshot(page, 'grants-01-call-open');
    });

    const publicCall = await (await apiSession(null))('GET', `/public/grants/calls/${state.callId}`);
    expect(publicCall.status).toBe(200);
    state.formShown = publicCall.body.form !== null;
  });

  test('an applicant with no account applies in Ukrainian with documents; wrong files are refused clearly', async () => {
    await as(
      null,
      async (page) => {
        await page.goto('/calls');
        await visible(h1(page, g.public.callsTitle));
        await expectAccessible(page, 'open calls');
        await page.getByRole('link', { name: fill(g.public.readCallNamed, { title: callTitle }) }).click();
        await visible(h1(page, callTitle));
        await expectAccessible(page, 'public call page');
        await page.getByRole('link', { name: g.public.apply }).click();
        await visible(h1(page, new RegExp(g.apply.title)));

        await field(page, g.apply.familyName).fill(applicant.familyName);
        await field(page, g.apply.givenName).fill(applicant.givenName);
        await field(page, g.apply.patronymic).fill(applicant.patronymic);
        await field(page, g.apply.birthDate).fill(applicant.birthDate);
        await field(page, g.apply.phone).fill(applicant.phone);
        await field(page, g.apply.email).fill(applicant.email);
        await field(page, g.apply.organisationName.business).fill(applicant.business);
        await field(page, g.apply.businessId).fill(edrpou());
        await field(page, g.apply.oblast).selectOption({ label: 'Львівська' });
        await page.getByRole('checkbox', { name: g.groups.idp }).check();
        await page.getByRole('checkbox', { name: g.groups.women_led }).check();
        await field(page, g.apply.requested).fill('6 500');
        if (state.formShown) {
          await field(page, 'Скільки людей працює').fill('4');
          await field(page, 'Як грант допоможе справі').fill(
            'Купимо кавомашину й холодильну вітрину, щоб відчинитися у Львові та найняти двох баристок.',
          );
        }

        // The draft is saved: the reference code and the secret are shown once, to write down.
        await page.getByRole('button', { name: g.apply.saveDraft }).click();
        const key = page.getByRole('region', { name: g.apply.keyTitle });
        await visible(key);
        state.referenceCode = await field(key, g.apply.referenceCode).inputValue();
        state.secret = await field(key, g.apply.secret).inputValue();
        expect(state.referenceCode).toMatch(/^GR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
        expect(state.secret.length).toBeGreaterThanOrEqual(20);

        const upload = page.getByLabel(/^Бізнес-план/);
        // A text file named like a PDF: refused by its content, with a clear message.
        await upload.setInputFiles({
          name: 'бізнес-план.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('Це не PDF, а звичайний текст.\n'),
        });
        await visible(
          page
            .getByRole('alert')
            .filter({ hasText: fill(g.apply.wrongType, { name: 'бізнес-план.pdf' }).slice(0, 40) }),
        );
        // A PDF past the 10 MB limit.
        await upload.setInputFiles({
          name: 'скан-план.pdf',
          mimeType: 'application/pdf',
          buffer: hugePdf(11 * 1024 * 1024),
        });
        await visible(page.getByRole('alert').filter({ hasText: 'завеликий' }));
        await visible(page.getByText(/скан-план\.pdf.*10 МБ/));
        // The real one.
        await upload.setInputFiles({
          name: 'план-кавярні.pdf',
          mimeType: 'application/pdf',
          buffer: smallPdf(),
        });
        await visible(page.getByText(/план-кавярні\.pdf/));
        await expectAccessible(page, 'application form (phone)');
        await screenshot(page, 'grants-02-application');

        await page.getByRole('button', { name: g.apply.submit }).click();
        await visible(h1(page, g.apply.submittedTitle));
        await visible(page.getByText(state.referenceCode).first());
        await expectAccessible(page, 'application submitted');
      },
      { phone: true },
    );
  });

  test('the status page answers with the reference code and the secret, and reveals nothing without it', async () => {
    const anyone = await apiSession(null);
    const noSecret = await anyone('GET', `/public/grants/applications/${state.referenceCode}/status`);
    expect(noSecret.status).toBe(400);
    const wrong = await anyone(
      'GET',
      `/public/grants/applications/${state.referenceCode}/status`,
      undefined,
      {
        'x-application-secret': 'AAAAA-BBBBB-CCCCC-DDDDD',
      },
    );
    expect(wrong.status).toBe(404);
    for (const answer of [noSecret, wrong]) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(applicant.familyName);
      expect(text).not.toContain(callTitle);
    }

    await as(null, async (page) => {
      await page.goto('/applications/status');
      await visible(h1(page, g.status.title));
      await field(page, g.apply.referenceCode).fill(state.referenceCode);
      await field(page, g.apply.secret).fill('AAAAA-BBBBB-CCCCC-DDDDD');
      await page.getByRole('button', { name: g.status.check }).click();
      await visible(page.getByRole('alert').filter({ hasText: g.status.notFoundTitle }));
      expect(await page.getByText(callTitle).count()).toBe(0);

      await field(page, g.apply.secret).fill(state.secret.toLowerCase());
      await page.getByRole('button', { name: g.status.check }).click();
      await visible(
        page.getByRole('heading', { name: fill(g.status.resultHeading, { code: state.referenceCode }) }),
      );
      await visible(page.getByText(callTitle));
      await visible(page.getByText(g.publicStatus.submitted, { exact: true }));
      await expectAccessible(page, 'status page');
    });
  });

  test('screening finds a second application ineligible, with a reason per rule', async () => {
    // A second business applies through the public API: from an oblast the call does not cover,
    // asking more than the largest grant.
    const anyone = await apiSession(null);
    const started = await anyone(
      'POST',
      `/public/grants/calls/${state.callId}/applications`,
      {
        language: 'uk',
        applicant: {
          familyName: 'Гончаренко',
          givenName: 'Віктор',
          phone: '050 765 43 21',
          organisationName: `Пекарня «Колосок» ${runId}`,
        },
        businessId: { kind: 'edrpou', value: edrpou() },
        oblastPcode: 'UA32',
        groups: ['host'],
        requestedAmountMinor: 900_000,
        answers: state.formShown
          ? { staff_count: 12, plan: 'Нова піч і тістоміс для пекарні під Києвом.' }
          : {},
      },
      { 'Idempotency-Key': randomUUID() },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const secret = { 'x-application-secret': started.body.secret as string };
    const ref = started.body.referenceCode as string;
    const doc = await anyone(
      'POST',
      `/public/grants/applications/${ref}/documents?kind=business_plan&name=plan.pdf`,
      new Uint8Array(smallPdf('Bakery plan')),
      secret,
    );
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    const submitted = await anyone(
      'POST',
      `/public/grants/applications/${ref}/submit`,
      { version: 1 },
      secret,
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

    // The applicant is already in the people registry (registered at a centre in Lviv, with consent
    // for assistance): screening finds her there, and her grant payments go to her ledger.
    const registrar = await apiSession(DEMO_USERS.registrar);
    const person = await registrar('POST', '/people', {
      familyName: applicant.familyName,
      givenName: applicant.givenName,
      patronymic: applicant.patronymic,
      birthDate: applicant.birthDate,
      sex: 'F',
      phones: [applicant.phone],
      populationGroup: 'idp',
      consents: [{ purpose: 'assistance', status: 'given', method: 'signed' }],
    });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    state.personId = person.body.id;

    await as(DEMO_USERS.manager, async (page) => {
      await page.goto(`/grants/calls/${state.callId}`);
      await visible(h1(page, callTitle));
      await page.getByRole('button', { name: g.screening.run }).click();
      await visible(
        page.getByText(
          fill(g.screening.runResult, { screened: 2, eligible: 1, ineligible: 1, needsReview: 0 }),
        ),
      );
      await visible(page.getByRole('row').filter({ hasText: ref }).getByText(g.screening.results.ineligible));
      await visible(
        page
          .getByRole('row')
          .filter({ hasText: state.referenceCode })
          .getByText(g.screening.results.eligible),
      );
      await expectAccessible(page, 'applications and screening');

      await page.getByRole('link', { name: ref }).click();
      await visible(h1(page, fill(g.applicationPage.title, { code: ref })));
      state.otherApplicationId = new URL(page.url()).pathname.split('/').pop()!;
      const rules = page.getByRole('table', { name: g.screening.rulesCaption });
      await visible(
        rules
          .getByRole('row')
          .filter({ hasText: g.ruleTypes.oblast_in })
          .getByText(g.screening.outcomes.fail),
      );
      await visible(
        rules
          .getByRole('row')
          .filter({ hasText: g.ruleTypes.amount_at_most })
          .getByText(g.screening.outcomes.fail),
      );
      await expectAccessible(page, 'ineligible application');
      await screenshot(page, 'grants-03-ineligible');
    });
  });

  test('reviewers: one recuses, two score independently; an application not assigned is refused', async () => {
    // The manager assigns the demo reviewer and a second one to the eligible application.
    await as(DEMO_USERS.manager, async (page) => {
      await page.goto(`/grants/calls/${state.callId}`);
      await page.getByRole('link', { name: state.referenceCode }).click();
      await visible(h1(page, fill(g.applicationPage.title, { code: state.referenceCode })));
      state.applicationId = new URL(page.url()).pathname.split('/').pop()!;
      const choose = field(page, g.reviewers.choose);
      for (const name of ['Andrii Reviewer', `Богдан Оцінювач ${runId}`]) {
        await choose.click();
        await page.getByRole('option', { name }).click();
      }
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: g.reviewers.assign, exact: true }).click();
      await visible(
        page
          .getByRole('row')
          .filter({ hasText: `Богдан Оцінювач ${runId}` })
          .getByText(g.reviewers.statuses.assigned),
      );
    });

    // Богдан knows the applicant: he steps aside and never sees the application.
    await as(reviewer3, async (page) => {
      await page.getByRole('link', { name: m.nav.myReviews }).first().click();
      await visible(h1(page, g.myReviews.title));
      await page.getByRole('link', { name: state.referenceCode }).click();
      await visible(page.getByRole('heading', { name: g.review.conflictHeading }));
      await field(page, g.review.conflictNote).fill('Заявниця — моя сусідка й давня знайома.');
      await page.getByRole('button', { name: g.review.declareConflict }).click();
      await visible(page.getByText(g.review.recusedTitle));
      expect(await page.getByText(applicant.familyName).count()).toBe(0);
    });
    const recused = await apiSession(reviewer3);
    expect((await recused('GET', `/grants/applications/${state.applicationId}/review`)).status).toBe(403);

    // The manager puts a second scorer in his place.
    await as(DEMO_USERS.manager, async (page) => {
      await page.goto(`/grants/applications/${state.applicationId}`);
      await visible(
        page
          .getByRole('row')
          .filter({ hasText: `Богдан Оцінювач ${runId}` })
          .getByText(g.reviewers.statuses.recused),
      );
      const choose = field(page, g.reviewers.choose);
      await choose.click();
      await page.getByRole('option', { name: `Галина Оцінювачка ${runId}` }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: g.reviewers.assign, exact: true }).click();
      await visible(page.getByRole('row').filter({ hasText: `Галина Оцінювачка ${runId}` }));
      await expectAccessible(page, 'application with reviewers');
    });

    const score = async (who: Credentials, viability: string, jobs: string, seesOthers: boolean) =>
      as(who, async (page) => {
        await page.goto('/grants/reviews');
        await page.getByRole('link', { name: state.referenceCode }).click();
        await page.getByRole('button', { name: g.review.noConflict }).click();
        await visible(page.getByRole('heading', { name: g.review.scoresHeading }));
        await visible(page.getByText(applicant.business).first());
        // The applicant's documents are the reviewer's to read, once no conflict is declared.
        const plan = page.getByRole('link', { name: 'план-кавярні.pdf' });
        const download = await page.request.get((await plan.getAttribute('href')) ?? '');
        expect(download.status()).toBe(200);
        expect(download.headers()['content-type']).toContain('application/pdf');
        // Independent: nobody else's scores before submitting.
        expect(await page.getByRole('heading', { name: g.review.othersHeading }).count()).toBe(0);
        const viabilityCard = page.getByRole('group', { name: /Життєздатність справи/ });
        await field(viabilityCard, 'Бал').selectOption(viability);
        await field(viabilityCard, g.review.comment).fill('Зрозумілий план, досвід роботи з 2016 року.');
        const jobsCard = page.getByRole('group', { name: /Робочі місця/ });
        await field(jobsCard, 'Бал').selectOption(jobs);
        await field(jobsCard, g.review.comment).fill('Два нові робочі місця для переміщених жінок.');
        await expectAccessible(page, 'review sheet');
        await page.getByRole('button', { name: g.review.submit }).click();
        await visible(page.getByText(g.review.submittedTitle));
        await visible(page.getByRole('heading', { name: g.review.othersHeading }));
        if (seesOthers)
          await visible(page.getByRole('rowheader', { name: fill(g.review.reviewerN, { n: 1 }) }));
        else await visible(page.getByText(g.review.noOthers));
      });
    await score(DEMO_USERS.reviewer, '8', '7', false);
    await score(reviewer2, '7', '6', true);

    // A reviewer asking for an application not assigned to it is refused.
    const notMine = await apiSession(reviewer2);
    expect((await notMine('GET', `/grants/applications/${state.otherApplicationId}/review`)).status).toBe(
      403,
    );
  });

  test('the committee approves; the award gets two tranches; the application is linked to the registry', async () => {
    await as(DEMO_USERS.manager, async (page) => {
      await page.goto(`/grants/calls/${state.callId}?tab=ranking`);
      const row = page
        .getByRole('table', { name: g.ranking.caption })
        .getByRole('row')
        .filter({ hasText: state.referenceCode });
      await visible(row.getByText(fill(g.ranking.reviewsOf, { done: 2, required: 2 })));
      await expectAccessible(page, 'ranking');

      await page.getByRole('tab', { name: g.callPage.tabs.committee }).click();
      await field(page, g.committee.attendees).fill('Тарас Менеджер\nОлена Адмін\nПредставниця донора');
      await field(page, g.committee.minutes).fill('Розглянуто оцінені заявки конкурсу.');
      await page.getByRole('button', { name: g.committee.create }).click();
      await visible(h1(page, /Засідання комісії/));
      await field(page, g.committee.application).selectOption({ index: 1 });
      await page.getByRole('radio', { name: g.committee.outcomes.approve }).check();
      await field(page, g.committee.amount).fill('6 500');
      await page.getByRole('button', { name: g.committee.propose, exact: true }).click();
      const decision = page.getByRole('row').filter({ hasText: state.referenceCode });
      await visible(decision.getByText(g.committee.decisionStatuses.proposed));
      await decision.getByRole('button', { name: new RegExp(`^${g.committee.approve}`) }).click();
      await visible(decision.getByText(g.committee.decisionStatuses.approved));
      await expectAccessible(page, 'committee session');
      await screenshot(page, 'grants-04-committee');
      await decision.getByRole('button', { name: new RegExp(`^${g.committee.makeAward}`) }).click();

      await visible(h1(page, fill(g.award.title, { code: state.referenceCode })));
      state.awardId = new URL(page.url()).pathname.split('/').pop()!;
      const first = page.getByRole('group', { name: fill(g.award.trancheN, { n: 1 }) });
      await field(first, g.award.amount).fill('4 000');
      await field(first, g.award.dueDate).fill(today());
      await field(first, g.award.condition).fill('Після підписання договору');
      await page.getByRole('button', { name: g.award.addTranche }).click();
      const second = page.getByRole('group', { name: fill(g.award.trancheN, { n: 2 }) });
      await field(second, g.award.amount).fill('2 500');
      await field(second, g.award.dueDate).fill(today());
      await field(second, g.award.condition).fill('Після звіту про закупівлю обладнання');
      await page.getByRole('button', { name: g.award.savePlan }).click();
      await visible(page.getByText(g.award.planSaved));
      const response = await page.request.get(`/api/v1/grants/awards/${state.awardId}/agreement.pdf`);
      expect(response.status()).toBe(200);
      expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await expectAccessible(page, 'award page');

      // Screening found her in the registry: the payments go to her ledger once the application is linked.
      await page.goto(`/grants/applications/${state.applicationId}`);
      await visible(h1(page, fill(g.applicationPage.title, { code: state.referenceCode })));
      await page.getByRole('button', { name: fill(g.registry.linkCandidate, { n: 1 }) }).click();
      await visible(page.getByText(g.registry.linked));
      await visible(page.getByRole('link', { name: g.registry.openPerson }));
      expect(await page.getByRole('link', { name: g.registry.openPerson }).getAttribute('href')).toBe(
        `/people/${state.personId}`,
      );
      // The applicant was told of the decision through the outbox (no SMTP here: queued, visible).
      await visible(page.getByRole('heading', { name: g.notifications.heading }));
      await visible(page.getByText(g.notifications.delivery.not_sent_no_smtp).first());
    });
  });

  test('finance pays two tranches; payments never exceed the award', async () => {
    await as(DEMO_USERS.finance, async (page) => {
      await page.getByRole('link', { name: m.nav.grantAwards }).first().click();
      await visible(h1(page, g.awards.title));
      await page.getByRole('link', { name: state.referenceCode }).click();
      await visible(h1(page, fill(g.award.title, { code: state.referenceCode })));

      // More than is left of the tranche is refused before it is sent.
      await field(page, g.payments.amount).fill('4 000,01');
      await field(page, g.payments.reference).fill(`ПД-${runId}-1`);
      await page.getByRole('button', { name: g.payments.record, exact: true }).click();
      await visible(page.getByText(/Більше, ніж залишок траншу/));

      await field(page, g.payments.amount).fill('4 000');
      await page.getByRole('button', { name: g.payments.record, exact: true }).click();
      await visible(page.getByText(g.payments.recorded));
      await visible(page.getByRole('table', { name: g.payments.caption }).getByText(`ПД-${runId}-1`));

      await field(page, g.payments.reference).fill(`ПД-${runId}-2`);
      await page.getByRole('button', { name: g.payments.record, exact: true }).click();
      await visible(page.getByText(g.payments.allPaid));
      await visible(page.getByRole('table', { name: g.payments.caption }).getByText(`ПД-${runId}-2`));
      await expectAccessible(page, 'award with payments');
      await screenshot(page, 'grants-05-paid');
    });

    // And the server refuses one more payment on a paid tranche, whatever the screen says.
    const finance = await apiSession(DEMO_USERS.finance);
    const award = await finance('GET', `/grants/awards/${state.awardId}`);
    expect(award.body.paidMinor).toBe(650_000);
    const more = await finance('POST', `/grants/awards/${state.awardId}/payments`, {
      trancheId: award.body.tranches[0].id,
      paidOn: today(),
      amountMinor: 1,
      reference: 'зайва виплата',
    });
    expect(more.status).toBeGreaterThanOrEqual(400);
    expect(more.status).toBeLessThan(500);
  });

  test('the M&E officer sees the funnel; the applicant sees the decision', async () => {
    await as(DEMO_USERS.me, async (page) => {
      await page.getByRole('link', { name: m.nav.grantCalls }).first().click();
      await page.getByRole('link', { name: callTitle }).click();
      await page.getByRole('link', { name: g.callPage.dashboard }).click();
      await visible(h1(page, fill(g.dashboard.titleOf, { title: callTitle })));
      const funnel = page.getByRole('table', { name: g.dashboard.funnelCaption });
      const count = (stage: string) =>
        funnel
          .getByRole('row', { name: new RegExp(`^${stage}`) })
          .getByRole('cell')
          .first();
      await expect.poll(() => count(g.dashboard.stages.applied).textContent()).toBe('2');
      expect(await count(g.dashboard.stages.eligible).textContent()).toBe('1');
      expect(await count(g.dashboard.stages.scored).textContent()).toBe('1');
      expect(await count(g.dashboard.stages.approved).textContent()).toBe('1');
      expect(await count(g.dashboard.stages.paid).textContent()).toBe('1');
      await expectAccessible(page, 'call dashboard');
      await screenshot(page, 'grants-06-dashboard');
    });

    const anyone = await apiSession(null);
    const status = await anyone(
      'GET',
      `/public/grants/applications/${state.referenceCode}/status`,
      undefined,
      {
        'x-application-secret': state.secret,
      },
    );
    expect(status.status).toBe(200);
    expect(status.body.status).toBe('approved');
    expect(status.body.messages.length).toBeGreaterThan(0);
  });
});
