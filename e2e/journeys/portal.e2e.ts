// The public portal (issue 8): a visitor reads a story in both languages on pages that need no
// JavaScript, sees figures with small values hidden, downloads open data, from Take action applies
// to an open grant call through the grants application form, sends a complaint and follows it with
// its reference code; staff answer it in the feedback queue and the visitor sees the answer. axe on every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { onePagePdf } from '../../server/src/shared/one-page-pdf.ts';
import { en } from '../../web/src/i18n/en.ts';
import { uk } from '../../web/src/i18n/uk.ts';
import {
  baseURL,
  expectAccessible,
  htmlLang,
  launchBrowser,
  openSession,
  screenshot,
  visible,
} from '../support/browser.ts';
import { type Credentials, DEMO_USERS, field, fillTemplate, h1, signIn } from '../support/ui.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CAFE = {
  uk: 'Кав’ярня з Дніпра знову варить каву — тепер у Львові',
  en: 'A café from Dnipro is brewing again, now in Lviv',
};
const YOUTH_CALL = 'Grants for youth initiatives';
/** The demo communications officer (public demo password, demo mode only). */
const COMMS: Credentials = { email: 'comms@demo.oselia.org', password: 'demo-comms-Uzhhorod-2026' };

/** A browser that runs no scripts at all: the public pages must work without them. */
async function withoutScripts(run: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'en-GB' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  try {
    await run(page);
  } finally {
    await context.close();
  }
}

describe('public portal', () => {
  test('a visitor reads a story in Ukrainian and then in English', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/uk/');
      await visible(h1(page, 'Оселя'));
      expect(await htmlLang(page)).toBe('uk');
      await expectAccessible(page, 'portal home (uk)');
      await screenshot(page, 'portal-01-home-uk');

      const nav = page.getByRole('navigation', { name: 'Розділи сайту' });
      await nav.getByRole('link', { name: 'Історії' }).click();
      await visible(h1(page, 'Історії'));
      await expectAccessible(page, 'stories (uk)');

      await page.getByRole('link', { name: CAFE.uk }).click();
      await visible(h1(page, CAFE.uk));
      expect(new URL(page.url()).pathname).toBe('/uk/stories/cafe-from-dnipro-reopens-in-lviv');
      await visible(page.getByRole('img', { name: /чашка кави/ }));
      await visible(page.getByText('Історію опубліковано за згодою людей, про яких вона розповідає.'));
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(CAFE.uk);
      await expectAccessible(page, 'story (uk)');
      await screenshot(page, 'portal-02-story-uk');

      // The language switch leads to the same story in English.
      await page.getByRole('link', { name: 'English' }).click();
      await visible(h1(page, CAFE.en));
      expect(await htmlLang(page)).toBe('en');
      expect(new URL(page.url()).pathname).toBe('/en/stories/cafe-from-dnipro-reopens-in-lviv');
      await visible(page.getByRole('img', { name: /cup of coffee/ }));
      await expectAccessible(page, 'story (en)');
      await screenshot(page, 'portal-03-story-en');

      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('the public pages need no JavaScript: a browser that runs none reads and filters stories', async () => {
    await withoutScripts(async (page) => {
      await page.goto('/en/stories/cafe-from-dnipro-reopens-in-lviv');
      await visible(h1(page, CAFE.en));
      expect(await page.locator('script').count()).toBe(0);
      // Filters are a plain GET form.
      await page.goto('/en/stories');
      await field(page, 'Programme').selectOption({ label: 'Youth initiatives' });
      await page.getByRole('button', { name: 'Show' }).click();
      await visible(h1(page, 'Stories'));
      expect(new URL(page.url()).searchParams.get('programme')).toBe('youth');
      await visible(page.getByRole('link', { name: /From a summer school to a 3D printer/ }));
      expect(await page.getByRole('link', { name: CAFE.en }).count()).toBe(0);
    });
  });

  test('where we work: the map and its table, with small figures hidden; open data as CSV and HXL', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/en/where-we-work');
      await visible(h1(page, 'Where we work'));
      await visible(page.getByRole('img', { name: /Map of Ukraine’s oblasts/ }));
      await visible(page.getByText(/Boundaries|Oblast boundaries: OCHA/));
      const table = page.getByRole('table', { name: 'People reached in each oblast, by programme' });
      await visible(table);
      expect(await table.getByRole('row').count()).toBeGreaterThanOrEqual(29);
      // Whatever the demo holds, no published count is between 1 and 4.
      const cells = await table.locator('td').allTextContents();
      for (const c of cells) {
        const n = Number(c.replace(/\s/g, ''));
        if (c !== 'x') expect(n === 0 || n >= 5, c).toBe(true);
      }
      await expectAccessible(page, 'where we work');
      await screenshot(page, 'portal-04-where-we-work');

      await page.goto('/en/data');
      await visible(h1(page, 'Data and resources'));
      await expectAccessible(page, 'data and resources');
      const hxl = await page.request.get('/en/data/reach-by-oblast.hxl.csv');
      expect(hxl.status()).toBe(200);
      const lines = (await hxl.text()).replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[1]!.startsWith('#adm1+code,')).toBe(true);
    } finally {
      await s.close();
    }
  });

  test('from Take action, a visitor applies to an open call through the grants form', async () => {
    const g = en.grants;
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/en/take-action');
      await visible(h1(page, 'Take action'));
      await visible(page.getByRole('link', { name: 'Send feedback or a complaint' }));
      await expectAccessible(page, 'take action');
      await screenshot(page, 'portal-05-take-action');

      await page.getByRole('link', { name: `Apply: ${YOUTH_CALL}` }).click();
      // The staff app's public call page, in the language the visitor was reading.
      await visible(h1(page, YOUTH_CALL));
      await page.getByRole('link', { name: g.public.apply, exact: true }).click();
      await visible(h1(page, new RegExp(g.apply.title)));

      await field(page, g.apply.familyName).fill('Melnyk');
      await field(page, g.apply.givenName).fill('Andriy');
      await field(page, g.apply.phone).fill('+380 50 000 33 44');
      await field(page, g.apply.organisationName.youth).fill('Print Lab Pervomaisk');
      await field(page, g.apply.oblast).selectOption({ label: 'Mykolaivska' });
      await field(page, g.apply.requested).fill('3000');
      await field(page, 'How many people are in the team').fill('4');
      await field(page, 'Age of the youngest member').fill('17');
      await field(page, 'What you will do for your community').fill(
        'Print spare parts for local workshops and teach school students how to spot risky job offers.',
      );
      await page.getByRole('button', { name: g.apply.saveDraft }).click();
      const key = page.getByRole('region', { name: g.apply.keyTitle });
      await visible(key);
      const reference = await field(key, g.apply.referenceCode).inputValue();
      expect(reference).toMatch(/^GR-/);

      await page.getByLabel(/^Project budget/).setInputFiles({
        name: 'budget.pdf',
        mimeType: 'application/pdf',
        buffer: onePagePdf('Budget: two 3D printers'),
      });
      await visible(page.getByText(/budget\.pdf/));
      await expectAccessible(page, 'application form (from the portal)');
      await page.getByRole('button', { name: g.apply.submit }).click();
      await visible(h1(page, g.apply.submittedTitle));
      await visible(page.getByText(reference).first());
      await screenshot(page, 'portal-06-applied');
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('a visitor sends a complaint from Take action, staff answer it, and the visitor reads the answer', async () => {
    const complaint = 'The queue at the Lviv registration point had no shade and no water for three hours.';
    const answer = 'Thank you. From Monday the point has an awning, water and a numbered queue.';
    const s = await openSession(browser);
    try {
      const { page } = s;
      await page.goto('/en/take-action');
      await page.getByRole('link', { name: 'Send feedback or a complaint' }).click();
      await visible(h1(page, 'Feedback or complaint'));
      await expectAccessible(page, 'feedback form');
      await page.getByRole('radio', { name: 'A complaint' }).check();
      await field(page, 'Your message').fill(complaint);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await visible(h1(page, 'Thank you, we received your message'));
      const reference = (await page.locator('[data-reference]').textContent())!.trim();
      const secret = (await page.locator('[data-secret]').textContent())!.trim();
      expect(reference.length).toBeGreaterThan(5);
      await expectAccessible(page, 'feedback sent');
      await screenshot(page, 'portal-07-complaint-sent');

      // A registration officer finds it in the queue by its reference code and answers publicly.
      const f = uk.feedback;
      const staff = await openSession(browser);
      try {
        const desk = staff.page;
        await signIn(desk, DEMO_USERS.registrar);
        await desk.goto('/feedback');
        await visible(h1(desk, f.title));
        // Typed as said on the phone: lower case, spaces for dashes.
        await field(desk, f.filters.reference).fill(reference.toLowerCase().replaceAll('-', ' '));
        await desk.getByRole('button', { name: f.filters.find, exact: true }).click();
        await desk.waitForURL(/reference=/);
        const link = desk.getByRole('link', { name: reference, exact: true });
        await visible(link);
        await visible(
          desk.getByRole('status').filter({ hasText: fillTemplate(f.shown, { from: 1, to: 1, total: 1 }) }),
        );
        // The pointer is still on the light Find button: its hover colours must keep the contrast too.
        await expectAccessible(desk, 'feedback queue');
        await screenshot(desk, 'portal-07b-feedback-queue');
        await link.click();
        await visible(h1(desk, fillTemplate(f.item.titleOf, { code: reference })));
        await visible(desk.getByText(complaint));
        await expectAccessible(desk, 'feedback item');
        await desk.getByRole('radio', { name: f.actions.kindPublic }).check();
        await field(desk, f.actions.responseText).fill(answer);
        await desk.getByRole('button', { name: f.actions.sendPublic }).click();
        await visible(desk.getByRole('status').filter({ hasText: f.actions.answered }));
        const history = desk.getByRole('region', { name: f.item.history });
        await visible(history.getByText(answer));
        await visible(history.getByText(f.item.public, { exact: true }));
        await visible(desk.getByText(f.statuses.answered, { exact: true }).first());
        await expectAccessible(desk, 'feedback item answered');
        await screenshot(desk, 'portal-07c-feedback-answered');
        expect(staff.pageErrors).toEqual([]);
      } finally {
        await staff.close();
      }

      await page.goto('/en/feedback/follow-up');
      await visible(h1(page, 'Follow up your message'));
      await field(page, 'Reference code').fill(reference);
      await field(page, 'Secret').fill(secret);
      await page.getByRole('button', { name: 'Check' }).click();
      await visible(page.getByText(answer));
      await expectAccessible(page, 'feedback follow-up with the answer');
      await screenshot(page, 'portal-08-complaint-answered');
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('a communications officer writes a story with a photo, previews it, has it published, and edits a page', async () => {
    const p = uk.portal;
    const slug = `market-in-uzhhorod-${Date.now().toString(36)}`;
    const s = await openSession(browser);
    try {
      const { page } = s;
      await signIn(page, COMMS);
      await page.goto('/portal/stories');
      await visible(h1(page, p.storiesTitle));
      await page.getByRole('link', { name: p.newStory }).click();
      await visible(h1(page, p.newStory));
      await field(page, p.fields.slug).fill(slug);
      await field(page, p.fields.programme).selectOption({ label: p.programmes.community });
      await field(page, p.fields.place).fill('UA21');
      await field(page, p.fields.tags).fill('ринок, громада');
      const ukGroup = page.getByRole('group', { name: p.languages.uk });
      const enGroup = page.getByRole('group', { name: p.languages.en });
      await field(ukGroup, p.fields.title).fill('Ринок в Ужгороді відкрив ряд для переселенців');
      await field(ukGroup, p.fields.summary).fill(
        'Громада виділила місця на ринку для майстрів, які переїхали.',
      );
      await field(ukGroup, p.fields.body).fill('Перші **десять** майстрів уже торгують.');
      await field(enGroup, p.fields.title).fill('A market in Uzhhorod opens a row for displaced makers');
      await field(enGroup, p.fields.summary).fill(
        'The community gave market stalls to craftspeople who moved there.',
      );
      await field(enGroup, p.fields.body).fill('The first **ten** makers are already trading.');
      await expectAccessible(page, 'new story');
      await page.getByRole('button', { name: p.create }).click();
      await visible(h1(page, 'Ринок в Ужгороді відкрив ряд для переселенців'));

      // A photo with its descriptions; the server resizes it and removes any metadata.
      // A photo drawn by the browser itself (the server's tests cover EXIF and GPS removal).
      const dataUrl: string = await page.evaluate(`(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 1600;
        canvas.height = 1000;
        const g = canvas.getContext('2d');
        g.fillStyle = '#c96';
        g.fillRect(0, 0, 1600, 1000);
        g.fillStyle = '#0b4f8a';
        g.fillRect(200, 300, 1200, 400);
        return canvas.toDataURL('image/jpeg', 0.85);
      })()`);
      const photo = Buffer.from(dataUrl.split(',')[1]!, 'base64');
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'market.jpg', mimeType: 'image/jpeg', buffer: photo });
      await field(page, p.altUk).fill('Прилавки з виробами майстрів');
      await field(page, p.altEn).fill('Stalls with the makers’ goods');
      await page.getByRole('button', { name: p.upload }).click();
      await visible(page.getByRole('img', { name: 'Прилавки з виробами майстрів' }));

      await expectAccessible(page, 'story editor');
      // The preview shows the saved draft as visitors will see it.
      await page.getByRole('button', { name: p.showPreview }).click();
      const preview = page.frameLocator(`iframe[title^="${p.previewOf.split('(')[0]!.trim()}"]`);
      await visible(
        preview.getByRole('heading', { level: 1, name: 'Ринок в Ужгороді відкрив ряд для переселенців' }),
      );
      await screenshot(page, 'portal-09-story-editor');

      await page.getByRole('button', { name: p.submit }).click();
      await visible(page.getByText(p.status.review).first());
      await page.getByRole('button', { name: p.publishNow }).click();
      await visible(page.getByText(p.status.published).first());

      const visitor = await openSession(browser);
      try {
        await visitor.page.goto(`/en/stories/${slug}`);
        await visible(h1(visitor.page, 'A market in Uzhhorod opens a row for displaced makers'));
        await visible(visitor.page.getByRole('img', { name: 'Stalls with the makers’ goods' }));
      } finally {
        await visitor.close();
      }

      // A page: the text changes for visitors once published.
      await page.goto('/portal/pages');
      await visible(h1(page, p.pagesTitle));
      await page.getByRole('link', { name: p.pageNames.about }).click();
      await visible(h1(page, p.pageNames.about));
      const body = field(page.getByRole('group', { name: p.languages.uk }), p.fields.body);
      await body.fill('Ми — місія, що працює з громадами по всій Україні. **Оновлено.**');
      await expectAccessible(page, 'page editor');
      await page.getByRole('button', { name: p.publish, exact: true }).click();
      await visible(page.getByText(p.published));
      await page.goto('/uk/about');
      await visible(page.getByText('Ми — місія, що працює з громадами по всій Україні.'));
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
