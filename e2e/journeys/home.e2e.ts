// The home page: Ukrainian by default, the system status, and the language switch both ways.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  expectAccessible,
  htmlLang,
  launchBrowser,
  openSession,
  screenshot,
  visible,
} from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('home page', () => {
  test('opens in Ukrainian with the navigation and the system status', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/');
      await visible(page.getByRole('heading', { level: 1, name: 'Оселя' }));
      expect(await htmlLang(page)).toBe('uk');

      const nav = page.getByRole('navigation', { name: 'Головне меню' });
      for (const name of ['Головна', 'Місця']) await visible(nav.getByRole('link', { name }));
      // Jobs need a signed-in role: an anonymous visitor is not offered them.
      expect(await nav.getByRole('link', { name: 'Завдання' }).count()).toBe(0);

      const status = page.getByRole('region', { name: 'Стан системи' });
      await visible(status.getByText('Система працює'));
      await visible(status.getByText(/PGlite|PostgreSQL/));

      await expectAccessible(page, 'home (uk)');
      await screenshot(page, 'home-uk');
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('the language switch turns the app to English and back, and remembers the choice', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/');
      const ukSwitch = await visible(page.getByRole('group', { name: 'Мова' }));
      expect(await ukSwitch.getByRole('button', { name: 'Українська' }).getAttribute('aria-pressed')).toBe(
        'true',
      );

      await ukSwitch.getByRole('button', { name: 'English' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Oselia' }));
      await expect.poll(() => htmlLang(page)).toBe('en');
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      for (const name of ['Home', 'Places']) await visible(nav.getByRole('link', { name }));
      expect(await nav.getByRole('link', { name: 'Jobs' }).count()).toBe(0);
      await visible(page.getByRole('region', { name: 'System status' }).getByText('The system is running'));
      const enSwitch = page.getByRole('group', { name: 'Language' });
      expect(await enSwitch.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await expectAccessible(page, 'home (en)');
      await screenshot(page, 'home-en');

      // The choice survives a reload.
      await page.reload();
      await visible(page.getByRole('heading', { level: 1, name: 'Oselia' }));
      expect(await htmlLang(page)).toBe('en');

      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Українська' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Оселя' }));
      await expect.poll(() => htmlLang(page)).toBe('uk');
      await visible(
        page.getByRole('navigation', { name: 'Головне меню' }).getByRole('link', { name: 'Місця' }),
      );
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('an unknown address shows the not-found page with a way home', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/no-such-page');
      await visible(page.getByRole('heading', { level: 1, name: 'Сторінку не знайдено' }));
      await expectAccessible(page, 'not found');
      await page.getByRole('link', { name: 'На головну' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Оселя' }));
      expect(new URL(page.url()).pathname).toBe('/');
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
