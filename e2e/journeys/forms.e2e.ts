// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions name questions as ${name}
// Issue 6's forms: a programme manager imports an XLSForm (as KoboToolbox exports one), sees the
// form in Ukrainian and in English, watches a condition show and hide a question, checks the form
// as on submission and finds the required answers flagged beside their fields; then saves it.
// A second file with rows the import cannot translate shows the sheet and row of each. Axe runs
// on every page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleGrantForm } from '../../packages/forms/src/examples.ts';
import { writeXlsx } from '../../server/src/shared/xlsx.ts';
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
import { fillTemplate, h1, signIn } from '../support/ui.ts';

const f = uk.formDefs;
/** The demo programme manager (demo mode only; the password is public on purpose). */
const MANAGER = { email: 'manager@demo.oselia.org', password: 'demo-manager-Lviv-2026' };

const UK = 'label::Ukrainian (uk)';
const EN = 'label::English (en)';
const title = `Молодіжна ініціатива ${Date.now().toString(36)}`;

function workbook(extra: string[][] = []): string {
  const bytes = writeXlsx([
    {
      name: 'survey',
      rows: [
        ['type', 'name', UK, EN, 'required', 'relevant'],
        ['start', 'start', '', '', '', ''],
        ['begin_group', 'team', 'Команда', 'Team', '', ''],
        ['text', 'team_name', 'Назва команди', 'Team name', 'yes', ''],
        [
          'select_one yn',
          'alumni',
          'Ви випускники літньої школи?',
          'Are you summer school alumni?',
          'yes',
          '',
        ],
        ['text', 'school_year', 'Рік школи', 'Year of the school', 'yes', "${alumni} = 'yes'"],
        ['end_group', '', '', '', '', ''],
        ...extra,
      ],
    },
    {
      name: 'choices',
      rows: [
        ['list_name', 'name', UK, EN],
        ['yn', 'yes', 'Так', 'Yes'],
        ['yn', 'no', 'Ні', 'No'],
      ],
    },
    { name: 'settings', rows: [['form_title'], [title]] },
  ]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oselia-xlsform-')), 'youth.xlsx');
  fs.writeFileSync(file, bytes);
  return file;
}

async function upload(page: Page, file: string) {
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: f.import.read }).click();
}

let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('forms', () => {
  test('a programme manager imports an XLSForm, previews it in both languages and saves it', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await signIn(page, MANAGER);
      await page.goto('/forms');
      await visible(h1(page, f.list.title));
      await expectAccessible(page, 'forms list');
      await page.getByRole('link', { name: f.list.import }).click();
      await visible(h1(page, f.import.title));
      await expectAccessible(page, 'XLSForm import');

      // A file with rows the import cannot translate: each problem names its row.
      await upload(page, workbook([['geopoint', 'where', 'Де', 'Where', '', '']]));
      const problems = page.getByRole('alert').filter({ hasText: f.import.problemsTitle });
      await visible(problems);
      const row = problems.getByRole('row').filter({ hasText: 'geopoint' });
      expect((await row.getByRole('cell').nth(1).textContent())?.trim()).toBe('8');

      // The good file: a preview, in Ukrainian first.
      await upload(page, workbook());
      await visible(page.getByRole('heading', { name: new RegExp(title) }));
      await visible(page.getByText(fillTemplate(f.import.ignored_one, { rows: '2 (start)' })));
      const teamName = page.getByRole('textbox', { name: 'Назва команди' });
      await visible(teamName);
      const schoolYear = page.getByRole('textbox', { name: 'Рік школи' });
      expect(await schoolYear.count()).toBe(0);

      // The condition shows and hides the school year as the answer changes.
      await page.getByRole('radio', { name: 'Так' }).check();
      await visible(schoolYear);
      await page.getByRole('radio', { name: 'Ні' }).check();
      await schoolYear.waitFor({ state: 'detached' });
      await page.getByRole('radio', { name: 'Так' }).check();
      await visible(schoolYear);

      // Checked as on submission: the required answers are flagged beside their fields.
      await page.getByRole('button', { name: f.preview.check }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Перевірте відповіді' });
      await visible(summary);
      await expect.poll(() => teamName.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await teamName.getAttribute('aria-describedby')) ?? '';
      const described = await Promise.all(
        describedBy
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => page.locator(`[id="${id}"]`).textContent()),
      );
      expect(described.join(' ')).toContain('Потрібна відповідь');
      await expectAccessible(page, 'XLSForm preview (uk, with problems)');
      await screenshot(page, 'forms-preview-uk');

      // The same preview in English: labels and problems follow the form's language.
      await page
        .getByRole('radiogroup', { name: f.preview.formLanguage })
        .getByText(f.preview.languages.en, { exact: true })
        .click();
      const teamNameEn = page.getByRole('textbox', { name: 'Team name' });
      await visible(teamNameEn);
      await visible(page.getByRole('textbox', { name: 'Year of the school' }));
      await visible(page.getByText('An answer is required').first());
      expect(await page.getByRole('textbox', { name: 'Назва команди' }).count()).toBe(0);
      // Answering clears that field's problem.
      await teamNameEn.fill('Друкарі');
      await expect.poll(() => teamNameEn.getAttribute('aria-invalid')).toBeNull();
      await expectAccessible(page, 'XLSForm preview (en)');
      await screenshot(page, 'forms-preview-en');

      // Saved, it opens as a stored form, version 1.
      await page.getByRole('button', { name: f.import.save }).click();
      await visible(h1(page, title));
      await visible(page.getByText(fillTemplate(f.preview.questions, { n: 3 })));
      await expectAccessible(page, 'stored form preview');
      await page.goto('/forms');
      await visible(page.getByRole('link', { name: title }));
      expect(s.pageErrors).toEqual([]);
      // English copy of the list title exists too (the page follows the app language).
      expect(en.formDefs.list.title).toBe('Forms');
    } finally {
      await s.close();
    }
  });

  test('every question type of a stored form works in the preview, on a phone too', async () => {
    const s = await openSession(browser, { viewport: PHONE, phone: true });
    try {
      const { page } = s;
      await signIn(page, MANAGER);
      const session = (await (await page.request.get('/api/v1/auth/session')).json()) as {
        csrfToken: string;
      };
      const created = await page.request.post('/api/v1/forms', {
        headers: { 'x-csrf-token': session.csrfToken },
        data: { definition: exampleGrantForm },
      });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };

      await page.goto(`/forms/${id}`);
      await visible(h1(page, exampleGrantForm.title.uk));
      await page
        .getByRole('radiogroup', { name: f.preview.formLanguage })
        .getByText(f.preview.languages.en, { exact: true })
        .click();
      await visible(page.getByRole('textbox', { name: 'Business name' }));

      // Choice with a condition, number, money in EUR, date.
      await page.getByRole('radio', { name: 'Other' }).check();
      await page.getByRole('textbox', { name: 'Which sector?' }).fill('Bakery');
      await page.getByRole('textbox', { name: 'How many people work there' }).fill('3,5');
      await visible(page.getByText('A whole number is required'));
      await page.getByRole('textbox', { name: 'How many people work there' }).fill('4');
      await page.getByRole('textbox', { name: 'Grant amount' }).fill('12 000');
      await visible(page.getByText('At most 7000.00 EUR'));
      await page.getByRole('textbox', { name: 'Grant amount' }).fill('6500,50');
      expect(await page.getByText('At most 7000.00 EUR').count()).toBe(0);

      // Multi-choice shows the repeat group; items are added and removed.
      await page.getByRole('checkbox', { name: 'Equipment' }).check();
      const add = page.getByRole('button', { name: 'Add: What you plan to buy' });
      await add.click();
      await add.click();
      await visible(page.getByRole('heading', { name: 'Entry 2' }));
      await page.getByRole('button', { name: 'Remove entry 2' }).click();
      expect(await page.getByRole('heading', { name: 'Entry 2' }).count()).toBe(0);
      await page.getByRole('textbox', { name: 'Item' }).fill('Oven');

      // A file: chosen, listed with name and size, removable; a wrong kind is refused here.
      const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oselia-pdf-')), 'extract.pdf');
      fs.writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
      const input = page.locator('input[type="file"]');
      await input.setInputFiles(pdf);
      const remove = page.getByRole('button', { name: 'Remove the file extract.pdf' });
      await visible(remove);
      await visible(page.getByText('(15 B)'));
      const txt = path.join(path.dirname(pdf), 'notes.txt');
      fs.writeFileSync(txt, 'hello');
      await input.setInputFiles(txt);
      await visible(page.getByText(/has a format that is not accepted/));

      await page.getByRole('button', { name: f.preview.check }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Please check your answers' });
      await visible(summary);
      await visible(summary.getByRole('link', { name: /^Price: An answer is required/ }));
      await visible(summary.getByRole('link', { name: /^Where the business works now/ }));
      await expectAccessible(page, 'stored form preview on a phone');
      await screenshot(page, 'forms-preview-phone');
      await remove.click();
      expect(await remove.count()).toBe(0);
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
