import sharp from 'sharp';
import { buildPerson } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildPublishedStory, commsActor, storyInput } from './portal.test-support.ts';

/** One valid request per portal route, for the policy matrix (access.matrix.test.ts). */
interface Example {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

interface MatrixContext {
  app: () => TestApp;
  /** The organisation every matrix user belongs to. */
  organisationId: () => string;
}

export function portalExamples(ctx: MatrixContext): Record<string, () => Promise<Example>> {
  const t = () => ctx.app();
  const s = () => t().services.portal.stories;
  const pages = () => t().services.portal.pages;
  const draftStory = () => s().createStory(commsActor(t()), storyInput());
  const inReview = async () => {
    const d = await draftStory();
    return s().submitStory(commsActor(t()), d.id, d.version);
  };
  const photo = () =>
    sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 90, b: 160 } } })
      .jpeg()
      .toBuffer();

  return {
    'GET /api/v1/portal/pages': async () => ({ url: '/api/v1/portal/pages' }),
    'GET /api/v1/portal/pages/:key': async () => ({ url: '/api/v1/portal/pages/about' }),
    'PUT /api/v1/portal/pages/:key': async () => {
      const page = await pages().getPage(commsActor(t()), 'data');
      return { url: '/api/v1/portal/pages/data', payload: { version: page.version, draft: page.draft } };
    },
    'POST /api/v1/portal/pages/:key/publish': async () => {
      const page = await pages().getPage(commsActor(t()), 'agenda_2030');
      return { url: '/api/v1/portal/pages/agenda_2030/publish', payload: { version: page.version } };
    },
    'GET /api/v1/portal/pages/:key/preview': async () => ({
      url: '/api/v1/portal/pages/home/preview?lang=en',
    }),
    'GET /api/v1/portal/stories': async () => ({ url: '/api/v1/portal/stories?status=draft' }),
    'POST /api/v1/portal/stories': async () => ({ url: '/api/v1/portal/stories', payload: storyInput() }),
    'GET /api/v1/portal/stories/:id': async () => ({
      url: `/api/v1/portal/stories/${(await draftStory()).id}`,
    }),
    'PATCH /api/v1/portal/stories/:id': async () => {
      const d = await draftStory();
      return { url: `/api/v1/portal/stories/${d.id}`, payload: { version: d.version, tags: ['оновлено'] } };
    },
    'POST /api/v1/portal/stories/:id/submit': async () => {
      const d = await draftStory();
      return { url: `/api/v1/portal/stories/${d.id}/submit`, payload: { version: d.version } };
    },
    'POST /api/v1/portal/stories/:id/return': async () => {
      const r = await inReview();
      return {
        url: `/api/v1/portal/stories/${r.id}/return`,
        payload: { version: r.version, note: 'Уточніть місце.' },
      };
    },
    'POST /api/v1/portal/stories/:id/publish': async () => {
      const r = await inReview();
      return {
        url: `/api/v1/portal/stories/${r.id}/publish`,
        payload: { version: r.version, publishAt: null },
      };
    },
    'POST /api/v1/portal/stories/:id/unpublish': async () => {
      const p = await buildPublishedStory(t());
      return {
        url: `/api/v1/portal/stories/${p.id}/unpublish`,
        payload: { version: p.version, reason: 'Застаріла' },
      };
    },
    'POST /api/v1/portal/stories/:id/photos': async () => ({
      url: `/api/v1/portal/stories/${(await draftStory()).id}/photos?altUk=${encodeURIComponent('Світлина')}&altEn=Photo`,
      payload: await photo(),
      headers: { 'content-type': 'image/jpeg' },
    }),
    'DELETE /api/v1/portal/stories/:id/photos/:photoId': async () => {
      const d = await draftStory();
      const withPhoto = await s().addPhoto(commsActor(t()), d.id, await photo(), {
        uk: 'Світлина',
        en: 'Photo',
      });
      return { url: `/api/v1/portal/stories/${d.id}/photos/${withPhoto.photos[0]!.id}` };
    },
    'GET /api/v1/portal/stories/:id/preview': async () => ({
      url: `/api/v1/portal/stories/${(await draftStory()).id}/preview?lang=uk`,
    }),
    'GET /api/v1/portal/consent/:personId': async () => ({
      url: `/api/v1/portal/consent/${(await buildPerson(t(), ctx.organisationId())).id}`,
    }),
  };
}
