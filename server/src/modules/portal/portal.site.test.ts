import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Services } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import { CHROME } from './portal.chrome.ts';
import { html } from './portal.html.ts';
import { renderPublicPage } from './portal.layout.ts';
import { placeLabel } from './portal.render.ts';
import { type PublicPages, preferredLang, registerPublicSite, sendHtml } from './portal.site.ts';

const baseUrl = 'https://oselia.example';

/** A module as another engineer would write one: one declaration, both languages. */
const samplePages: PublicPages = async (site, { lang, config }) => {
  site.get(
    '/sample',
    { schema: { querystring: z.object({ q: z.string().max(20).optional() }) }, config: { access: 'public' } },
    async (req, reply) =>
      sendHtml(
        reply,
        renderPublicPage({
          lang,
          title: `Sample <${req.query.q ?? ''}>`,
          description: 'A "sample" page',
          path: '/sample',
          active: 'takeAction',
          baseUrl: config.publicUrl,
          og: { type: 'article', image: { url: '/media/x.jpg', alt: 'A photo', width: 1200, height: 800 } },
          body: html`<h1>${req.query.q ?? 'none'}</h1>`,
        }),
      ),
  );
  site.get('/broken', { config: { access: 'public' } }, async () => {
    throw new Error('database is down: secret details');
  });
  site.get('/missing', { config: { access: 'public' } }, async () => {
    throw new AppError('NOT_FOUND', 'story not found');
  });
};

const app = Fastify({ logger: false });
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);

beforeAll(async () => {
  await registerPublicSite(
    app,
    [samplePages],
    { config: { publicUrl: baseUrl } as Config, services: {} as Services },
    { atRoot: true },
  );
  await app.ready();
});
afterAll(() => app.close());

describe('public site registration and layout', () => {
  it('serves one module in both languages, with lang, hreflang alternates and canonical', async () => {
    for (const lang of ['uk', 'en'] as const) {
      const res = await app.inject({ url: `/${lang}/sample?q=${encodeURIComponent('<i>')}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-security-policy']).not.toContain('script-src');
      const body = res.body;
      expect(body).toContain(`<html lang="${lang}">`);
      expect(body).toContain(`<link rel="canonical" href="${baseUrl}/${lang}/sample">`);
      expect(body).toContain(`<link rel="alternate" hreflang="uk" href="${baseUrl}/uk/sample">`);
      expect(body).toContain(`<link rel="alternate" hreflang="en" href="${baseUrl}/en/sample">`);
      expect(body).toContain(`<link rel="alternate" hreflang="x-default" href="${baseUrl}/uk/sample">`);
      expect(body).toContain(`<title>Sample &lt;&lt;i&gt;&gt; — ${CHROME[lang].siteName}</title>`);
      expect(body).toContain('<meta name="description" content="A &quot;sample&quot; page">');
      expect(body).toContain('<h1>&lt;i&gt;</h1>');
      expect(body).toContain('<meta property="og:type" content="article">');
      expect(body).toContain(`<meta property="og:image" content="${baseUrl}/media/x.jpg">`);
      expect(body).toContain(`<meta property="og:url" content="${baseUrl}/${lang}/sample">`);
      // The language switch leads to the same page in the other language.
      const other = lang === 'uk' ? 'en' : 'uk';
      expect(body).toContain(`<a href="/${other}/sample" hreflang="${other}" lang="${other}">`);
      // Take action is marked current and stands out; feedback is linked from the footer.
      expect(body).toContain(
        `<a href="/${lang}/take-action" class="cta" aria-current="page">${CHROME[lang].nav.takeAction}</a>`,
      );
      expect(body).toContain(`<a href="/${lang}/feedback">`);
      expect(body).not.toContain('<script');
    }
  });

  it('an unknown address under a language is a 404 page in that language', async () => {
    const res = await app.inject({ url: '/en/no-such-page' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain(CHROME.en.notFoundTitle);
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    const uk = await app.inject({ url: '/uk/missing' });
    expect(uk.statusCode).toBe(404);
    expect(uk.body).toContain(CHROME.uk.notFoundTitle);
  });

  it('a failure is an HTML error page that shows nothing of the error', async () => {
    const res = await app.inject({ url: '/uk/broken' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain(CHROME.uk.errorTitle);
    expect(res.body).not.toContain('secret details');
    const invalid = await app.inject({ url: `/uk/sample?q=${'x'.repeat(50)}` });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain(CHROME.uk.errorTitle);
  });

  it('the root sends the visitor to the home page in their language', async () => {
    const uk = await app.inject({ url: '/', headers: { 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.8' } });
    expect(uk.statusCode).toBe(302);
    expect(uk.headers.location).toBe('/uk/');
    const en = await app.inject({ url: '/', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.headers.location).toBe('/en/');
  });
});

describe('preferredLang', () => {
  it.each([
    ['', 'uk'],
    ['en', 'en'],
    ['de-DE,de;q=0.9', 'uk'],
    ['en;q=0.5,uk;q=0.9', 'uk'],
    ['de,en;q=0.8,uk;q=0.7', 'en'],
    ['ru,en;q=0.5', 'uk'],
  ])('%j → %s', (header, lang) => {
    expect(preferredLang({ headers: { 'accept-language': header } })).toBe(lang);
  });
});

describe('placeLabel', () => {
  const lviv = { pcode: 'UA46', level: 1 as const, nameUk: 'Львівська', nameEn: 'Lvivska' };
  it.each([
    [{ level: 1, nameUk: 'Львівська', nameEn: 'Lvivska', ancestors: [] }, 'uk', 'Львівська область'],
    [{ level: 1, nameUk: 'Київ', nameEn: 'Kyiv', ancestors: [] }, 'en', 'Kyiv'],
    [
      { level: 3, nameUk: 'Львівська', nameEn: 'Lvivska', ancestors: [lviv] },
      'en',
      'Lvivska hromada, Lvivska oblast',
    ],
    [
      { level: 4, nameUk: 'Первомайськ', nameEn: 'Pervomaisk', ancestors: [lviv] },
      'uk',
      'Первомайськ, Львівська область',
    ],
  ] as const)('%j in %s → %s', (place, lang, label) => {
    expect(placeLabel(place, lang)).toBe(label);
  });
});
