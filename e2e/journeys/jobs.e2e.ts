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

const MANAGER = { email: 'manager@demo.oselia.org', password: 'demo-manager-Lviv-2026' };

describe('jobs', () => {
  test('an anonymous visitor is sent to sign in; a programme manager opens the jobs from the navigation', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/jobs');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/jobs');

      await page.getByLabel(/^Електронна пошта/).fill(MANAGER.email);
      await page.getByLabel(/^Пароль/).fill(MANAGER.password);
      await page.getByRole('button', { name: 'Увійти' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/jobs');

      await page.goto('/');
      await page
        .getByRole('navigation', { name: 'Головне меню' })
        .getByRole('link', { name: 'Завдання' })
        .click();
      await visible(page.getByRole('heading', { level: 1, name: 'Фонові завдання' }));
      expect(new URL(page.url()).pathname).toBe('/jobs');

      // A list of jobs, or the line saying there are none yet.
      const table = page.getByRole('table', { name: 'Фонові завдання, найновіші спершу' });
      const empty = page.getByText('Завдань поки немає.');
      await visible(table.or(empty));
      await expectAccessible(page, 'jobs');
      await screenshot(page, 'jobs');

      await page.getByRole('combobox', { name: 'Стан' }).selectOption('failed');
      await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('failed');
      await visible(table.or(empty));
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
