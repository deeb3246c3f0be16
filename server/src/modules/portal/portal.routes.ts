import {
  createStoryBody,
  portalPage,
  portalPageKey,
  portalPagesList,
  previewQuery,
  publishStoryBody,
  returnStoryBody,
  savePortalPageBody,
  storiesPage,
  storiesQuery,
  story,
  storyConsentCheck,
  storyPhotoQuery,
  unpublishStoryBody,
  updateStoryBody,
  versionBody,
} from '@oselia/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';
import { AppError } from '../../shared/app-error.ts';
import { PHOTO_MAX_BYTES } from './portal.photos.ts';
import { sendHtml } from './portal.site.ts';

const byKey = z.object({ key: portalPageKey });
const byId = z.object({ id: z.uuid() });
const html = z.string();

function photoBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the photo itself as the request body (JPEG or PNG)');
  }
  return body;
}

/** A preview may be framed by the staff app itself (same origin), nowhere else. */
function sendPreview(reply: FastifyReply, document: string) {
  reply.header('x-frame-options', 'SAMEORIGIN');
  return sendHtml(reply, document, {
    cache: 'none',
    csp: "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
  });
}

/** Staff routes of the portal: pages (draft, preview, publish) and stories (workflow, photos). */
export const portalRoutes: AppRoutes = async (app, { services }) => {
  const { pages, stories, render } = services.portal;
  // A photo arrives as the request body, whatever type it declares (its content is checked).
  app.addContentTypeParser(
    ['image/jpeg', 'image/png', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
  const tags = ['portal'];

  app.get(
    '/portal/pages',
    {
      schema: {
        tags,
        summary: 'Every page of the public site: draft and published text',
        response: { 200: portalPagesList },
      },
      config: { access: 'portal.read' },
    },
    async (req) => pages.listPages(actorOf(req)),
  );

  app.get(
    '/portal/pages/:key',
    {
      schema: {
        tags,
        summary: 'One page: draft and published text',
        params: byKey,
        response: { 200: portalPage },
      },
      config: { access: 'portal.read' },
    },
    async (req) => pages.getPage(actorOf(req), req.params.key),
  );

  app.put(
    '/portal/pages/:key',
    {
      schema: {
        tags,
        summary: 'Save the draft (Markdown; the public sees it once published)',
        params: byKey,
        body: savePortalPageBody,
        response: { 200: portalPage },
      },
      config: { access: 'portal.manage' },
    },
    async (req) => pages.savePage(actorOf(req), req.params.key, req.body),
  );

  app.post(
    '/portal/pages/:key/publish',
    {
      schema: {
        tags,
        summary: 'Publish the saved draft (English text needed)',
        params: byKey,
        body: versionBody,
        response: { 200: portalPage },
      },
      config: { access: 'portal.publish' },
    },
    async (req) => pages.publishPage(actorOf(req), req.params.key, req.body.version),
  );

  app.get(
    '/portal/pages/:key/preview',
    {
      schema: {
        tags,
        summary: 'The saved draft as the public would see it (HTML)',
        params: byKey,
        querystring: previewQuery,
        response: { 200: html },
      },
      config: { access: 'portal.read' },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const draft = await pages.draftOf(actor, req.params.key);
      return sendPreview(
        reply,
        await render.page(req.query.lang, req.params.key, draft, actor.tenantId, true),
      );
    },
  );

  app.get(
    '/portal/stories',
    {
      schema: {
        tags,
        summary: 'Stories, most recently changed first',
        querystring: storiesQuery,
        response: { 200: storiesPage },
      },
      config: { access: 'portal.read' },
    },
    async (req) => stories.listStories(actorOf(req), req.query),
  );

  app.post(
    '/portal/stories',
    {
      schema: { tags, summary: 'Start a story (a draft)', body: createStoryBody, response: { 201: story } },
      config: { access: 'portal.manage' },
    },
    async (req, reply) => reply.status(201).send(await stories.createStory(actorOf(req), req.body)),
  );

  app.get(
    '/portal/stories/:id',
    {
      schema: { tags, summary: 'A story', params: byId, response: { 200: story } },
      config: { access: 'portal.read' },
    },
    async (req) => stories.getStory(actorOf(req), req.params.id),
  );

  app.patch(
    '/portal/stories/:id',
    {
      schema: {
        tags,
        summary: 'Edit a story (back to draft: it is reviewed again)',
        params: byId,
        body: updateStoryBody,
        response: { 200: story },
      },
      config: { access: 'portal.manage' },
    },
    async (req) => stories.updateStory(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/portal/stories/:id/submit',
    {
      schema: {
        tags,
        summary: 'Send for review (both languages and consents needed)',
        params: byId,
        body: versionBody,
        response: { 200: story },
      },
      config: { access: 'portal.manage' },
    },
    async (req) => stories.submitStory(actorOf(req), req.params.id, req.body.version),
  );

  app.post(
    '/portal/stories/:id/return',
    {
      schema: {
        tags,
        summary: 'Return to the author with a note',
        params: byId,
        body: returnStoryBody,
        response: { 200: story },
      },
      config: { access: 'portal.publish' },
    },
    async (req) => stories.returnStory(actorOf(req), req.params.id, req.body.version, req.body.note),
  );

  app.post(
    '/portal/stories/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish now, or schedule it (publishAt)',
        params: byId,
        body: publishStoryBody,
        response: { 200: story },
      },
      config: { access: 'portal.publish' },
    },
    async (req) => stories.publishStory(actorOf(req), req.params.id, req.body.version, req.body.publishAt),
  );

  app.post(
    '/portal/stories/:id/unpublish',
    {
      schema: {
        tags,
        summary: 'Take a story down (with the reason)',
        params: byId,
        body: unpublishStoryBody,
        response: { 200: story },
      },
      config: { access: 'portal.publish' },
    },
    async (req) => stories.unpublishStory(actorOf(req), req.params.id, req.body.version, req.body.reason),
  );

  app.post(
    '/portal/stories/:id/photos',
    {
      bodyLimit: PHOTO_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Add a photo (JPEG or PNG as the body): resized, metadata and location removed, original not kept',
        params: byId,
        querystring: storyPhotoQuery,
        response: { 200: story },
      },
      config: { access: 'portal.manage' },
    },
    async (req) =>
      stories.addPhoto(actorOf(req), req.params.id, photoBytes(req.body), {
        uk: req.query.altUk,
        en: req.query.altEn,
      }),
  );

  app.delete(
    '/portal/stories/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: 'Remove a photo',
        params: z.object({ id: z.uuid(), photoId: z.uuid() }),
        response: { 200: story },
      },
      config: { access: 'portal.manage' },
    },
    async (req) => stories.deletePhoto(actorOf(req), req.params.id, req.params.photoId),
  );

  app.get(
    '/portal/stories/:id/preview',
    {
      schema: {
        tags,
        summary: 'The story as the public would see it (HTML)',
        params: byId,
        querystring: previewQuery,
        response: { 200: html },
      },
      config: { access: 'portal.read' },
    },
    async (req, reply) =>
      sendPreview(
        reply,
        await render.story(req.query.lang, await stories.getStory(actorOf(req), req.params.id), true),
      ),
  );

  app.get(
    '/portal/consent/:personId',
    {
      schema: {
        tags,
        summary: "Whether a person's consent to story publication holds (nothing else about them)",
        params: z.object({ personId: z.uuid() }),
        response: { 200: storyConsentCheck },
      },
      config: { access: 'portal.manage' },
    },
    async (req) => stories.consentCheck(actorOf(req), req.params.personId),
  );
};
