// A phone-sized screen (390×844): the navigation hides behind the burger button and stays reachable.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  openSession,
  PHONE,
  screenshot,
  visible,
} from '../support/browser.ts';

/** Whether any part of the element lies inside the 390 px wide viewport. */
async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.x + box.width > 0 && box.x < PHONE.width;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('on a phone', () => {
  test('the burger opens the navigation, and a link in it closes it again', async () => {
    const s = await openSession(browser, { viewport: PHONE, phone: true });
    try {
      const { page } = s;
      await page.goto('/');
      await visible(page.getByRole('heading', { level: 1, name: 'Оселя' }));
      const nav = page.getByRole('navigation', { name: 'Головне меню' });
      const places = nav.getByRole('link', { name: 'Місця' });
      // Closed, the menu is slid off screen and inert (out of the tab order and the accessibility tree).
      expect(await nav.getAttribute('inert')).not.toBeNull();
      await expect.poll(() => onScreen(places)).toBe(false);
      await expectAccessible(page, 'home on a phone');
      await screenshot(page, 'phone-home');

      const burger = page.getByRole('button', { name: 'Відкрити меню' });
      expect(await burger.getAttribute('aria-expanded')).toBe('false');
      await burger.click();
      await visible(places);
      await expect.poll(() => onScreen(places)).toBe(true);
      expect(await nav.getAttribute('inert')).toBeNull();
      expect(await page.getByRole('button', { name: 'Закрити меню' }).getAttribute('aria-expanded')).toBe(
        'true',
      );
      await expectAccessible(page, 'phone menu open');
      await screenshot(page, 'phone-menu-open');

      await places.click();
      await visible(page.getByRole('heading', { level: 1, name: 'Місця', exact: true }));
      expect(new URL(page.url()).pathname).toBe('/places');
      await visible(page.getByRole('button', { name: 'Відкрити меню' }));
      await expectAccessible(page, 'places on a phone');
      await screenshot(page, 'phone-places');

      // Escape inside the open menu closes it and gives focus back to the burger.
      await page.getByRole('button', { name: 'Відкрити меню' }).click();
      await visible(places);
      await places.focus();
      await page.keyboard.press('Escape');
      await visible(page.getByRole('button', { name: 'Відкрити меню' }));
      await expect.poll(() => onScreen(places)).toBe(false);
      expect(await page.locator(':focus').getAttribute('aria-label')).toBe('Відкрити меню');
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
