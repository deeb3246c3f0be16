import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/route-types.ts';
import { AppError } from '../../shared/app-error.ts';
import { loggableError } from '../../shared/loggable-error.ts';
import { CHROME, LANGS, type Lang } from './portal.chrome.ts';
import { html } from './portal.html.ts';
import { renderPublicPage, sitePath } from './portal.layout.ts';

/**
 * How server-rendered public pages are added (the portal's, the feedback form's, …):
 *
 *   export const feedbackPages: PublicPages = async (site, { services, config, lang }) => {
 *     site.get('/feedback', { config: { access: 'public' } }, async (req, reply) =>
 *       sendHtml(reply, renderPublicPage({ lang, title, description, path: '/feedback', body, baseUrl: config.publicUrl })));
 *   };
 *
 * and listed in `publicPages` in app.ts. Each module is registered twice, under `/uk` and `/en`,
 * with `lang` set, so one route declaration serves both languages. Inside, an `AppError` (or any
 * error) becomes an HTML error page in that language, and an unknown address a 404 page.
 * Pages need no JavaScript: `sendHtml` sends them with a policy that allows none.
 */
export interface PublicSiteDeps extends RouteDeps {
  lang: Lang;
}
export type PublicPages = FastifyPluginAsyncZod<PublicSiteDeps>;

/**
 * No scripts, no plugins, nothing from elsewhere; inline styles (the one stylesheet) allowed.
 * `connect-src 'self'` lets tools running in the page (a crawler's audit fetching robots.txt) read
 * this site; the pages themselves fetch nothing.
 */
export const PUBLIC_CSP =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface SendHtmlOptions {
  status?: number;
  /** `revalidate` (default): a browser may keep it but asks each time; `none`: never stored. */
  cache?: 'revalidate' | 'none';
  /** A different security policy (a staff preview may be framed by the staff app). */
  csp?: string;
}

/** Pages are compressed when the browser accepts it (brotli, else gzip): they are mostly text. */
function compress(reply: FastifyReply, document: string): string | Buffer {
  const accepted = String(reply.request.headers['accept-encoding'] ?? '');
  if (document.length < 1024) return document;
  if (/\bbr\b/.test(accepted)) {
    reply.header('content-encoding', 'br');
    return brotliCompressSync(document, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } });
  }
  if (/\bgzip\b/.test(accepted)) {
    reply.header('content-encoding', 'gzip');
    return gzipSync(document, { level: 6 });
  }
  return document;
}

/** Sends a rendered page with its content type, security policy and cache rule. */
export function sendHtml(reply: FastifyReply, document: string, options: SendHtmlOptions = {}) {
  return reply
    .status(options.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', options.csp ?? PUBLIC_CSP)
    .header('cache-control', options.cache === 'none' ? 'no-store' : 'no-cache')
    .header('vary', 'accept-encoding')
    .send(compress(reply, document));
}

/** An error page in the frame of the site, kept out of search engines. */
export function renderErrorPage(lang: Lang, kind: 'not_found' | 'error', baseUrl?: string): string {
  const t = CHROME[lang];
  const title = kind === 'not_found' ? t.notFoundTitle : t.errorTitle;
  return renderPublicPage({
    lang,
    title,
    description: kind === 'not_found' ? t.notFoundText : t.errorText,
    path: '/',
    alternates: { uk: sitePath('uk', '/'), en: sitePath('en', '/') },
    noindex: true,
    baseUrl,
    body: html`<h1>${title}</h1>
<p>${kind === 'not_found' ? t.notFoundText : t.errorText}</p>
<p><a class="button" href="${sitePath(lang, '/')}">${t.backHome}</a></p>`,
  });
}

function statusOf(error: unknown): number {
  if (error instanceof AppError) return error.status;
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** The visitor's language from Accept-Language: English when it is preferred over Ukrainian. */
export function preferredLang(req: Pick<FastifyRequest, 'headers'>): Lang {
  const header = String(req.headers['accept-language'] ?? '');
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { base: tag.split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.base === 'uk' || x.base === 'en' || x.base === 'ru')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.base === 'en' ? 'en' : 'uk';
}

/**
 * Registers every module's public pages under `/uk` and `/en`, each language with its own HTML
 * error and not-found pages. With `atRoot`, `/` sends the visitor to the home page in their language
 * (otherwise `/` stays the staff app's).
 */
export async function registerPublicSite(
  app: FastifyInstance,
  modules: readonly PublicPages[],
  deps: RouteDeps,
  options: { atRoot?: boolean } = {},
) {
  for (const lang of LANGS) {
    await app.register(
      async (site) => {
        site.setErrorHandler((error, req, reply) => {
          const status = statusOf(error);
          if (status >= 500) req.log.error({ err: loggableError(error) }, 'public page failed');
          const kind = status === 404 ? 'not_found' : 'error';
          return sendHtml(reply, renderErrorPage(lang, kind, deps.config.publicUrl), {
            status,
            cache: 'none',
          });
        });
        site.setNotFoundHandler((_req, reply) =>
          sendHtml(reply, renderErrorPage(lang, 'not_found', deps.config.publicUrl), {
            status: 404,
            cache: 'none',
          }),
        );
        for (const pages of modules) await site.register(pages, { ...deps, lang });
      },
      { prefix: `/${lang}` },
    );
  }
  if (options.atRoot) {
    app.get('/', { config: { access: 'public' } }, async (req, reply) =>
      reply
        .header('vary', 'accept-language')
        .header('cache-control', 'no-cache')
        .redirect(sitePath(preferredLang(req), '/'), 302),
    );
  }
}
