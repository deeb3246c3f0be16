import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, Html, html, joinHtml, raw, safeHref } from './portal.html.ts';

/** What a browser makes of escaped text: the entities this module writes, back to characters. */
function decodeEntities(text: string) {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&');
}

describe('html tagged template', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const evil = `<script>alert("x")</script>' onmouseover='steal()' \`&`;
    const out = html`<p title="${evil}">${evil}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).not.toContain(`"x"`);
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;steal()&#39; &#96;&amp;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;steal()&#39; &#96;&amp;</p>',
    );
  });

  it('nests fragments as markup, escapes arrays item by item and drops empty values', () => {
    const items = ['a<b', html`<b>bold</b>`, 3, null, undefined, false, true];
    const out = html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
    expect(out.value).toBe(
      '<ul><li>a&lt;b</li><li><b>bold</b></li><li>3</li><li></li><li></li><li></li><li></li></ul>',
    );
    expect(html`${false && html`<i>hidden</i>`}${0}`.value).toBe('0');
  });

  it('inserts raw() fragments unchanged, and joinHtml escapes its separator', () => {
    expect(html`<div>${raw('<svg></svg>')}</div>`.value).toBe('<div><svg></svg></div>');
    expect(joinHtml(['x', html`<br>`, 'y'], ' & ').value).toBe('x &amp; <br> &amp; y');
    expect(String(html`<p>${'ok'}</p>`)).toBe('<p>ok</p>');
  });

  it('for any text, the escaped form has no markup characters and reads back as the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = html`<p>${text}</p>`.value;
        const inner = out.slice(3, -4);
        expect(inner).not.toMatch(/[<>"'`]/);
        expect(decodeEntities(inner)).toBe(text);
        expect(inner).toBe(escapeHtml(text));
      }),
    );
  });

  it('an interpolated value can never close the attribute it sits in', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const out = html`<a href="/x" title="${a}" data-b='${b}'>t</a>`.value;
        // Exactly the quotes the template wrote remain.
        expect(out.match(/"/g)?.length).toBe(4);
        expect(out.match(/'/g)?.length).toBe(2);
      }),
    );
  });

  it('Html values are not strings: a string that looks like markup stays text', () => {
    const looksLikeHtml = '<b>not bold</b>';
    expect(html`${looksLikeHtml}`.value).toBe('&lt;b&gt;not bold&lt;/b&gt;');
    expect(html`${new Html(looksLikeHtml)}`.value).toBe(looksLikeHtml);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.org/a?b=1#c', 'https://example.org/a?b=1#c'],
    ['http://example.org', 'http://example.org'],
    ['mailto:info@example.org', 'mailto:info@example.org'],
    ['tel:+380800000000', 'tel:+380800000000'],
    ['/uk/stories', '/uk/stories'],
    ['#main', '#main'],
    ['?page=2', '?page=2'],
    ['stories/cafe', 'stories/cafe'],
  ])('keeps %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    '//evil.example/',
    '/\\evil.example/',
    'file:///etc/passwd',
    '',
    '   ',
  ])('refuses %j', (input) => {
    expect(safeHref(input)).toBe('#');
  });

  it('never lets a javascript: scheme through, however it is spelled', () => {
    const junk = fc.constantFrom('', ' ', '\t', '\n', '\r', '\u0000', '\u001f');
    fc.assert(
      fc.property(
        fc.tuple(...[...'javascript'].map((c) => fc.tuple(fc.constant(c), fc.boolean(), junk))),
        junk,
        (letters, lead) => {
          const word = letters.map(([c, upper, j]) => (upper ? c.toUpperCase() : c) + j).join('');
          expect(safeHref(`${lead}${word}:alert(1)`)).toBe('#');
        },
      ),
    );
  });
});
