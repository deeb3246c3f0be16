// Issue 5's journey: a registration officer finds one person registered twice, spelled
// differently. One record came in Latin letters (seeded through the API, as an import would);
// the officer types the other in Ukrainian and sees the likely duplicate while typing, saves
// anyway, runs a dedup search, opens the pair, reads why the records matched (in Ukrainian, then
// in English), merges them with the keyboard and undoes the merge. Axe runs on every page.
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { uk } from '../../web/src/i18n/uk.ts';
import {
  expectAccessible,
  launchBrowser,
  openSession,
  PHONE,
  screenshot,
  visible,
} from '../support/browser.ts';
import { DEMO_USERS, escapeRegExp, field, fillTemplate, h1, signIn } from '../support/ui.ts';

const d = uk.dedup;
const p = uk.people;

let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// This run's person: a birth date and a phone of its own, so earlier runs' records do not interfere.
const birth = `19${randomInt(55, 95)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
const phoneDigits = `67${randomInt(1_000_000, 10_000_000)}`;
const UKRAINIAN = 'Кравченко Олексій Миколайович';
const LATIN = 'Kravchenko Aleksei';

async function api(page: Page) {
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': session.csrfToken };
  return {
    post: (url: string, data: unknown) => page.request.post(url, { headers, data }),
    get: async (url: string) => (await page.request.get(url)).json(),
  };
}

describe('deduplication', () => {
  test('a registration officer sees a likely duplicate while typing, runs dedup, merges a pair and undoes it', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await signIn(page, DEMO_USERS.registrar);
      const http = await api(page);

      // The first record, in Latin letters with Russian-style spelling and no patronymic.
      const seeded = await http.post('/api/v1/people', {
        familyName: 'Kravchenko',
        givenName: 'Aleksei',
        birthDate: birth,
        sex: 'M',
        phones: [`+380${phoneDigits}`],
      });
      expect(seeded.status()).toBe(201);
      const first = (await seeded.json()) as { id: string };

      // The officer types the same man in Ukrainian: the likely duplicate appears as they type.
      await page.goto('/people/register/person');
      await visible(h1(page, p.registerPersonTitle));
      await field(page, p.familyName).fill('Кравченко');
      await field(page, p.givenName).fill('Олексій');
      await field(page, p.patronymic).fill('Миколайович');
      await field(page, p.birthDate).fill(birth);
      await page.getByRole('radio', { name: p.sexes.M, exact: true }).check();
      await field(page, p.phone).fill(
        `0${phoneDigits.slice(0, 2)} ${phoneDigits.slice(2, 5)} ${phoneDigits.slice(5)}`,
      );
      const likely = page.getByRole('region', { name: fillTemplate(d.likely.heading, { n: 1 }) });
      await visible(likely);
      const match = likely.getByRole('link', { name: new RegExp(`^${LATIN}`) });
      await visible(match);
      expect(await match.getAttribute('target')).toBe('_blank');
      expect(await match.getAttribute('href')).toBe(`/people/${first.id}`);
      // Typing goes on: the check does not take the focus or lock the form.
      expect(await field(page, p.phone).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await expectAccessible(page, 'register a person (likely duplicate shown)');
      await screenshot(page, 'dedup-likely-duplicate');

      // The officer saves anyway (this journey wants the duplicate).
      await page.getByRole('button', { name: p.submitPerson }).click();
      await visible(h1(page, UKRAINIAN));
      const second = new URL(page.url()).pathname.split('/').pop()!;

      // The dedup page, from the navigation.
      await page
        .getByRole('navigation', { name: uk.app.mainNav })
        .getByRole('link', { name: uk.nav.dedup })
        .click();
      await visible(h1(page, d.title));
      await expectAccessible(page, 'dedup page');
      await page.getByRole('button', { name: d.runStart }).click();
      // The run ends and the queue shows the pair, with both spellings.
      const card = page
        .getByRole('region', { name: d.queueHeading })
        .getByRole('listitem')
        .filter({ hasText: UKRAINIAN })
        .filter({ hasText: LATIN });
      await card.first().waitFor({ state: 'visible', timeout: 60_000 });
      await visible(page.getByText(d.runDone));
      await expectAccessible(page, 'dedup queue');
      await screenshot(page, 'dedup-queue');

      await card
        .first()
        .getByRole('link', { name: new RegExp(escapeRegExp(d.reviewPair)) })
        .click();
      await visible(h1(page, d.pairTitle));
      const pairUrl = new URL(page.url()).pathname;
      expect(pairUrl).toMatch(/^\/dedup\/pairs\/[0-9a-f-]{36}$/);

      // Why they matched: the birth date and the phone speak for one person, weights and all.
      const why = page.getByRole('region', { name: d.whyHeading });
      await visible(
        why.getByText(new RegExp(`^${escapeRegExp(d.fields.birth_date)} — ${d.levels.exact} \\(\\+`)),
      );
      await visible(why.getByText(new RegExp(`^${escapeRegExp(d.fields.phone)} — ${d.levels.equal} \\(\\+`)));
      const table = page.getByRole('table', { name: d.tableCaption });
      const birthRow = table.getByRole('row', { name: new RegExp(`^${escapeRegExp(p.birthDate)}`) });
      await visible(birthRow.getByText(d.levels.exact));
      await visible(birthRow.getByText(/^\+\d+,\d$/));
      // Олексій and Aleksei are one name: the screen says so rather than leave the reviewer puzzled.
      const givenRow = table.getByRole('row', { name: new RegExp(`^${escapeRegExp(p.givenName)}`) });
      await visible(givenRow.getByText(d.levels.respelled));
      await visible(table.getByRole('row', { name: new RegExp(`^${escapeRegExp(d.total)}`) }));
      await expectAccessible(page, 'pair review');
      await screenshot(page, 'dedup-pair');

      // The same explanation in English.
      await page
        .getByRole('group', { name: uk.app.language })
        .getByRole('button', { name: 'English' })
        .click();
      await visible(h1(page, en.dedup.pairTitle));
      const whyEn = page.getByRole('region', { name: en.dedup.whyHeading });
      await visible(
        whyEn.getByText(
          new RegExp(`^${escapeRegExp(en.dedup.fields.birth_date)} — ${en.dedup.levels.exact} \\(\\+`),
        ),
      );
      await visible(page.getByRole('table', { name: en.dedup.tableCaption }));
      await expectAccessible(page, 'pair review (English)');
      await screenshot(page, 'dedup-pair-en');
      await page
        .getByRole('group', { name: en.app.language })
        .getByRole('button', { name: 'Українська' })
        .click();
      await visible(h1(page, d.pairTitle));

      // Same person, with the keyboard: the dialog says what will happen; the older record survives.
      const same = page.getByRole('button', { name: d.decideSame });
      await same.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: d.confirmTitle });
      await visible(dialog);
      await visible(dialog.getByText(d.confirmKeeps));
      const keepLatin = dialog.getByRole('radio', { name: new RegExp(LATIN) });
      expect(await keepLatin.isChecked()).toBe(true);
      await expectAccessible(page, 'merge dialog');
      await dialog.getByRole('button', { name: d.confirmMerge, exact: true }).focus();
      await page.keyboard.press('Enter');

      // The outcome takes the focus, links to the surviving person and offers Undo.
      const outcome = page.getByRole('status').filter({ hasText: d.statuses.merged });
      await visible(outcome);
      await expect.poll(() => outcome.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await visible(outcome.getByRole('link', { name: fillTemplate(d.openSurvivor, { name: LATIN }) }));
      expect((await http.get(`/api/v1/people/${second}`)).mergedInto).toBe(first.id);
      await expectAccessible(page, 'pair merged');
      await screenshot(page, 'dedup-merged');

      // Undo, with the keyboard too: both records stand alone again and the pair may be decided anew.
      await outcome.getByRole('button', { name: d.undo }).focus();
      await page.keyboard.press('Enter');
      await visible(page.getByRole('status').filter({ hasText: d.statuses.undone }));
      await visible(page.getByRole('button', { name: d.decideNotSame }));
      expect((await http.get(`/api/v1/people/${second}`)).mergedInto).toBeNull();
      await expectAccessible(page, 'merge undone');

      // The decided pair's page says so when opened again, on a phone too.
      await page.setViewportSize(PHONE);
      await page.goto(pairUrl);
      await visible(page.getByRole('status').filter({ hasText: d.statuses.undone }));
      // On a phone each field is a block with both values under it: nothing to scroll sideways.
      const records = page.getByRole('region', { name: d.recordsHeading });
      const birthBlock = records.getByRole('listitem').filter({ hasText: p.birthDate });
      await visible(birthBlock.getByText(d.levels.exact));
      expect(await birthBlock.getByRole('definition').count()).toBe(2);
      expect(await records.getByRole('table').count()).toBe(0);
      await expectAccessible(page, 'pair page (phone)');
      await screenshot(page, 'dedup-pair-phone');

      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
