import { type Html, html, joinHtml, safeHref } from './portal.html.ts';

/**
 * The Markdown that pages and stories are written in, rendered to safe HTML. A small subset, built
 * so that it cannot produce anything else: every character of the source ends up escaped text or
 * inside one of the elements below; raw HTML in the source is shown as text; link targets pass
 * `safeHref` (no `javascript:`, `data:` …).
 *
 * Blocks: paragraphs, headings (`#`/`##` → h2, `###` → h3, deeper → h4: the page has its own h1),
 * bullet and numbered lists, block quotes, `---` rules, fenced code.
 * Inline: **strong**, *emphasis* / _emphasis_, `code`, [links](https://…) and <https://…> links.
 */
export function renderMarkdown(source: string): Html {
  return renderBlocks(source.replace(/\r\n?/g, '\n').split('\n'));
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(```+|~~~+)/;

function renderBlocks(lines: string[]): Html {
  const out: Html[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(fence[1]!)) body.push(lines[i++]!);
      i++;
      out.push(html`<pre><code>${body.join('\n')}</code></pre>`);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(Math.max(heading[1]!.length, 2), 4);
      const text = inline(heading[2]!);
      out.push(
        level === 2 ? html`<h2>${text}</h2>` : level === 3 ? html`<h3>${text}</h3>` : html`<h4>${text}</h4>`,
      );
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push(html`<hr>`);
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) inner.push(QUOTE.exec(lines[i++]!)![1]!);
      out.push(html`<blockquote>${renderBlocks(inner)}</blockquote>`);
      continue;
    }
    const listKind = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (listKind) {
      const items: string[][] = [];
      while (i < lines.length) {
        const l = lines[i]!;
        const item = listKind.exec(l);
        if (item) items.push([item[1]!]);
        else if (l.trim() !== '' && /^\s{2,}/.test(l) && items.length > 0)
          items[items.length - 1]!.push(l.trim());
        else break;
        i++;
      }
      const lis = items.map((parts) => html`<li>${inline(parts.join(' '))}</li>`);
      out.push(listKind === BULLET ? html`<ul>${lis}</ul>` : html`<ol>${lis}</ol>`);
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() !== '' &&
      !HEADING.test(lines[i]!) &&
      !FENCE.test(lines[i]!) &&
      !QUOTE.test(lines[i]!) &&
      !BULLET.test(lines[i]!) &&
      !NUMBERED.test(lines[i]!) &&
      !RULE.test(lines[i]!)
    ) {
      para.push(lines[i++]!.trim());
    }
    out.push(html`<p>${inline(para.join(' '))}</p>`);
  }
  return joinHtml(out, '\n');
}

const INLINE =
  /(`+)(.+?)\1|\*\*(.+?)\*\*|__(.+?)__|\*(?=\S)(.+?)\*|(?<![\p{L}\p{N}])_(?=\S)(.+?)_(?![\p{L}\p{N}])|\[([^\]]+)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)>?(?:\s+"[^"]*")?\s*\)|<(https?:\/\/[^\s>]+)>/gu;

/** Inline Markdown to HTML: the text between matches is escaped, matches become elements. */
export function inline(text: string): Html {
  const parts: Html[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    parts.push(html`${text.slice(last, m.index)}`);
    if (m[2] !== undefined) parts.push(html`<code>${m[2]}</code>`);
    else if (m[3] !== undefined || m[4] !== undefined)
      parts.push(html`<strong>${inline(m[3] ?? m[4]!)}</strong>`);
    else if (m[5] !== undefined || m[6] !== undefined) parts.push(html`<em>${inline(m[5] ?? m[6]!)}</em>`);
    else if (m[7] !== undefined) parts.push(html`<a href="${safeHref(m[8]!)}">${inline(m[7])}</a>`);
    else parts.push(html`<a href="${safeHref(m[9]!)}">${m[9]}</a>`);
    last = m.index + m[0].length;
  }
  parts.push(html`${text.slice(last)}`);
  return joinHtml(parts);
}

/** The words of a Markdown text without its markup, for descriptions and feed summaries. */
export function plainText(source: string, maxLength = 300): string {
  const text = source
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[\s>#*+-]+|\d+[.)]\s+/gm, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2))}…`;
}
