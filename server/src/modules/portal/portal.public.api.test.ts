import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildPerson, call, factoryActor } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { LANGS } from './portal.chrome.ts';
import { buildPublishedStory } from './portal.test-support.ts';

let t: TestApp;
let orgId: string;
const names: string[] = [];

/** People with one assistance row each, in an oblast, of a type. */
async function reached(count: number, pcode: string, type: string) {
  for (let i = 0; i < count; i++) {
    const p = await buildPerson(t, orgId, { currentPcode: pcode });
    names.push(p.familyName);
    await t.services.consent.recordAssistance(factoryActor(t, orgId), p.id, {
      type,
      date: '2026-01-15',
      projectCode: 'UA-TEST',
      placePcode: pcode,
      valueMinor: 450000,
      currency: 'UAH',
      modality: 'cash',
      note: null,
    });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrganisation(t, { type: 'mission' })).id;
  // Vinnytska: 3 people (below the threshold); Lvivska: 12; Kharkivska: 9 with business grants.
  await reached(3, 'UA05', 'multipurpose_cash');
  await reached(12, 'UA46', 'multipurpose_cash');
  await reached(9, 'UA63', 'business_grant');
  await reached(6, 'UA46', 'business_grant');
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  call(t, null, 'GET', url, undefined, headers);

/** The cells of the reach table's row for an oblast, as text. */
function rowOf(page: string, oblastName: string): string[] {
  const row = page.split('<tr>').find((r) => r.includes(`<th scope="row">${oblastName}</th>`));
  if (!row) throw new Error(`no row for ${oblastName}`);
  return [...row.matchAll(/<td class="n">(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
}

describe('public pages', () => {
  it.each([
    '/',
    '/about',
    '/our-work',
    '/where-we-work',
    '/stories',
    '/data',
    '/2030-agenda',
    '/take-action',
  ])('%s is served in both languages, without scripts', async (path) => {
    for (const lang of LANGS) {
      const res = await get(`/${lang}${path === '/' ? '/' : path}`);
      expect(res.statusCode, `${lang}${path}`).toBe(200);
      expect(res.body).toContain(`<html lang="${lang}">`);
      expect(res.body).toMatch(/<h1>[^<]+/);
      expect(res.body).toContain('hreflang="uk"');
      expect(res.body).toContain('hreflang="en"');
      expect(res.body).toContain('<meta name="description" content="');
      expect(res.body).not.toContain('<script');
    }
  });

  it('is compressed for browsers that accept it', async () => {
    const res = await get('/uk/where-we-work', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.rawPayload.length).toBeLessThan(40_000);
  });
});

describe('disclosure control on public figures', () => {
  it('a figure below the threshold shows as suppressed, with a complement so the total cannot reveal it', async () => {
    const page = (await get('/en/where-we-work')).body;
    // Columns: direct assistance, business grants, youth, counter-trafficking, community, audiences, total.
    const vinnytska = rowOf(page, 'Vinnytska');
    expect(vinnytska[0]).toBe('x');
    expect(vinnytska[6]).toBe('x');
    expect(page).not.toMatch(/<td class="n">3<\/td>/);
    expect(rowOf(page, 'Kharkivska')[1]).toBe('9');
    // Vinnytska's 3 would follow from the direct-assistance total (15) and Lvivska's 12, so Lvivska's
    // cell is hidden as its complement, and so is Lvivska's total (else 18 − 6 would give the 12).
    expect(rowOf(page, 'Lvivska').slice(0, 2)).toEqual(['x', '6']);
    expect(rowOf(page, 'Lvivska')[6]).toBe('x');
    const totals = page.split('<tfoot>')[1]!;
    const totalCells = [...totals.matchAll(/<td class="n">(.*?)<\/td>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, ''),
    );
    expect(totalCells.slice(0, 2)).toEqual(['15', '15']);
    // The map shades it as hidden and says so in its tooltip.
    expect(page).toMatch(/<title>Vinnytska: hidden \(x\)<\/title>/);
    // The home page's total comes from the same protected table.
    expect((await get('/en/')).body).toContain('people reached');
  });

  it('CSV and HXL exports carry only aggregates, with the same suppression', async () => {
    for (const lang of LANGS) {
      const csv = await get(`/${lang}/data/reach-by-oblast.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]!.startsWith('pcode,name_en,name_uk,')).toBe(true);
      // One row per oblast (27) and the totals; every value a count, 0, ≥ 5 or x.
      expect(lines).toHaveLength(1 + 27 + 1);
      for (const line of lines.slice(1)) {
        for (const v of line.split(',').slice(3))
          expect(v === 'x' || v === '0' || Number(v) >= 5, line).toBe(true);
      }
      expect(lines.find((l) => l.startsWith('UA05,'))!.split(',')[3]).toBe('x');
      // No person's name anywhere.
      for (const n of new Set(names)) expect(csv.body).not.toContain(n);

      const hxl = await get(`/${lang}/data/reach-by-oblast.hxl.csv`);
      const hxlLines = hxl.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(hxlLines[1]).toBe(
        '#adm1+code,#adm1+name+i_en,#adm1+name+i_uk,#reached+ind+protection,#reached+ind+livelihoods,#reached+ind+youth,#reached+ind+counter_trafficking,#reached+ind+community,#reached+ind+awareness,#reached+ind+total',
      );
      expect(hxlLines.slice(2)).toEqual(lines.slice(1));

      const sexAge = await get(`/${lang}/data/reach-by-sex-age.hxl.csv`);
      const rows = sexAge.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(rows[1]).toContain('#reached+f+adults');
      for (const line of rows.slice(2)) {
        for (const v of line.split(',').slice(2))
          expect(v === 'x' || v === '0' || Number(v) >= 5, line).toBe(true);
      }
    }
    expect((await get('/uk/data/people.csv')).statusCode).toBe(404);
  });
});

describe('stories, feed and take action', () => {
  it('lists stories with filters, and the Atom feed carries them', async () => {
    const business = await buildPublishedStory(t, {
      programme: 'livelihoods',
      tags: ['кав’ярня'],
      placePcode: 'UA46',
    });
    const youth = await buildPublishedStory(t, { programme: 'youth', tags: ['3D'], placePcode: 'UA48' });
    const all = (await get('/en/stories')).body;
    expect(all).toContain(business.title.en);
    expect(all).toContain(youth.title.en);
    const filtered = (await get('/en/stories?programme=youth')).body;
    expect(filtered).toContain(youth.title.en);
    expect(filtered).not.toContain(business.title.en);
    expect(filtered).toContain('<option value="youth" selected>');
    const byPlace = (await get('/uk/stories?place=UA46')).body;
    expect(byPlace).toContain(business.title.uk);
    expect(byPlace).not.toContain(youth.title.uk);
    // Nonsense filters are ignored rather than failing.
    expect((await get('/uk/stories?programme=%3Cscript%3E&page=abc')).statusCode).toBe(200);

    const feed = await get('/en/stories.atom');
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(feed.body).toContain(
      `<link rel="alternate" type="text/html" href="http://localhost:3000/en/stories/${youth.slug}"/>`,
    );
  });

  it('Take action lists open calls and trainings linking to their application forms, and feedback', async () => {
    t.services.portal.site.connect({
      openCalls: async () => [
        {
          id: '01890000-0000-7000-8000-00000000ca11',
          kind: 'business',
          title: { uk: 'Гранти для релокованих кав’ярень', en: 'Grants for relocated cafés' },
          description: { uk: 'Обладнання для малого бізнесу.', en: 'Equipment for small businesses.' },
          closesAt: '2030-01-31T21:59:00.000Z',
          maxPerGrantMinor: 700_000,
          currency: 'EUR',
        },
      ],
      openTrainings: async () => [
        {
          id: '01890000-0000-7000-8000-0000000071a1',
          title: { uk: 'Літня школа', en: 'Summer school' },
          description: { uk: 'Безпечна міграція.', en: 'Safe migration.' },
          placePcode: 'UA48',
          startsOn: '2030-07-01',
          endsOn: '2030-07-10',
          enrolmentClosesOn: null,
        },
      ],
    });
    const en = (await get('/en/take-action')).body;
    expect(en).toContain('Grants for relocated cafés');
    expect(en).toContain('href="/calls/01890000-0000-7000-8000-00000000ca11?lang=en"');
    expect(en).toContain('href="/join/01890000-0000-7000-8000-0000000071a1?lang=en"');
    expect(en).toContain('Up to €7,000 per grant');
    expect(en).toContain('href="/en/feedback"');
    expect((await get('/uk/take-action')).body).toContain('href="/uk/feedback"');
    t.services.portal.site.connect({ openCalls: async () => [], openTrainings: async () => [] });
  });

  it('serves robots.txt and a sitemap of both languages', async () => {
    const robots = await get('/robots.txt');
    expect(robots.body).toContain('Disallow: /api/');
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.body).toContain('<loc>http://localhost:3000/uk/where-we-work</loc>');
    expect(sitemap.body).toContain('<loc>http://localhost:3000/en/take-action</loc>');
  });
});
