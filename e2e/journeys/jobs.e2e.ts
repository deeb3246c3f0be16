// The jobs list: reachable from the navigation, filterable by status, accessible.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, launchBrowser, openSession, screenshot, visible } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('jobs', () => {
  test('the jobs page opens from the navigation (and filters by status when signed in)', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/');
      await page
        .getByRole('navigation', { name: 'Головне меню' })
        .getByRole('link', { name: 'Завдання' })
        .click();
      await visible(page.getByRole('heading', { level: 1, name: 'Фонові завдання' }));
      expect(new URL(page.url()).pathname).toBe('/jobs');

      // The jobs API needs a signed-in user. Until the web app has a sign-in page, an anonymous
      // visitor gets a plain "sign in required" message; once signed in, the table or "no jobs yet".
      const table = page.getByRole('table', { name: 'Фонові завдання, найновіші спершу' });
      const empty = page.getByText('Завдань поки немає.');
      const signIn = page.getByText('Потрібно увійти', { exact: true });
      await visible(table.or(empty).or(signIn));
      await expectAccessible(page, 'jobs');
      await screenshot(page, 'jobs');

      if (!(await signIn.isVisible())) {
        await page.getByRole('combobox', { name: 'Стан' }).selectOption('failed');
        await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('failed');
        await visible(table.or(empty));
      }
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
