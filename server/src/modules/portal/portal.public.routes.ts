import { portalPageKey, portalProgramme } from '@oselia/contracts';
import { z } from 'zod';
import type { AppRoutes } from '../../http/route-types.ts';
import { AppError } from '../../shared/app-error.ts';
import { SESSION_COOKIE } from '../access/access.hooks.ts';
import { DATASETS, type DatasetName, datasetCsv } from './portal.csv.ts';
import { renderPublicPage, sitePath } from './portal.layout.ts';
import { oblastsOf } from './portal.map.ts';
import { PAGE_TEXT } from './portal.messages.ts';
import { PAGE_PATHS } from './portal.render.ts';
import { type PublicPages, sendHtml } from './portal.site.ts';
import { storiesAtom, storiesBody } from './portal.views.stories.ts';

const storiesQuery = z.object({
  programme: portalProgramme.optional().catch(undefined),
  place: z
    .string()
    .regex(/^UA\d{2}$/)
    .optional()
    .catch(undefined),
  tag: z.string().trim().min(1).max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const datasetFile = z.object({
  file: z.string().regex(/^[a-z-]+(\.hxl)?\.csv$/),
});

/** The public site (server-rendered, both languages): pages, stories, the feed and datasets. */
export const portalPages: PublicPages = async (site, { services, config, lang }) => {
  const { pages, site: data, render } = services.portal;
  const t = PAGE_TEXT[lang];
  const open = { config: { access: 'public' as const } };

  for (const key of portalPageKey.options) {
    site.get(PAGE_PATHS[key].path, open, async (req, reply) =>
      sendHtml(
        reply,
        await render.page(lang, key, await pages.publicContent(req.tenantId, key), req.tenantId),
      ),
    );
  }

  site.get('/data/:file', { ...open, schema: { params: datasetFile } }, async (req, reply) => {
    const hxl = req.params.file.endsWith('.hxl.csv');
    const name = req.params.file.replace(/(\.hxl)?\.csv$/, '') as DatasetName;
    if (!DATASETS.includes(name)) throw new AppError('NOT_FOUND', 'no such dataset');
    const body = datasetCsv(name, lang, await data.figures(req.tenantId), hxl);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}-${lang}${hxl ? '.hxl' : ''}.csv"`)
      .header('cache-control', 'no-cache')
      .send(body);
  });

  site.get('/stories', { ...open, schema: { querystring: storiesQuery } }, async (req, reply) => {
    const { page, ...filter } = req.query;
    const [list, facets] = await Promise.all([
      data.stories(req.tenantId, filter, page),
      data.facets(req.tenantId),
    ]);
    // Filtered lists and later pages share the first page's canonical address.
    return sendHtml(
      reply,
      renderPublicPage({
        lang,
        title: t.storiesTitle,
        description: t.storiesDescription,
        path: '/stories',
        active: 'stories',
        baseUrl: config.publicUrl,
        threshold: data.threshold,
        body: storiesBody(lang, list, page, filter, facets, oblastsOf(config.assetsDir)),
      }),
    );
  });

  site.get('/stories.atom', open, async (req, reply) => {
    const stories = await data.latestStories(req.tenantId, 20);
    return reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(storiesAtom(lang, stories, config.publicUrl));
  });

  site.get(
    '/stories/:slug',
    { ...open, schema: { params: z.object({ slug: z.string().max(100) }) } },
    async (req, reply) =>
      sendHtml(reply, await render.story(lang, await data.story(req.tenantId, req.params.slug))),
  );
};

/**
 * Public routes outside the language prefixes: story photos (while their story is public, or for
 * staff who may read the portal), robots.txt and a sitemap.
 */
export const portalRootRoutes: AppRoutes = async (app, { services, config }) => {
  const { site: data } = services.portal;

  app.get(
    '/media/stories/:file',
    {
      config: { access: 'public' },
      schema: { params: z.object({ file: z.string().regex(/^[0-9a-f-]{36}(-thumb)?\.jpg$/) }) },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      const session = token ? await services.auth.resolveSession(req.tenantId, token) : null;
      const staff = session?.session.state === 'active' ? session.actor : null;
      const thumb = req.params.file.endsWith('-thumb.jpg');
      const bytes = await data.photo(
        req.tenantId,
        req.params.file.slice(0, 36),
        thumb ? 'thumb' : 'large',
        staff,
      );
      return reply
        .header('content-type', 'image/jpeg')
        .header('cache-control', staff ? 'private, no-store' : 'public, max-age=300')
        .header('content-security-policy', "default-src 'none'")
        .send(bytes);
    },
  );

  app.get('/robots.txt', { config: { access: 'public' } }, async (_req, reply) =>
    reply
      .header('content-type', 'text/plain; charset=utf-8')
      .send(
        `User-agent: *\nAllow: /uk/\nAllow: /en/\nAllow: /media/\nDisallow: /api/\nDisallow: /people\nDisallow: /admin\nSitemap: ${config.publicUrl.replace(/\/+$/, '')}/sitemap.xml\n`,
      ),
  );

  app.get('/sitemap.xml', { config: { access: 'public' } }, async (req, reply) => {
    const base = config.publicUrl.replace(/\/+$/, '');
    const paths = [
      '/',
      '/about',
      '/our-work',
      '/where-we-work',
      '/stories',
      '/data',
      '/2030-agenda',
      '/take-action',
    ];
    const stories = await data.latestStories(req.tenantId, 500);
    const urls = (['uk', 'en'] as const).flatMap((l) => [
      ...paths.map((p) => sitePath(l, p)),
      ...stories.map((s) => sitePath(l, `/stories/${s.slug}`)),
    ]);
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
      .map((u) => `<url><loc>${base}${u}</loc></url>`)
      .join('\n')}\n</urlset>\n`;
    return reply.header('content-type', 'application/xml; charset=utf-8').send(xml);
  });
};
