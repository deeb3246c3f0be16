// The people registry as a registration officer uses it on a phone, in Ukrainian: registering a
// displaced family of four (one member with a disability by the Washington Group questions),
// finding its members again by Latin spellings typed by someone else, recording assistance,
// and seeing assistance refused once consent is withdrawn. Axe runs on every page on the way.
import { randomInt } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { uk } from '../web/src/i18n/uk.ts';
import {
  expectAccessible,
  launchBrowser,
  openSession,
  PHONE,
  screenshot,
  visible,
} from './support/browser.ts';
import { DEMO_USERS, escapeRegExp, field, h1, signIn } from './support/ui.ts';

const REGISTRAR = DEMO_USERS.registrar;
const ADMIN = DEMO_USERS.admin;
const m = uk;
const p = uk.people;

let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A valid РНОКПП for a birth date: days since 31 Dec 1899, three serial digits, a sex digit
 * (odd for men), and the check digit. Random per run, so each run's family is its own.
 */
function taxNumberFor(birth: string, male: boolean): string {
  const days = Math.round((Date.parse(`${birth}T00:00:00Z`) - Date.UTC(1899, 11, 31)) / 86_400_000);
  const serial = String(randomInt(0, 1000)).padStart(3, '0');
  const sexDigit = String(male ? 2 * randomInt(0, 5) + 1 : 2 * randomInt(0, 5));
  const first = `${String(days).padStart(5, '0')}${serial}${sexDigit}`;
  const weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first[i]), 0);
  return `${first}${(((sum % 11) + 11) % 11) % 10}`;
}

/** A birth date unique enough per run to tell this run's Олександр Шевченко from others. */
const headBirth = `19${randomInt(60, 90)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
const headBirthShown = new Intl.DateTimeFormat('uk-UA', { dateStyle: 'medium', timeZone: 'UTC' }).format(
  new Date(`${headBirth}T00:00:00Z`),
);

/** Picks a place in a place combobox by typing part of its name. */
async function pickPlace(scope: Page | Locator, page: Page, label: string, typed: string, option: RegExp) {
  const box = field(scope, label);
  await box.click();
  await box.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

interface MemberInput {
  relationship?: string;
  family: string;
  given: string;
  patronymic: string;
  sex: string;
  birth?: string;
  birthYear?: string;
  phone?: string;
  otherPhone?: string;
  walking?: string;
  vulnerabilities?: string[];
  taxNumber?: string;
  consent?: boolean;
}

async function fillMember(page: Page, n: number, v: MemberInput) {
  const card = page.getByRole('group', {
    name: new RegExp(`^${escapeRegExp(p.memberLegend.replace('{{n}}', String(n)))}(:|$)`),
  });
  await visible(card);
  if (v.relationship) await field(card, p.relationship).selectOption({ label: v.relationship });
  await field(card, p.familyName).fill(v.family);
  await field(card, p.givenName).fill(v.given);
  await field(card, p.patronymic).fill(v.patronymic);
  if (v.birthYear) {
    await field(card, p.birthDatePrecision).selectOption({ label: p.precisions.year });
    await field(card, p.birthYear).fill(v.birthYear);
  } else if (v.birth) {
    await field(card, p.birthDate).fill(v.birth);
  }
  await card.getByRole('radio', { name: v.sex, exact: true }).check();
  if (v.phone) await field(card, p.phone).fill(v.phone);
  if (v.otherPhone) {
    await card.getByRole('button', { name: p.addPhone }).click();
    await field(card, p.otherPhone.replace('{{n}}', '2')).fill(v.otherPhone);
  }
  if (v.walking) {
    const question = card.getByRole('radiogroup', { name: p.wgQuestions.walking });
    await question.getByRole('radio', { name: v.walking, exact: true }).check();
  }
  for (const vulnerability of v.vulnerabilities ?? [])
    await card.getByRole('checkbox', { name: vulnerability }).check();
  if (v.taxNumber) {
    await card.getByRole('button', { name: p.addIdentifier }).click();
    await field(card, p.identifierValue).fill(v.taxNumber);
    await visible(card.getByText(p.taxValid));
  }
  if (v.consent) {
    await card.getByRole('checkbox', { name: p.consentAssistance }).check();
    await card.getByRole('radio', { name: p.consentMethods.signed }).check();
  }
  return card;
}

describe('people registry', () => {
  test('a registration officer registers a family, finds it in Latin, and consent gates assistance', async () => {
    const s = await openSession(browser, { viewport: PHONE, phone: true });
    try {
      const { page } = s;
      await signIn(page, REGISTRAR);

      // The phone menu offers the people pages to a registration officer.
      await page.goto('/');
      await visible(page.getByRole('heading', { level: 1, name: m.home.heading }));
      await page.getByRole('button', { name: m.app.openMenu }).click();
      const nav = page.getByRole('navigation', { name: m.app.mainNav });
      await visible(nav.getByRole('link', { name: m.nav.people, exact: true }));
      await nav.getByRole('link', { name: m.nav.registerHousehold, exact: true }).click();
      await visible(h1(page, p.registerTitle));
      expect(new URL(page.url()).pathname).toBe('/people/register');

      await field(page, p.address).fill('вул. Соборна, 12, кв. 5');
      await pickPlace(page, page, p.currentPlace, 'Вінниця', /^Вінниця/);

      await fillMember(page, 1, {
        family: 'Шевченко',
        given: 'Олександр',
        patronymic: 'Петрович',
        sex: p.sexes.M,
        birth: headBirth,
        phone: `067 ${randomInt(100, 1000)} ${randomInt(10, 100)} ${randomInt(10, 100)}`,
        otherPhone: '050 123 45 67',
        taxNumber: taxNumberFor(headBirth, true),
        consent: true,
      });
      await pickPlace(page.getByRole('group', { name: /^Особа 1/ }), page, p.originPlace, 'Бахмут', /Бахмут/);

      await page.getByRole('button', { name: p.addMember }).click();
      await fillMember(page, 2, {
        relationship: p.relationships.spouse,
        family: 'Шевченко',
        given: 'Оксана',
        patronymic: 'Іванівна',
        sex: p.sexes.F,
        birth: '1986-09-14',
      });

      await page.getByRole('button', { name: p.addMember }).click();
      const child = await fillMember(page, 3, {
        relationship: p.relationships.child,
        family: 'Шевченко',
        given: 'Сергій',
        patronymic: 'Олександрович',
        sex: p.sexes.M,
        birth: '2012-03-02',
        walking: p.wgAnswers.a_lot_of_difficulty,
        vulnerabilities: [p.vulnerabilities.chronic_illness],
      });
      // The WG-SS cut-off is shown as soon as the answer is given.
      await visible(
        child.getByText(p.disabilityComputed.replace('{{value}}', p.disabilityYes), { exact: true }),
      );

      await page.getByRole('button', { name: p.addMember }).click();
      await fillMember(page, 4, {
        relationship: p.relationships.parent,
        family: 'Шевченко',
        given: 'Марія',
        patronymic: 'Степанівна',
        sex: p.sexes.F,
        birthYear: '1950',
        vulnerabilities: [p.vulnerabilities.older_person_alone],
      });
      await visible(page.getByText(p.membersCount.replace('{{n}}', '4')));
      await expectAccessible(page, 'register a household (filled in)');
      await screenshot(page, 'people-register-phone');

      // The draft survives a reload.
      await page.waitForTimeout(500);
      await page.reload();
      await visible(page.getByText(/Відновлено чернетку/));
      await expect.poll(() => field(page, p.familyName).inputValue()).toBe('Шевченко');
      await visible(page.getByRole('group', { name: /^Особа 4: Шевченко Марія Степанівна/ }));

      await page.getByRole('button', { name: p.submitHousehold }).click();
      await visible(h1(page, 'Шевченко Олександр Петрович'));
      await visible(page.getByText(p.registered.replace('{{n}}', '4')));
      // Both phones, normalised.
      await visible(page.getByText(/^\+38067\d{7}, \+380501234567$/));
      const headUrl = new URL(page.url()).pathname;
      expect(headUrl).toMatch(/^\/people\/[0-9a-f-]{36}$/);
      const members = page.getByRole('table', { name: p.householdMembersCaption });
      await expect.poll(() => members.getByRole('row').count()).toBe(5);
      const childRow = members.getByRole('row', { name: /Шевченко Сергій Олександрович/ });
      await visible(childRow.getByRole('cell', { name: p.disabilityYes, exact: true }));
      await expectAccessible(page, 'person page (head of household)');
      await screenshot(page, 'people-person-phone');

      // A later visit to the register page starts empty: the draft was cleared on success.
      await page.goto('/people/register');
      await visible(h1(page, p.registerTitle));
      expect(await field(page, p.familyName).inputValue()).toBe('');
      expect(await page.getByText(/Відновлено чернетку/).count()).toBe(0);

      // Someone else types the names in Latin letters, in their own spelling.
      for (const typed of ['Oleksandr Shevchenko', 'Aleksandr Shevchenko']) {
        await page.goto('/people');
        await visible(h1(page, p.searchTitle));
        const box = page.getByRole('searchbox', { name: p.searchLabel });
        await box.fill(typed);
        await box.press('Enter');
        await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(typed);
        const results = page.getByRole('region', { name: p.resultsHeading });
        const hit = results.getByRole('listitem').filter({ hasText: headBirthShown });
        await visible(hit.getByRole('link', { name: 'Шевченко Олександр Петрович' }));
      }
      await expectAccessible(page, 'people search results');
      await screenshot(page, 'people-search-phone');

      await page.goto(`/people?q=${encodeURIComponent('Serhiy Shevchenko')}`);
      const serhiy = page
        .getByRole('region', { name: p.resultsHeading })
        .getByRole('link', { name: 'Шевченко Сергій Олександрович' });
      await visible(serhiy);
      await serhiy.first().click();
      await visible(h1(page, 'Шевченко Сергій Олександрович'));
      // Back returns to the same results.
      await page.goBack();
      await visible(page.getByRole('searchbox', { name: p.searchLabel }));
      expect(await page.getByRole('searchbox', { name: p.searchLabel }).inputValue()).toBe(
        'Serhiy Shevchenko',
      );

      // Assistance is recorded while consent holds, and refused once it is withdrawn.
      await page.goto(headUrl);
      await visible(h1(page, 'Шевченко Олександр Петрович'));
      const consent = page.getByRole('region', { name: p.consent, exact: true });
      const current = consent.getByRole('table', { name: p.consentCurrentCaption });
      await visible(
        current.getByRole('row', { name: new RegExp(p.purposes.assistance) }).getByText(p.consentHolds),
      );

      const assistance = page.getByRole('region', { name: p.assistance, exact: true });
      await field(assistance, p.assistanceType).fill('Багатоцільова грошова допомога');
      await field(assistance, p.amount).fill('10 800,50');
      await assistance.getByRole('button', { name: p.recordAssistance }).click();
      const ledger = assistance.getByRole('table', { name: p.assistanceCaption });
      await visible(ledger.getByRole('cell', { name: /10\s800,50\s?грн/ }));

      // Consent to share the record with one named partner organisation.
      await field(consent, p.purpose).selectOption({ label: p.purposes.data_sharing });
      await field(consent, p.sharedWith).selectOption({ index: 1 });
      await consent.getByRole('radio', { name: p.consentStatus.given }).check();
      await consent.getByRole('button', { name: p.recordConsent, exact: true }).click();
      await visible(
        current
          .getByRole('row', { name: new RegExp(`${p.purposes.data_sharing}: \\S`) })
          .getByText(p.consentHolds),
      );

      await field(consent, p.purpose).selectOption({ label: p.purposes.assistance });
      await consent.getByRole('radio', { name: p.consentStatus.withdrawn }).check();
      await field(consent, p.method).selectOption({ label: p.consentMethods.verbal });
      await consent.getByRole('button', { name: p.recordConsent, exact: true }).click();
      await visible(
        current.getByRole('row', { name: new RegExp(p.purposes.assistance) }).getByText(p.consentWithdrawn),
      );

      await field(assistance, p.assistanceType).fill('Зимовий набір');
      await assistance.getByRole('button', { name: p.recordAssistance }).click();
      const refusal = assistance.getByRole('alert').filter({ hasText: p.consentRefusedTitle });
      await visible(refusal);
      expect(await ledger.getByRole('row').count()).toBe(2); // the header and the one recorded before
      await expectAccessible(page, 'person page (assistance refused)');
      await screenshot(page, 'people-consent-refused-phone');

      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('a stale edit shows the colleague’s values beside the officer’s, and saves the choice', async () => {
    const s = await openSession(browser, { viewport: PHONE, phone: true });
    try {
      const { page } = s;
      await signIn(page, REGISTRAR);
      // Another officer's work, through the API with this session.
      const session = (await (await page.request.get('/api/v1/auth/session')).json()) as {
        csrfToken: string;
      };
      const headers = { 'x-csrf-token': session.csrfToken };
      const birth = `19${randomInt(50, 99)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
      const created = await page.request.post('/api/v1/people', {
        headers,
        data: {
          familyName: 'Коваленко',
          givenName: 'Андрій',
          birthDate: birth,
          sex: 'M',
          phones: ['050 111 22 33'],
          identifiers: [{ type: 'tax_number', value: taxNumberFor(birth, true) }],
        },
      });
      expect(created.status()).toBe(201);
      const person = (await created.json()) as { id: string; version: number };

      await page.goto(`/people/${person.id}/edit`);
      await visible(h1(page, /Коваленко Андрій/));
      // Meanwhile a colleague saves a new phone and a patronymic.
      const colleague = await page.request.patch(`/api/v1/people/${person.id}`, {
        headers,
        data: { version: person.version, phones: ['+380 50 999 88 77'], patronymic: 'Іванович' },
      });
      expect(colleague.status()).toBe(200);

      await field(page, p.phone).fill('067 765 43 21');
      await field(page, p.populationGroup).selectOption({ label: p.populationGroups.returnee });
      await page.getByRole('button', { name: p.saveChanges }).click();
      await visible(page.getByRole('alert').filter({ hasText: p.conflictTitle }));
      // The field only the colleague changed is taken over; the one both changed is asked about.
      await expect.poll(() => field(page, p.patronymic).inputValue()).toBe('Іванович');
      const choice = page.getByRole('group', { name: p.conflictChoice.replace('{{field}}', p.phone) });
      await visible(choice.getByText('+380509998877'));
      await visible(choice.getByText('067 765 43 21'));
      await expectAccessible(page, 'edit person (version conflict)');
      await screenshot(page, 'people-edit-conflict-phone');

      await page.getByRole('button', { name: p.saveAgain }).click();
      await visible(choice.getByText(m.forms.required));
      await choice.getByRole('radio', { name: p.conflictYours }).check();
      await page.getByRole('button', { name: p.saveAgain }).click();
      await visible(h1(page, 'Коваленко Андрій Іванович'));
      await visible(page.getByText(p.saved));
      await visible(page.getByText('+380677654321'));
      await visible(page.getByText(p.populationGroups.returnee));

      // An administrator sees the audit trail and may reveal the tax number, then hide it again.
      await s.context.clearCookies();
      await signIn(page, ADMIN);
      await page.goto(`/people/${person.id}`);
      await visible(h1(page, 'Коваленко Андрій Іванович'));
      const documents = page.getByRole('region', { name: p.identifiers, exact: true });
      const masked = documents.getByText(/^•+\d{3}$/);
      await visible(masked);
      await documents
        .getByRole('button', { name: p.revealLabel.replace('{{type}}', p.identifierTypes.tax_number) })
        .click();
      await visible(documents.getByText(/^\d{10}$/));
      await documents
        .getByRole('button', { name: p.hideLabel.replace('{{type}}', p.identifierTypes.tax_number) })
        .click();
      await visible(masked);
      const audit = page.getByRole('region', { name: p.audit, exact: true });
      await visible(audit.getByRole('cell', { name: 'person.identifier_revealed' }));
      await visible(audit.getByRole('cell', { name: 'person.updated' }).first());
      await expectAccessible(page, 'person page (administrator)');
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
