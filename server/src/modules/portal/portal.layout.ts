import { CHROME, LANGS, type Lang, NAV, type NavKey } from './portal.chrome.ts';
import { type Html, html, raw } from './portal.html.ts';

export interface OpenGraph {
  /** `article` for a story, `website` otherwise. */
  type?: 'website' | 'article';
  /** An image path on this site (or an absolute URL) and its description. */
  image?: { url: string; alt: string; width?: number; height?: number };
  publishedTime?: string;
  modifiedTime?: string;
  tags?: readonly string[];
}

export interface PublicPage {
  lang: Lang;
  /** The page's own title; the site's name is added after it. */
  title: string;
  /** One or two sentences for search results and link previews (meta description, og:description). */
  description: string;
  /** This page's path after the language prefix, e.g. `/stories/cafe-lviv` (or `/` for home). */
  path: string;
  body: Html;
  /**
   * The same page in each language, as full paths (`/en/stories/cafe-lviv`). Default: `path` under
   * both prefixes. A language left out has no version of this page (no hreflang, the switch goes
   * to that language's home page).
   */
  alternates?: Partial<Record<Lang, string>>;
  og?: OpenGraph;
  /** The navigation entry to mark as current. */
  active?: NavKey;
  /** The site's public address (`config.publicUrl`), for canonical and Open Graph URLs. */
  baseUrl?: string;
  /** Keep out of search engines (previews, error pages, follow-up pages with a code). */
  noindex?: boolean;
  /** Figures below this are shown as suppressed; the footer says so. Default 5. */
  threshold?: number;
}

/**
 * The whole stylesheet of the public site, inline in every page (one request, nothing blocking).
 * System fonts, no scripts; contrast ≥ 4.5:1 everywhere, visible focus, works from 320 px wide.
 */
export const PUBLIC_CSS = `
:root{--ink:#1b1f24;--muted:#46515e;--brand:#0b4f8a;--brand-dark:#083a66;--accent:#ffd500;--line:#d3d9e0;--soft:#f2f5f8;--warn:#8a3b00}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:#fff}
a{color:var(--brand);text-underline-offset:.15em}
a:hover{color:var(--brand-dark)}
:focus-visible{outline:3px solid #c25e00;outline-offset:2px}
img,svg{max-width:100%;height:auto}
.skip{position:absolute;left:-9999px;top:.5rem;background:var(--accent);color:var(--ink);padding:.5rem 1rem;z-index:9}
.skip:focus{left:.5rem}
.wrap{max-width:70rem;margin:0 auto;padding:0 1rem}
.site-head{background:var(--brand);color:#fff}
.site-head a{color:#fff}
.bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding:.6rem 0}
.brand{font-weight:700;font-size:1.3rem;text-decoration:none;line-height:1.2}
.brand span{display:block;font-weight:400;font-size:.82rem}
.lang{margin:0}
.lang a{display:inline-block;padding:.4rem .6rem;border:1px solid #fff;border-radius:.3rem;text-decoration:none;min-height:44px;line-height:1.7}
.main-nav ul{list-style:none;margin:0;padding:0 0 .4rem;display:flex;flex-wrap:wrap;gap:0 .9rem}
.main-nav a{display:inline-block;padding:.55rem 0;min-height:44px;text-decoration:none;border-bottom:3px solid transparent}
.main-nav a[aria-current=page]{border-bottom-color:var(--accent)}
.main-nav a.cta{background:var(--accent);color:var(--ink);padding:.55rem .8rem;border-radius:.3rem;font-weight:600}
main{padding:1.25rem 0 3rem}
h1{font-size:clamp(1.6rem,5vw,2.4rem);line-height:1.2;margin:.4rem 0 1rem}
h2{font-size:clamp(1.25rem,3.5vw,1.6rem);line-height:1.25;margin:2rem 0 .75rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
.lead{font-size:1.15rem;color:var(--muted);max-width:46rem}
.prose{max-width:46rem}
.prose blockquote{margin:1rem 0;padding:.25rem 1rem;border-left:4px solid var(--accent);background:var(--soft)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem;padding:0;list-style:none}
.card{border:1px solid var(--line);border-radius:.4rem;padding:1rem;background:#fff}
.card h3{margin-top:0}
.card img{display:block;border-radius:.3rem;margin-bottom:.5rem;aspect-ratio:3/2;object-fit:cover;width:100%}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:1rem;padding:0;margin:0;list-style:none}
.figure{background:var(--soft);border-radius:.4rem;padding:.9rem}
.figure b{display:block;font-size:1.7rem;line-height:1.2;color:var(--brand-dark)}
.meta{color:var(--muted);font-size:.92rem}
.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
.tags li{background:var(--soft);border-radius:1rem;padding:.1rem .7rem;font-size:.9rem}
.table-scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;min-width:100%;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.4rem 0}
th,td{padding:.4rem .6rem;border-bottom:1px solid var(--line);text-align:left}
td.n,th.n{text-align:right}
.supp{color:var(--warn)}
.button{display:inline-block;background:var(--brand);color:#fff;padding:.6rem 1rem;border-radius:.3rem;text-decoration:none;font-weight:600;min-height:44px}
.button:hover{background:var(--brand-dark);color:#fff}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;margin:1rem 0}
form.filters label{display:flex;flex-direction:column;font-size:.92rem}
select,input,button{font:inherit;min-height:44px}
figure{margin:1.25rem 0}
figcaption{color:var(--muted);font-size:.92rem}
.map svg{width:100%;max-width:44rem;display:block}
.map path{stroke:#fff;stroke-width:.6}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;font-size:.9rem}
.legend i{display:inline-block;width:1rem;height:1rem;vertical-align:-.15rem;margin-right:.3rem;border:1px solid var(--line)}
.notice{border-left:4px solid var(--brand);background:var(--soft);padding:.75rem 1rem;margin:1rem 0}
.site-foot{background:var(--soft);border-top:1px solid var(--line);padding:1.5rem 0;color:var(--muted);font-size:.95rem}
.site-foot ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.site-foot a{display:inline-block;padding:.4rem 0}
`
  .trim()
  .replace(/\n/g, '');

const OG_LOCALE: Record<Lang, string> = { uk: 'uk_UA', en: 'en_GB' };

function absolute(baseUrl: string | undefined, url: string): string {
  if (/^https?:\/\//i.test(url) || !baseUrl) return url;
  return baseUrl.replace(/\/+$/, '') + url;
}

/** The full path of a page of the site in a language (`/uk/`, `/en/stories`). */
export function sitePath(lang: Lang, path: string): string {
  return path === '/' || path === '' ? `/${lang}/` : `/${lang}${path.startsWith('/') ? '' : '/'}${path}`;
}

/**
 * A complete public page: head with title, description, canonical, hreflang alternates and Open
 * Graph tags; header with the site's name, the navigation (Take action stands out) and the language
 * switch; the page's body in `<main>`; the footer with feedback, hotline, feed and staff sign-in.
 * Every text is escaped; `body` is trusted `Html` built with `html```.
 */
export function renderPublicPage(page: PublicPage): string {
  const { lang } = page;
  const t = CHROME[lang];
  const other: Lang = lang === 'uk' ? 'en' : 'uk';
  const here = sitePath(lang, page.path);
  const alternates: Partial<Record<Lang, string>> = page.alternates ?? {
    uk: sitePath('uk', page.path),
    en: sitePath('en', page.path),
  };
  const switchTo = alternates[other] ?? sitePath(other, '/');
  const canonical = absolute(page.baseUrl, alternates[lang] ?? here);
  const fullTitle = page.path === '/' ? `${t.siteName} — ${t.tagline}` : `${page.title} — ${t.siteName}`;
  const og = page.og ?? {};
  const threshold = page.threshold ?? 5;

  const hreflang = LANGS.filter((l) => alternates[l]).map(
    (l) => html`<link rel="alternate" hreflang="${l}" href="${absolute(page.baseUrl, alternates[l]!)}">`,
  );
  const xDefault = alternates.uk
    ? html`<link rel="alternate" hreflang="x-default" href="${absolute(page.baseUrl, alternates.uk)}">`
    : null;

  const navItems = NAV.map((item) => {
    const current = page.active === item.key ? raw(' aria-current="page"') : null;
    const cls = item.key === 'takeAction' ? raw(' class="cta"') : null;
    return html`<li><a href="${sitePath(lang, item.path)}"${cls}${current}>${t.nav[item.key]}</a></li>`;
  });

  const image = og.image
    ? html`<meta property="og:image" content="${absolute(page.baseUrl, og.image.url)}">
<meta property="og:image:alt" content="${og.image.alt}">${
        og.image.width ? html`<meta property="og:image:width" content="${og.image.width}">` : null
      }${og.image.height ? html`<meta property="og:image:height" content="${og.image.height}">` : null}
<meta name="twitter:card" content="summary_large_image">`
    : html`<meta name="twitter:card" content="summary">`;

  const article =
    og.type === 'article'
      ? [
          og.publishedTime
            ? html`<meta property="article:published_time" content="${og.publishedTime}">`
            : null,
          og.modifiedTime ? html`<meta property="article:modified_time" content="${og.modifiedTime}">` : null,
          (og.tags ?? []).map((tag) => html`<meta property="article:tag" content="${tag}">`),
        ]
      : null;

  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${page.description}">
${page.noindex ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${canonical}">`}
${hreflang}${xDefault}
<link rel="alternate" type="application/atom+xml" title="${t.feed}" href="${`/${lang}/stories.atom`}">
<link rel="icon" href="data:,">
<meta name="theme-color" content="#0b4f8a">
<meta property="og:site_name" content="${t.siteName}">
<meta property="og:type" content="${og.type ?? 'website'}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
<meta property="og:url" content="${canonical}">
<meta property="og:locale" content="${OG_LOCALE[lang]}">
${alternates[other] ? html`<meta property="og:locale:alternate" content="${OG_LOCALE[other]}">` : null}
${image}${article}
<style>${raw(PUBLIC_CSS)}</style>
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header class="site-head">
<div class="wrap">
<div class="bar">
<a class="brand" href="${sitePath(lang, '/')}">${t.siteName}<span>${t.tagline}</span></a>
<p class="lang"><a href="${switchTo}" hreflang="${other}" lang="${other}">${t.otherLanguage}</a></p>
</div>
<nav class="main-nav" aria-label="${t.mainNav}"><ul>${navItems}</ul></nav>
</div>
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${page.body}
</div>
</main>
<footer class="site-foot">
<div class="wrap">
<ul>
<li><a href="${sitePath(lang, '/feedback')}">${t.feedback}</a></li>
<li><a href="${sitePath(lang, '/take-action')}">${t.nav.takeAction}</a></li>
<li><a href="${`/${lang}/stories.atom`}">${t.feed}</a></li>
<li><a href="/sign-in">${t.staff}</a></li>
</ul>
<p>${t.hotline}</p>
<p>${t.privacy(threshold)}</p>
<p>${t.licence}</p>
</div>
</footer>
</body>
</html>
`.value;
}
