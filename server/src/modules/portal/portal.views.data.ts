import type { PortalPageContent } from '@oselia/contracts';
import type { Lang } from './portal.chrome.ts';
import { DATASETS, type DatasetName, datasetRows } from './portal.csv.ts';
import { NO_PLACE, type PublicFigures, REACH_COLUMNS, SEX_AGE } from './portal.figures.ts';
import { type Html, html } from './portal.html.ts';
import { sitePath } from './portal.layout.ts';
import { MAP_CREDIT, renderOblastMap } from './portal.map.ts';
import { renderMarkdown } from './portal.markdown.ts';
import { PAGE_TEXT } from './portal.messages.ts';
import type { OpenCall, OpenTraining } from './portal.public.service.ts';
import { figureText, formatDate, formatMoney, formatNumber, pageHeader, reachTable } from './portal.views.ts';

export function whereWeWorkBody(
  lang: Lang,
  content: PortalPageContent,
  f: PublicFigures,
  assetsDir: string,
): Html {
  const t = PAGE_TEXT[lang];
  const values = new Map(
    f.rows.flatMap((r, i) => (r.pcode === NO_PLACE ? [] : [[r.pcode, f.byOblast.rowTotals[i]!] as const])),
  );
  return html`${pageHeader(content, lang)}
${renderOblastMap(assetsDir, lang, values, {
  title: t.mapTitle,
  description: t.mapDescription,
  none: t.mapNone,
  suppressed: `${t.hidden} (x)`,
  credit: t.mapCredit(MAP_CREDIT),
  format: (n) => formatNumber(lang, n),
})}
${reachTable(lang, f)}
<p class="meta">${t.figuresAsOf(formatDate(lang, f.generatedAt))}</p>`;
}

function sexAgeTable(lang: Lang, f: PublicFigures): Html {
  const t = PAGE_TEXT[lang];
  return html`<div class="table-scroll" role="region" aria-labelledby="sexage-caption" tabindex="0">
<table>
<caption id="sexage-caption">${t.sexAgeCaption}</caption>
<thead><tr><th scope="col">${t.programme}</th>${SEX_AGE.map((k) => html`<th scope="col" class="n">${t.sexAge[k]}</th>`)}<th scope="col" class="n">${t.total}</th></tr></thead>
<tbody>${REACH_COLUMNS.map(
    (c, i) =>
      html`<tr><th scope="row">${t.columns[c]}</th>${f.bySexAge.cells[i]!.map(
        (p) => html`<td class="n">${figureText(lang, p, true)}</td>`,
      )}<td class="n">${figureText(lang, f.bySexAge.rowTotals[i]!, true)}</td></tr>`,
  )}</tbody>
<tfoot><tr><th scope="row">${t.total}</th>${f.bySexAge.colTotals.map((p) => html`<td class="n">${figureText(lang, p, true)}</td>`)}<td class="n">${figureText(lang, f.bySexAge.total, true)}</td></tr></tfoot>
</table>
</div>`;
}

export function dataBody(lang: Lang, content: PortalPageContent, f: PublicFigures): Html {
  const t = PAGE_TEXT[lang];
  const about: Record<DatasetName, { title: string; text: string }> = {
    'reach-by-oblast': { title: t.datasetReach, text: t.datasetReachText },
    'reach-by-sex-age': { title: t.datasetSexAge, text: t.datasetSexAgeText },
  };
  return html`${pageHeader(content, lang)}
<h2>${t.datasets}</h2>
<ul class="cards">${DATASETS.map(
    (name) => html`<li class="card">
<h3>${about[name].title}</h3>
<p>${about[name].text}</p>
<p class="meta">${t.rows(datasetRows(name, lang, f))}. ${t.figuresAsOf(formatDate(lang, f.generatedAt))}</p>
<p>${t.download}: <a href="${sitePath(lang, `/data/${name}.csv`)}" download>${t.csv}</a> ·
<a href="${sitePath(lang, `/data/${name}.hxl.csv`)}" download>${t.hxl}</a></p>
</li>`,
  )}</ul>
${sexAgeTable(lang, f)}
<p class="meta">${t.hiddenNote(f.threshold)}</p>`;
}

/** A plain-text excerpt of a description (the call's own page has the whole text). */
function excerpt(text: string, max = 240): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length <= max ? plain : `${plain.slice(0, plain.lastIndexOf(' ', max - 1))}…`;
}

export function takeActionBody(
  lang: Lang,
  content: PortalPageContent,
  calls: OpenCall[],
  trainings: OpenTraining[],
): Html {
  const t = PAGE_TEXT[lang];
  const callCards = calls.map(
    (c) => html`<li class="card">
<h3>${c.title[lang]}</h3>
<p>${excerpt(c.description[lang])}</p>
<p class="meta">${t.closes(formatDate(lang, c.closesAt))}. ${t.upTo(formatMoney(lang, c.maxPerGrantMinor, c.currency))}.</p>
<p><a class="button" href="${`/calls/${c.id}?lang=${lang}`}" aria-label="${t.applyTo(c.title[lang])}">${t.apply}</a></p>
</li>`,
  );
  const trainingCards = trainings.map(
    (e) => html`<li class="card">
<h3>${e.title[lang]}</h3>
<p>${excerpt(e.description[lang])}</p>
<p class="meta">${t.trainingDates(formatDate(lang, e.startsOn), formatDate(lang, e.endsOn))}${
      e.enrolmentClosesOn ? html`. ${t.closes(formatDate(lang, e.enrolmentClosesOn))}` : null
    }.</p>
<p><a class="button" href="${`/join/${e.id}?lang=${lang}`}" aria-label="${t.applyTo(e.title[lang])}">${t.apply}</a></p>
</li>`,
  );
  return html`<h1>${content.title[lang]}</h1>
<div class="prose">${renderMarkdown(content.body[lang])}</div>
<section aria-labelledby="calls-h"><h2 id="calls-h">${t.openCalls}</h2>
${calls.length > 0 ? html`<ul class="cards">${callCards}</ul>` : html`<p>${t.noOpenCalls}</p>`}
</section>
<section aria-labelledby="trainings-h"><h2 id="trainings-h">${t.openTrainings}</h2>
${trainings.length > 0 ? html`<ul class="cards">${trainingCards}</ul>` : html`<p>${t.noOpenTrainings}</p>`}
</section>
<section aria-labelledby="feedback-h" class="notice"><h2 id="feedback-h">${t.feedbackTitle}</h2>
<p>${t.feedbackText}</p>
<p><a class="button" href="${sitePath(lang, '/feedback')}">${t.feedbackCta}</a></p>
</section>
<section aria-labelledby="hotline-h"><h2 id="hotline-h">${t.hotlineTitle}</h2><p>${t.hotlineText}</p></section>`;
}
