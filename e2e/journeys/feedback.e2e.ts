// Sensitive reports and the feedback statistics, as an admin handles them in Ukrainian: a report of
// abuse comes in; the statistics count it as a number only; its reference code finds nothing for
// staff who are not designated; the admin designates themself, finds and opens it, then takes the
// designation back and it is hidden again. Axe on every page.
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { uk } from '../../web/src/i18n/uk.ts';
import { expectAccessible, launchBrowser, openSession, screenshot, visible } from '../support/browser.ts';
import { DEMO_USERS, field, fillTemplate, h1, signIn } from '../support/ui.ts';

const f = uk.feedback;
const ADMIN_NAME = 'Olena Admin';

let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Looks the code up in the queue, typed as it would be read out on the phone. */
async function findByReference(page: Page, reference: string) {
  await page.goto('/feedback');
  await visible(h1(page, f.title));
  await field(page, f.filters.reference).fill(reference.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: f.filters.find, exact: true }).click();
  await page.waitForURL(/reference=/);
}

describe('feedback: statistics and sensitive reports', () => {
  test('a sensitive report is counted, but only designated staff find and open it', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      // The public form is walked through in the portal journey; here the report comes in through
      // the same public API.
      const text = `At the distribution point a volunteer asked for money to put a family on the list (${randomInt(1000, 9999)}).`;
      const sent = await page.request.post('/api/v1/public/feedback', {
        data: { category: 'sensitive', text, anonymous: true },
      });
      expect(sent.status()).toBe(201);
      const { referenceCode } = (await sent.json()) as { referenceCode: string };

      await signIn(page, DEMO_USERS.admin);

      // The statistics count it, as a number.
      await page.goto('/feedback/stats');
      await visible(h1(page, f.stats.title));
      const row = page.getByRole('row', { name: new RegExp(`^${f.categories.sensitive} `) });
      await visible(row);
      expect(Number(await row.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(1);
      await expectAccessible(page, 'feedback statistics');
      await screenshot(page, 'feedback-stats');

      // Not designated: even its code finds nothing.
      await findByReference(page, referenceCode);
      await visible(page.getByRole('status').filter({ hasText: f.empty }));

      // The admin designates themself.
      await page.goto('/feedback/stats');
      await page.getByRole('link', { name: f.handlersLink }).click();
      await visible(h1(page, f.handlers.title));
      await field(page, f.handlers.user).selectOption({ label: `${ADMIN_NAME} (${DEMO_USERS.admin.email})` });
      await page.getByRole('button', { name: f.handlers.add, exact: true }).click();
      await visible(
        page.getByRole('status').filter({ hasText: fillTemplate(f.handlers.added, { name: ADMIN_NAME }) }),
      );
      await visible(page.getByRole('row', { name: new RegExp(`^${ADMIN_NAME} `) }));
      await expectAccessible(page, 'who sees sensitive reports');

      // Now the code finds it, and it opens.
      await findByReference(page, referenceCode);
      const link = page.getByRole('link', { name: referenceCode, exact: true });
      await visible(link);
      await link.click();
      await visible(h1(page, fillTemplate(f.item.titleOf, { code: referenceCode })));
      await visible(page.getByText(text));
      await expectAccessible(page, 'sensitive feedback item');

      // The designation taken back: hidden again.
      await page.goto('/feedback/handlers');
      await page.getByRole('button', { name: fillTemplate(f.handlers.remove, { name: ADMIN_NAME }) }).click();
      await visible(
        page.getByRole('status').filter({ hasText: fillTemplate(f.handlers.removed, { name: ADMIN_NAME }) }),
      );
      await findByReference(page, referenceCode);
      await visible(page.getByRole('status').filter({ hasText: f.empty }));

      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
