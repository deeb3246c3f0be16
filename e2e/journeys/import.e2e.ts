// Importing people from a spreadsheet as a registration officer does it on a phone, in Ukrainian:
// upload a semicolon CSV saved by Excel, check the suggested column mapping and fix the one the
// server could not guess, see the three bad rows named by row and column with nothing imported,
// skip them explicitly, follow the job, find the imported people, then upload the same file
// again: the mapping is remembered and nobody would be added twice.
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

const m = uk;
const pi = uk.peopleImport;

let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A family name of this run's own, so that searching for it finds only this run's people. */
const LETTERS = 'абвгдежзиклмнопрстуфхцчшя';
const family = `Ко${Array.from({ length: 5 }, () => LETTERS[randomInt(0, LETTERS.length)]).join('')}енко`;
const phone = () => `050${randomInt(1_000_000, 10_000_000)}`;
const source = `Kobo e2e ${randomInt(0, 1_000_000)}`;

// Rows 2–8 as a spreadsheet numbers them (the header is row 1); rows 4, 6 and 8 are bad.
const csv = `\uFEFF${[
  "прізвище;ім'я;по батькові;дата народження;стать;моб;домогосподарство;відношення до голови",
  `${family};Василь;Петрович;12.04.1971;ч;${phone()};H1;голова`,
  `${family};Ганна;Іванівна;03.09.1974;ж;${phone()};H1;дружина`,
  `${family};Ол3г;Васильович;1998;ч;;H3;голова`,
  `${family};Петро;Васильович;2009-06-15;ч;;H1;син`,
  `${family};Марта;Олегівна;1961;x;;H4;голова`,
  `${family};Ірина;Степанівна;07.2001;ж;${phone()};H2;голова`,
  `${family};Тарас;Ігорович;31.02.1990;ч;;H5;голова`,
].join('\r\n')}\r\n`;
const file = { name: 'kobo-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };

const h2 = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });

/** The figure shown under a label in a row of counts. */
async function countOf(page: Page, label: string): Promise<string> {
  const term = page.locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) });
  return (await term.locator('xpath=following-sibling::dd').first().textContent())?.trim() ?? '';
}

async function uploadFile(page: Page) {
  await page.goto('/people/import');
  await visible(h1(page, pi.title));
  await field(page, pi.source).fill(source);
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: pi.upload }).click();
  await page.waitForURL(/\/people\/import\/[0-9a-f-]{36}$/);
  await visible(h2(page, pi.mappingTitle));
}

describe('people import', () => {
  test('a registration officer imports a spreadsheet with bad rows only after skipping them', async () => {
    const s = await openSession(browser, { viewport: PHONE, phone: true });
    try {
      const { page } = s;
      await signIn(page, DEMO_USERS.registrar);

      // The phone menu offers the import to a registration officer.
      await page.goto('/');
      await page.getByRole('button', { name: m.app.openMenu }).click();
      const nav = page.getByRole('navigation', { name: m.app.mainNav });
      await nav.getByRole('link', { name: m.nav.importPeople, exact: true }).click();
      await visible(h1(page, pi.title));
      await visible(page.getByRole('navigation', { name: pi.stepsLabel }));
      // Only the import is the current page, not People above it.
      const current = nav.locator('[aria-current="page"]');
      expect(await current.count()).toBe(1);
      expect(await current.textContent()).toBe(m.nav.importPeople);
      await expectAccessible(page, 'import: upload');

      // Step 1 → 2: the columns were matched by their Ukrainian names, except the phone's.
      await uploadFile(page);
      await visible(page.getByText(pi.mappingGuessed));
      await visible(
        page.getByText(
          fillTemplate(pi.fileSummary, { fileName: 'kobo-export.csv', format: 'CSV', rows: 7, columns: 8 }),
        ),
      );
      expect(await field(page, pi.fields.familyName).inputValue()).toBe('прізвище');
      expect(await field(page, pi.fields.givenName).inputValue()).toBe("ім'я");
      expect(await field(page, pi.fields.relationship).inputValue()).toBe('відношення до голови');
      await visible(page.getByText(fillTemplate(pi.example, { value: family })).first());
      const phoneSelect = field(page, pi.fields.phone);
      expect(await phoneSelect.inputValue()).toBe('');
      await phoneSelect.selectOption('моб');
      await expectAccessible(page, 'import: column mapping');
      await screenshot(page, 'import-mapping-phone');

      // Without a family name column nothing is checked, and the officer is told why.
      await field(page, pi.fields.familyName).selectOption({ label: pi.notInFile });
      await page.getByRole('button', { name: pi.check }).click();
      const summary = page.getByRole('alert').filter({ hasText: pi.mappingErrors });
      await visible(summary.getByText(pi.needFamilyName));
      await field(page, pi.fields.familyName).selectOption('прізвище');

      // Step 3: every bad row is named with its column, and nothing is imported yet.
      await page.getByRole('button', { name: pi.check }).click();
      await visible(h2(page, pi.reportTitle));
      expect(await countOf(page, pi.counts.totalRows)).toBe('7');
      expect(await countOf(page, pi.counts.validRows)).toBe('4');
      expect(await countOf(page, pi.counts.invalidRows)).toBe('3');
      expect(await countOf(page, pi.counts.households)).toBe('2');
      await visible(page.getByText(fillTemplate(pi.someInvalid, { count: 3 })));
      const errors = page.getByRole('table');
      await visible(
        errors.getByRole('row', { name: new RegExp(`^4 ім'я ${escapeRegExp(pi.messages.letters)}`) }),
      );
      await visible(
        errors.getByRole('row', {
          name: new RegExp(`^6 стать ${escapeRegExp(fillTemplate(pi.messages.unknownSex, { value: 'x' }))}`),
        }),
      );
      await visible(
        errors.getByRole('row', {
          name: new RegExp(
            `^8 дата народження ${escapeRegExp(fillTemplate(pi.messages.noSuchDay, { value: '31.02.1990' }))}`,
          ),
        }),
      );
      const start = page.getByRole('button', { name: pi.start });
      expect(await start.isDisabled()).toBe(true);
      await expectAccessible(page, 'import: check report');
      await screenshot(page, 'import-report-phone');

      // The report has an address of its own: reopening it shows the same report.
      await page.reload();
      await visible(h2(page, pi.reportTitle));
      expect(await countOf(page, pi.counts.invalidRows)).toBe('3');

      // Step 4: the bad rows are skipped only when the officer says so.
      await page.getByRole('checkbox', { name: fillTemplate(pi.skipInvalid, { count: 3 }) }).check();
      expect(await start.isDisabled()).toBe(false);
      await start.click();
      await visible(h2(page, pi.doneTitle));
      expect(await countOf(page, pi.done.imported)).toBe('4');
      expect(await countOf(page, pi.done.households)).toBe('2');
      expect(await countOf(page, pi.done.skippedInvalid)).toBe('3');
      await visible(
        page
          .getByRole('status')
          .filter({ hasText: fillTemplate(pi.doneSummary, { imported: 4, households: 2 }) }),
      );
      await expectAccessible(page, 'import: finished');
      await screenshot(page, 'import-done-phone');

      // The imported people are in the registry.
      await page.getByRole('link', { name: pi.findPeople }).click();
      await visible(h1(page, m.people.searchTitle));
      await field(page, m.people.searchLabel).fill(family);
      await page.getByRole('button', { name: m.people.searchButton, exact: true }).click();
      await visible(page.getByText(fillTemplate(m.people.resultsCount, { n: 4 })));
      await visible(page.getByRole('link', { name: new RegExp(`${family} Ганна`) }));

      // The same file again from the same source: the mapping (phone included) is remembered,
      // and every valid row is already there.
      await uploadFile(page);
      await visible(page.getByText(pi.mappingSaved));
      expect(await field(page, pi.fields.phone).inputValue()).toBe('моб');
      await page.getByRole('button', { name: pi.check }).click();
      await visible(h2(page, pi.reportTitle));
      expect(await countOf(page, pi.counts.alreadyPresent)).toBe('4');

      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
