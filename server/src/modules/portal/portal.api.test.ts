import { story as storySchema } from '@oselia/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildPerson, call, type Session, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildPublishedStory, cameraJpeg, storyInput } from './portal.test-support.ts';

let t: TestApp;
let comms: Session;
let registrar: Session;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  comms = (await signedInAs(t, ['communications_officer'])).session;
  orgId = (await buildOrganisation(t, { type: 'mission' })).id;
  registrar = (await signedInAs(t, ['registration_officer'], { organisationId: orgId })).session;
});
afterAll(() => t.close());

const get = (url: string, session: Session | null = null) => call(t, session, 'GET', url);

async function createStory(over: Parameters<typeof storyInput>[0] = {}) {
  const res = await call(t, comms, 'POST', '/api/v1/portal/stories', storyInput(over));
  expect(res.statusCode, res.body).toBe(201);
  return storySchema.parse(res.json());
}

async function publish(id: string, publishAt: string | null = null) {
  const sent = await call(t, comms, 'POST', `/api/v1/portal/stories/${id}/submit`, {
    version: (await get(`/api/v1/portal/stories/${id}`, comms)).json().version,
  });
  expect(sent.statusCode, sent.body).toBe(200);
  return call(t, comms, 'POST', `/api/v1/portal/stories/${id}/publish`, {
    version: sent.json().version,
    publishAt,
  });
}

describe('pages', () => {
  it('a communications officer edits a draft, previews it, and the public sees it only once published', async () => {
    const list = await get('/api/v1/portal/pages', comms);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { key: string }) => p.key)).toEqual([
      'home',
      'about',
      'our_work',
      'where_we_work',
      'data',
      'take_action',
      'agenda_2030',
    ]);
    const about = (await get('/api/v1/portal/pages/about', comms)).json();
    const draft = {
      ...about.draft,
      body: { uk: 'Ми — **нова** місія.', en: '' },
    };
    const saved = await call(t, comms, 'PUT', '/api/v1/portal/pages/about', {
      version: about.version,
      draft,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().changed).toBe(true);
    // A second save with the old version is refused, never silently overwritten.
    const stale = await call(t, comms, 'PUT', '/api/v1/portal/pages/about', {
      version: about.version,
      draft,
    });
    expect(stale.statusCode).toBe(409);

    const preview = await get('/api/v1/portal/pages/about/preview?lang=uk', comms);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toContain('text/html');
    expect(preview.body).toContain('Ми — <strong>нова</strong> місія.');
    expect(preview.body).toContain('<meta name="robots" content="noindex">');
    expect((await get('/uk/about')).body).not.toContain('нова');

    // English is needed before publishing.
    const early = await call(t, comms, 'POST', '/api/v1/portal/pages/about/publish', {
      version: saved.json().version,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details.missing).toEqual(['body.en']);

    const full = await call(t, comms, 'PUT', '/api/v1/portal/pages/about', {
      version: saved.json().version,
      draft: { ...draft, body: { uk: draft.body.uk, en: 'We are a **new** mission.' } },
    });
    const published = await call(t, comms, 'POST', '/api/v1/portal/pages/about/publish', {
      version: full.json().version,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().changed).toBe(false);
    expect((await get('/uk/about')).body).toContain('Ми — <strong>нова</strong> місія.');
    expect((await get('/en/about')).body).toContain('We are a <strong>new</strong> mission.');
  });

  it('only communications officers and admins may change pages', async () => {
    const manager = (await signedInAs(t, ['programme_manager'])).session;
    const page = (await get('/api/v1/portal/pages/home', manager)).json();
    const res = await call(t, manager, 'PUT', '/api/v1/portal/pages/home', {
      version: page.version,
      draft: page.draft,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('stories', () => {
  it('a script in a story body is neutralised on the public page', async () => {
    const s = await createStory({
      body: {
        uk: 'Привіт <script>alert(document.cookie)</script> і [посилання](javascript:alert(1))',
        en: 'Hello <script>alert(document.cookie)</script> and [a link](javascript:alert(1)) <img src=x onerror=alert(1)>',
      },
      title: { uk: 'Заголовок <script>x()</script>', en: 'Title <b>bold</b>' },
    });
    expect((await publish(s.id)).statusCode).toBe(200);
    for (const lang of ['uk', 'en']) {
      const page = await get(`/${lang}/stories/${s.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toMatch(/<script|<img src=x|javascript:/i);
      expect(page.body).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
      expect(page.body).toContain('<a href="#">');
    }
    expect((await get(`/en/stories/${s.slug}`)).body).toContain('<h1>Title &lt;b&gt;bold&lt;/b&gt;</h1>');
  });

  it('goes draft → review → published, is public in both languages with Open Graph tags, and can be taken down', async () => {
    const s = await createStory({ summary: { uk: 'Кав’ярня знову працює.', en: 'The café is open again.' } });
    expect(s.status).toBe('draft');
    expect((await get(`/uk/stories/${s.slug}`)).statusCode).toBe(404);

    const res = await publish(s.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('published');
    const uk = await get(`/uk/stories/${s.slug}`);
    expect(uk.statusCode).toBe(200);
    expect(uk.body).toContain('<html lang="uk">');
    expect(uk.body).toContain('<meta property="og:type" content="article">');
    expect(uk.body).toContain('<meta property="og:description" content="Кав’ярня знову працює.">');
    expect(uk.body).toContain(
      `<link rel="alternate" hreflang="en" href="http://localhost:3000/en/stories/${s.slug}">`,
    );
    const en = await get(`/en/stories/${s.slug}`);
    expect(en.body).toContain(`<h1>${s.title.en}</h1>`);

    const down = await call(t, comms, 'POST', `/api/v1/portal/stories/${s.id}/unpublish`, {
      version: res.json().version,
      reason: 'Прохання героїні',
    });
    expect(down.statusCode).toBe(200);
    expect(down.json().status).toBe('unpublished');
    expect((await get(`/uk/stories/${s.slug}`)).statusCode).toBe(404);
  });

  it('a story needs both languages before review, and a reviewer can return it with a note', async () => {
    const s = await createStory({ body: { uk: 'Лише українською.', en: '' } });
    const refused = await call(t, comms, 'POST', `/api/v1/portal/stories/${s.id}/submit`, {
      version: s.version,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.missing).toEqual(['body.en']);
    const edited = await call(t, comms, 'PATCH', `/api/v1/portal/stories/${s.id}`, {
      version: s.version,
      body: { uk: 'Лише українською.', en: 'Now in English too.' },
    });
    const sent = await call(t, comms, 'POST', `/api/v1/portal/stories/${s.id}/submit`, {
      version: edited.json().version,
    });
    expect(sent.json().status).toBe('review');
    const back = await call(t, comms, 'POST', `/api/v1/portal/stories/${s.id}/return`, {
      version: sent.json().version,
      note: 'Додайте, де відбулася історія.',
    });
    expect(back.json()).toMatchObject({ status: 'draft', reviewNote: 'Додайте, де відбулася історія.' });
    // A published story is not edited in place.
    const published = await publish(s.id);
    const edit = await call(t, comms, 'PATCH', `/api/v1/portal/stories/${s.id}`, {
      version: published.json().version,
      tags: ['нова тема'],
    });
    expect(edit.statusCode).toBe(409);
  });

  it('a scheduled story is public only once its time has come (checked when read)', async () => {
    const s = await createStory();
    const at = new Date(Date.now() + 1500).toISOString();
    const res = await publish(s.id, at);
    expect(res.json()).toMatchObject({ status: 'scheduled', publishAt: at, publishedAt: null });
    expect((await get(`/uk/stories/${s.slug}`)).statusCode).toBe(404);
    expect((await get('/uk/stories.atom')).body).not.toContain(s.slug);
    await new Promise((r) => setTimeout(r, 1700));
    expect((await get(`/uk/stories/${s.slug}`)).statusCode).toBe(200);
    expect((await get(`/api/v1/portal/stories/${s.id}`, comms)).json().status).toBe('published');
  });

  it('a slug is one story’s only', async () => {
    const s = await createStory();
    const again = await call(t, comms, 'POST', '/api/v1/portal/stories', storyInput({ slug: s.slug }));
    expect(again.statusCode).toBe(409);
  });
});

describe('consent of the people a story features', () => {
  it('publishing needs story consent; withdrawing it unpublishes the story at once', async () => {
    const person = await buildPerson(t, orgId);
    const s = await createStory({ featuredPersonIds: [person.id] });
    const check = await get(`/api/v1/portal/consent/${person.id}`, comms);
    expect(check.json()).toEqual({ personId: person.id, consentHolds: false });
    const refused = await call(t, comms, 'POST', `/api/v1/portal/stories/${s.id}/submit`, {
      version: s.version,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toMatchObject({
      consentRequired: 'story_publication',
      personIds: [person.id],
    });

    const given = await call(t, registrar, 'POST', `/api/v1/people/${person.id}/consents`, {
      purpose: 'story_publication',
      status: 'given',
      method: 'signed',
    });
    expect(given.statusCode, given.body).toBe(201);
    expect((await publish(s.id)).statusCode).toBe(200);
    expect((await get(`/en/stories/${s.slug}`)).statusCode).toBe(200);
    expect((await get('/en/stories')).body).toContain(s.title.en);

    const withdrawn = await call(t, registrar, 'POST', `/api/v1/people/${person.id}/consents`, {
      purpose: 'story_publication',
      status: 'withdrawn',
      method: 'verbal',
    });
    expect(withdrawn.statusCode).toBe(201);
    expect((await get(`/en/stories/${s.slug}`)).statusCode).toBe(404);
    expect((await get('/en/stories')).body).not.toContain(s.title.en);
    expect((await get('/en/stories.atom')).body).not.toContain(s.slug);
    const after = (await get(`/api/v1/portal/stories/${s.id}`, comms)).json();
    expect(after).toMatchObject({ status: 'unpublished', unpublishedReason: 'consent_withdrawn' });
    // It cannot go back up while consent is withdrawn.
    const resubmit = await call(t, comms, 'POST', `/api/v1/portal/stories/${s.id}/submit`, {
      version: after.version,
    });
    expect(resubmit.statusCode).toBe(422);
  });

  it('a scheduled story is taken down too, before it ever appears', async () => {
    const person = await buildPerson(t, orgId, {
      consents: [
        { purpose: 'assistance', status: 'given', method: 'signed' },
        { purpose: 'story_publication', status: 'given', method: 'signed' },
      ],
    });
    const s = await createStory({ featuredPersonIds: [person.id] });
    const scheduled = await publish(s.id, new Date(Date.now() + 1000).toISOString());
    expect(scheduled.json().status).toBe('scheduled');
    await call(t, registrar, 'POST', `/api/v1/people/${person.id}/consents`, {
      purpose: 'story_publication',
      status: 'withdrawn',
      method: 'verbal',
    });
    await new Promise((r) => setTimeout(r, 1200));
    expect((await get(`/uk/stories/${s.slug}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/portal/stories/${s.id}`, comms)).json().status).toBe('unpublished');
  });

  it('a featured person must be in the registry', async () => {
    const res = await call(
      t,
      comms,
      'POST',
      '/api/v1/portal/stories',
      storyInput({ featuredPersonIds: ['01890000-0000-7000-8000-000000000001'] }),
    );
    expect(res.statusCode).toBe(422);
  });
});

describe('photos', () => {
  it('are resized and stripped of EXIF and GPS; the original is not kept', async () => {
    const s = await createStory();
    const original = await cameraJpeg();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/stories/${s.id}/photos?altUk=${encodeURIComponent('Кав’ярня зсередини')}&altEn=${encodeURIComponent('Inside the café')}`,
      payload: original,
      headers: { cookie: comms.cookie, 'x-csrf-token': comms.csrf, 'content-type': 'image/jpeg' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const photo = res.json().photos[0];
    expect(photo).toMatchObject({
      width: 1280,
      height: 853,
      alt: { uk: 'Кав’ярня зсередини', en: 'Inside the café' },
    });

    for (const url of [photo.url, photo.thumbUrl]) {
      const file = await get(url, comms);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/jpeg');
      const meta = await sharp(file.rawPayload).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(file.rawPayload.includes(Buffer.from('Olena Example'))).toBe(false);
      expect(file.rawPayload.includes(Buffer.from('PhoneMaker'))).toBe(false);
    }
    // Not public while the story is a draft; public once published.
    expect((await get(photo.url)).statusCode).toBe(404);
    await publish(s.id);
    expect((await get(photo.url)).statusCode).toBe(200);
    const page = (await get(`/en/stories/${s.slug}`)).body;
    expect(page).toContain(`<img src="${photo.url}" alt="Inside the café" width="1280" height="853"`);
    expect(page).toContain(`<meta property="og:image" content="http://localhost:3000${photo.url}">`);
  });

  it('refuses what is not a JPEG or PNG, whatever it claims to be', async () => {
    const s = await createStory();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/stories/${s.id}/photos?altUk=abcd&altEn=abcd`,
      payload: Buffer.from('%PDF-1.4 not a photo'),
      headers: { cookie: comms.cookie, 'x-csrf-token': comms.csrf, 'content-type': 'image/jpeg' },
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('published story built directly', () => {
  it('the factory path works for other tests', async () => {
    const s = await buildPublishedStory(t);
    expect(s.status).toBe('published');
  });
});
