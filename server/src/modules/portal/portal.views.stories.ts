import type { PortalProgramme, Story } from '@oselia/contracts';
import type { Lang } from './portal.chrome.ts';
import { type Html, html } from './portal.html.ts';
import { sitePath } from './portal.layout.ts';
import type { Oblast } from './portal.map.ts';
import { renderMarkdown } from './portal.markdown.ts';
import { PAGE_TEXT } from './portal.messages.ts';
import { PROGRAMMES, programmeOf } from './portal.programmes.ts';
import { formatDate, storyCard } from './portal.views.ts';

export interface StoryFilter {
  programme?: PortalProgramme | undefined;
  place?: string | undefined;
  tag?: string | undefined;
}

function query(f: StoryFilter, page?: number): string {
  const q = new URLSearchParams();
  if (f.programme) q.set('programme', f.programme);
  if (f.place) q.set('place', f.place);
  if (f.tag) q.set('tag', f.tag);
  if (page && page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function select(
  name: string,
  label: string,
  all: string,
  options: { value: string; label: string }[],
  current?: string,
) {
  return html`<label>${label}
<select name="${name}">
<option value="">${all}</option>
${options.map((o) => html`<option value="${o.value}"${o.value === current ? html` selected` : null}>${o.label}</option>`)}
</select></label>`;
}

/** The list of stories, with filters that work without scripts (a GET form) and page links. */
export function storiesBody(
  lang: Lang,
  list: { items: Story[]; total: number; pages: number },
  page: number,
  filter: StoryFilter,
  facets: { tags: string[]; oblasts: string[] },
  oblasts: readonly Oblast[],
): Html {
  const t = PAGE_TEXT[lang];
  const oblastName = new Map(oblasts.map((o) => [o.pcode, o.name[lang]]));
  const pager =
    list.pages > 1
      ? html`<nav aria-label="${t.pagination}"><p>
${page > 1 ? html`<a href="${sitePath(lang, `/stories${query(filter, page - 1)}`)}" rel="prev">${t.previous}</a> ` : null}
<span>${t.page(page, list.pages)}</span>
${page < list.pages ? html` <a href="${sitePath(lang, `/stories${query(filter, page + 1)}`)}" rel="next">${t.next}</a>` : null}
</p></nav>`
      : null;
  return html`<h1>${t.storiesTitle}</h1>
<p class="lead">${t.storiesDescription}</p>
<form class="filters" method="get" action="${sitePath(lang, '/stories')}">
${select(
  'programme',
  t.filterProgramme,
  t.all,
  PROGRAMMES.map((p) => ({ value: p.key, label: p.name[lang] })),
  filter.programme,
)}
${select(
  'place',
  t.filterPlace,
  t.all,
  facets.oblasts.map((pcode) => ({ value: pcode, label: oblastName.get(pcode) ?? pcode })),
  filter.place,
)}
${select(
  'tag',
  t.filterTag,
  t.all,
  facets.tags.map((tag) => ({ value: tag, label: tag })),
  filter.tag,
)}
<button type="submit" class="button">${t.show}</button>
</form>
${list.items.length > 0 ? html`<ul class="cards">${list.items.map((s) => storyCard(lang, s, 2))}</ul>` : html`<p>${t.noStories}</p>`}
${pager}`;
}

/** A story in full: title, date and place, summary, photos with their descriptions, body, topics. */
export function storyBody(lang: Lang, s: Story, placeName: string | null): Html {
  const t = PAGE_TEXT[lang];
  const [first, ...rest] = s.photos;
  const photo = (p: Story['photos'][number], eager: boolean) =>
    html`<figure><img src="${p.url}" alt="${p.alt[lang]}" width="${p.width}" height="${p.height}"${
      eager ? html` fetchpriority="high"` : html` loading="lazy"`
    } decoding="async"></figure>`;
  const programme = programmeOf(s.programme);
  return html`<article>
<h1>${s.title[lang]}</h1>
<p class="meta">${s.publishedAt ? html`<time datetime="${s.publishedAt}">${t.published(formatDate(lang, s.publishedAt))}</time>` : null}${
    placeName ? html` · ${placeName}` : null
  } · <a href="${sitePath(lang, `/stories?programme=${s.programme}`)}">${programme.name[lang]}</a></p>
<p class="lead">${s.summary[lang]}</p>
${first ? photo(first, true) : null}
<div class="prose">${renderMarkdown(s.body[lang])}</div>
${rest.map((p) => photo(p, false))}
${
  s.tags.length > 0
    ? html`<h2>${t.tags}</h2><ul class="tags">${s.tags.map(
        (tag) =>
          html`<li><a href="${sitePath(lang, `/stories?tag=${encodeURIComponent(tag)}`)}">${tag}</a></li>`,
      )}</ul>`
    : null
}
${s.featuredPersonIds.length > 0 ? html`<p class="meta">${t.consentNote}</p>` : null}
<p><a href="${sitePath(lang, '/stories')}">${t.backToStories}</a></p>
</article>`;
}

/** An Atom feed of the newest public stories in one language. */
export function storiesAtom(lang: Lang, stories: Story[], baseUrl: string): string {
  const t = PAGE_TEXT[lang];
  const base = baseUrl.replace(/\/+$/, '');
  const self = `${base}/${lang}/stories.atom`;
  const updated = stories.reduce(
    (max, s) => (s.publishedAt && s.publishedAt > max ? s.publishedAt : max),
    '1970-01-01T00:00:00.000Z',
  );
  const entry = (s: Story) => {
    const url = `${base}${sitePath(lang, `/stories/${s.slug}`)}`;
    const content = html`${s.photos[0] ? html`<p><img src="${base}${s.photos[0].url}" alt="${s.photos[0].alt[lang]}"></p>` : null}${renderMarkdown(
      s.body[lang],
    )}`;
    return html`<entry>
<id>${url}</id>
<title>${s.title[lang]}</title>
<link rel="alternate" type="text/html" href="${url}"/>
<published>${s.publishedAt ?? updated}</published>
<updated>${s.publishedAt ?? updated}</updated>
<summary>${s.summary[lang]}</summary>
<content type="html">${content.value}</content>
${s.tags.map((tag) => html`<category term="${tag}"/>`)}
</entry>`;
  };
  return html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
<id>${self}</id>
<title>${t.feedTitle}</title>
<link rel="self" type="application/atom+xml" href="${self}"/>
<link rel="alternate" type="text/html" href="${`${base}${sitePath(lang, '/stories')}`}"/>
<updated>${updated}</updated>
<author><name>${t.feedTitle}</name></author>
${stories.map(entry)}
</feed>
`.value;
}
