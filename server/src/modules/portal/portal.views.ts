import type { PortalPageContent, Story } from '@oselia/contracts';
import type { Lang } from './portal.chrome.ts';
import type { Published } from './portal.disclosure.ts';
import { columnTotal, oblastsReached, type PublicFigures, REACH_COLUMNS } from './portal.figures.ts';
import { type Html, html } from './portal.html.ts';
import { sitePath } from './portal.layout.ts';
import { renderMarkdown } from './portal.markdown.ts';
import { PAGE_TEXT } from './portal.messages.ts';
import { PROGRAMMES, SDG_GOALS, SDG_TARGETS } from './portal.programmes.ts';

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(PAGE_TEXT[lang].locale).format(n);
}

export function formatDate(lang: Lang, iso: string | Date): string {
  return new Intl.DateTimeFormat(PAGE_TEXT[lang].locale, {
    dateStyle: 'long',
    timeZone: 'Europe/Kyiv',
  }).format(new Date(iso));
}

export function formatMoney(lang: Lang, minor: number, currency: string): string {
  return new Intl.NumberFormat(PAGE_TEXT[lang].locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(minor / 100);
}

/** A figure as text: the number, or the mark of a hidden one (`x` in tables, a word elsewhere). */
export function figureText(lang: Lang, p: Published, inTable = false): Html {
  const t = PAGE_TEXT[lang];
  if (p.suppressed) return html`<span class="supp">${inTable ? t.hiddenMark : t.hidden}</span>`;
  return html`${formatNumber(lang, p.value)}`;
}

/** The edited part of a page: its h1 and its Markdown body. */
export function pageHeader(content: PortalPageContent, lang: Lang): Html {
  return html`<h1>${content.title[lang]}</h1>
<div class="prose">${renderMarkdown(content.body[lang])}</div>`;
}

export function headlineFigures(lang: Lang, f: PublicFigures): Html {
  const t = PAGE_TEXT[lang];
  return html`<ul class="figures">
<li class="figure"><b>${figureText(lang, f.byOblast.total)}</b>${t.peopleReached}</li>
<li class="figure"><b>${formatNumber(lang, oblastsReached(f))}</b>${t.oblastsReached}</li>
<li class="figure"><b>${formatNumber(lang, PROGRAMMES.length)}</b>${t.programmes}</li>
<li class="figure"><b>${figureText(lang, columnTotal(f, 'awareness'))}</b>${t.audiences}</li>
</ul>
<p class="meta">${t.figuresAsOf(formatDate(lang, f.generatedAt))} ${t.hiddenNote(f.threshold)}</p>`;
}

/** A story as a card in a list (thumbnail with its alt text, title linked, summary, date). */
export function storyCard(lang: Lang, s: Story, headingLevel: 2 | 3 = 3): Html {
  const t = PAGE_TEXT[lang];
  const photo = s.photos[0];
  const href = sitePath(lang, `/stories/${s.slug}`);
  const title = html`<a href="${href}">${s.title[lang]}</a>`;
  return html`<li class="card">
${photo ? html`<img src="${photo.thumbUrl}" alt="${photo.alt[lang]}" width="480" height="320" loading="lazy" decoding="async">` : null}
${headingLevel === 2 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
<p>${s.summary[lang]}</p>
${s.publishedAt ? html`<p class="meta">${t.published(formatDate(lang, s.publishedAt))}</p>` : null}
</li>`;
}

export function homeBody(lang: Lang, content: PortalPageContent, f: PublicFigures, latest: Story[]): Html {
  const t = PAGE_TEXT[lang];
  return html`<h1>${content.title[lang]}</h1>
<p class="lead">${content.description[lang]}</p>
<div class="prose">${renderMarkdown(content.body[lang])}</div>
<p><a class="button" href="${sitePath(lang, '/take-action')}">${t.takeActionCta}</a></p>
<section aria-labelledby="figures-h"><h2 id="figures-h">${t.figuresTitle}</h2>${headlineFigures(lang, f)}</section>
${
  latest.length > 0
    ? html`<section aria-labelledby="latest-h"><h2 id="latest-h">${t.latestStories}</h2>
<ul class="cards">${latest.map((s) => storyCard(lang, s))}</ul>
<p><a href="${sitePath(lang, '/stories')}">${t.readStories}</a></p></section>`
    : null
}
<section aria-labelledby="work-h"><h2 id="work-h">${t.ourWorkCta}</h2>
<ul class="cards">${PROGRAMMES.map(
    (
      p,
    ) => html`<li class="card"><h3><a href="${sitePath(lang, `/our-work#${p.key}`)}">${p.name[lang]}</a></h3>
<p>${p.summary[lang]}</p>
<p class="meta">${t.reachOf}: ${figureText(lang, columnTotal(f, p.key))}</p></li>`,
  )}</ul></section>`;
}

export function aboutBody(lang: Lang, content: PortalPageContent): Html {
  return pageHeader(content, lang);
}

function sdgList(lang: Lang, targets: readonly (keyof typeof SDG_TARGETS)[]): Html {
  const t = PAGE_TEXT[lang];
  return html`<ul>${targets.map((code) => {
    const target = SDG_TARGETS[code];
    return html`<li><strong>${code}</strong> (${t.goal(target.goal)}: ${SDG_GOALS[target.goal]![lang]}) — ${target.text[lang]}</li>`;
  })}</ul>`;
}

export function ourWorkBody(lang: Lang, content: PortalPageContent, f: PublicFigures): Html {
  const t = PAGE_TEXT[lang];
  return html`${pageHeader(content, lang)}
${PROGRAMMES.map(
  (p) => html`<section id="${p.key}" aria-labelledby="${p.key}-h">
<h2 id="${p.key}-h">${p.name[lang]}</h2>
<p>${p.summary[lang]}</p>
<ul class="figures">
<li class="figure"><b>${figureText(lang, columnTotal(f, p.key))}</b>${t.trained}</li>
<li class="figure"><b>${formatNumber(lang, oblastsReached(f, p.key))}</b>${t.oblastsReached}</li>
${p.key === 'counter_trafficking' ? html`<li class="figure"><b>${figureText(lang, columnTotal(f, 'awareness'))}</b>${t.audiences}</li>` : null}
</ul>
<h3>${t.sdgTargets}</h3>
${sdgList(lang, p.sdgTargets)}
<p><a href="${sitePath(lang, `/stories?programme=${p.key}`)}">${t.storiesOf}</a></p>
</section>`,
)}
<p class="meta">${t.figuresAsOf(formatDate(lang, f.generatedAt))} ${t.hiddenNote(f.threshold)}</p>`;
}

export function agendaBody(lang: Lang, content: PortalPageContent, f: PublicFigures): Html {
  const t = PAGE_TEXT[lang];
  const byGoal = new Map<number, string[]>();
  for (const p of PROGRAMMES) {
    for (const code of p.sdgTargets) {
      const goal = SDG_TARGETS[code].goal;
      byGoal.set(goal, [...new Set([...(byGoal.get(goal) ?? []), code])]);
    }
  }
  return html`${pageHeader(content, lang)}
${PROGRAMMES.map(
  (p) => html`<section aria-labelledby="sdg-${p.key}">
<h2 id="sdg-${p.key}">${p.name[lang]}</h2>
<ul class="figures"><li class="figure"><b>${figureText(lang, columnTotal(f, p.key))}</b>${t.trained}</li></ul>
<h3>${t.agendaLead}</h3>
${sdgList(lang, p.sdgTargets)}
</section>`,
)}
<p class="meta">${t.figuresAsOf(formatDate(lang, f.generatedAt))} ${t.hiddenNote(f.threshold)}</p>`;
}

/** The reach table: oblasts × programme columns, with totals; hidden cells marked. */
export function reachTable(lang: Lang, f: PublicFigures, captionId = 'reach-caption'): Html {
  const t = PAGE_TEXT[lang];
  const rows = f.rows.map(
    (r, i) =>
      html`<tr><th scope="row">${r.name ? r.name[lang] : t.noPlace}</th>${f.byOblast.cells[i]!.map(
        (c) => html`<td class="n">${figureText(lang, c, true)}</td>`,
      )}<td class="n">${figureText(lang, f.byOblast.rowTotals[i]!, true)}</td></tr>`,
  );
  return html`<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0">
<table>
<caption id="${captionId}">${t.reachTableCaption}</caption>
<thead><tr><th scope="col">${t.oblast}</th>${REACH_COLUMNS.map((c) => html`<th scope="col" class="n">${t.columns[c]}</th>`)}<th scope="col" class="n">${t.total}</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row">${t.total}</th>${f.byOblast.colTotals.map((c) => html`<td class="n">${figureText(lang, c, true)}</td>`)}<td class="n">${figureText(lang, f.byOblast.total, true)}</td></tr></tfoot>
</table>
</div>
<p class="meta">${t.reachTableNote} ${t.hiddenNote(f.threshold)}</p>`;
}
