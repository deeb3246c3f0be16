// The places browser: the oblast map and table, drilling down oblast → raion → hromada →
// settlement with breadcrumbs, and search by name and by P-code.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, launchBrowser, openSession, screenshot, visible } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const pathOf = (page: Page) => new URL(page.url()).pathname;
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

/** Follows the link `name` in the subdivisions section `section` and checks where it lands. */
async function openChild(page: Page, section: string, name: string, pcode: string) {
  const region = await visible(page.getByRole('region', { name: section, exact: true }));
  await region.getByRole('link', { name, exact: true }).click();
  await visible(h1(page, name));
  expect(pathOf(page)).toBe(`/places/${pcode}`);
}

describe('places browser', () => {
  test('shows the oblast map and table, and drills down from Vinnytska to a settlement', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/');
      await page
        .getByRole('navigation', { name: 'Головне меню' })
        .getByRole('link', { name: 'Місця' })
        .click();
      await visible(h1(page, 'Місця'));
      expect(pathOf(page)).toBe('/places');

      // The choropleth draws one SVG shape per oblast.
      const map = await visible(page.getByRole('img', { name: /Карта областей України/ }));
      await expect.poll(() => map.locator('svg path').count(), { timeout: 15_000 }).toBeGreaterThan(20);
      const oblasts = page.getByRole('table', { name: 'Області України: кількість районів і громад' });
      await visible(oblasts);
      expect(await oblasts.getByRole('row').count()).toBeGreaterThanOrEqual(25);
      await expectAccessible(page, 'places (oblasts)');
      await screenshot(page, 'places-oblasts');

      await openChild(page, 'Області', 'Вінницька', 'UA05');
      await visible(page.getByText('UA05', { exact: true }));
      await expectAccessible(page, 'place UA05 (oblast)');
      await screenshot(page, 'places-oblast-UA05');

      await openChild(page, 'Райони', 'Вінницький', 'UA0502');
      await openChild(page, 'Громади', 'Вінницька', 'UA0502003');
      await openChild(page, 'Населені пункти', 'Вінниця', 'UA0502003001');
      await visible(page.getByText('Населений пункт', { exact: true }));
      await visible(page.getByText('Ця одиниця не має підпорядкованих.'));
      await visible(page.getByText('Vinnytsia', { exact: true }));

      const crumbs = page.getByRole('navigation', { name: 'Розташування' });
      const trail = await crumbs.getByRole('listitem').allInnerTexts();
      expect(trail.map((t) => t.trim())).toEqual([
        'Україна',
        'Вінницька',
        'Вінницький',
        'Вінницька',
        'Вінниця',
      ]);
      await expectAccessible(page, 'place UA0502003001 (settlement)');
      await screenshot(page, 'places-settlement-UA0502003001');

      // Back up the trail to the raion, then to the whole country.
      await crumbs.getByRole('link', { name: 'Вінницький' }).click();
      await visible(h1(page, 'Вінницький'));
      expect(pathOf(page)).toBe('/places/UA0502');
      await page
        .getByRole('navigation', { name: 'Розташування' })
        .getByRole('link', { name: 'Україна' })
        .click();
      await visible(h1(page, 'Місця'));
      expect(pathOf(page)).toBe('/places');
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('a click on the map opens that oblast', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/places');
      const map = await visible(page.getByRole('img', { name: /Карта областей України/ }));
      await expect.poll(() => map.locator('svg path').count(), { timeout: 15_000 }).toBeGreaterThan(20);
      // The middle of Ukraine's outline lies well inside an oblast (Kirovohradska or a neighbour).
      // A click while the chart is still being laid out again (the table beside it arriving) can
      // land on nothing, as it would for a person, who then clicks again: so may the test.
      await expect
        .poll(
          async () => {
            if (pathOf(page) === '/places') await map.click();
            return pathOf(page);
          },
          { timeout: 15_000 },
        )
        .toMatch(/^\/places\/UA\d{2}$/);
      await visible(page.getByRole('heading', { level: 1 }));
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('search finds places by name and by P-code, and the result opens', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/places');
      const search = await visible(page.getByRole('searchbox', { name: 'Пошук місць' }));
      await search.fill('Жмеринка');
      await search.press('Enter');
      const results = await visible(page.getByRole('region', { name: 'Результати пошуку: «Жмеринка»' }));
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Жмеринка');
      await visible(results.getByRole('status').getByText(/Знайдено: \d+/));
      await expectAccessible(page, 'places search results');
      await screenshot(page, 'places-search');
      await results.getByRole('link', { name: 'Жмеринка', exact: true }).first().click();
      await visible(h1(page, 'Жмеринка'));
      expect(pathOf(page)).toMatch(/^\/places\/UA05\d+$/);

      // A P-code, typed without pressing Enter (the box searches after a short pause).
      await page.goto('/places');
      await page.getByRole('searchbox', { name: 'Пошук місць' }).fill('UA0502');
      const byCode = await visible(page.getByRole('region', { name: 'Результати пошуку: «UA0502»' }));
      await byCode.getByRole('link', { name: 'Вінницький', exact: true }).click();
      await visible(h1(page, 'Вінницький'));
      expect(pathOf(page)).toBe('/places/UA0502');

      // Clearing the search brings the oblast overview back.
      await page.goto('/places?q=Вінниця');
      await visible(page.getByRole('region', { name: 'Результати пошуку: «Вінниця»' }));
      await page.getByRole('button', { name: 'Очистити пошук' }).click();
      await visible(page.getByRole('region', { name: 'Області', exact: true }));
      expect(new URL(page.url()).searchParams.get('q')).toBeNull();
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('an unknown P-code says so instead of failing', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/places/UA9999');
      await visible(page.getByText('Місце з P-кодом UA9999 не знайдено.'));
      await expectAccessible(page, 'place not found');
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
