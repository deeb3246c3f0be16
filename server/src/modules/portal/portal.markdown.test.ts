import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText, renderMarkdown } from './portal.markdown.ts';

const md = (s: string) => renderMarkdown(s).value;

describe('Markdown for pages and stories', () => {
  it('renders the subset: headings, paragraphs, emphasis, links, lists, quotes, rules, code', () => {
    const out = md(
      [
        '# Who we are',
        '',
        'We help **displaced families** and _host communities_ in *every* oblast.',
        'Read [our report](https://example.org/report.pdf) or <https://example.org>.',
        '',
        '- registration',
        '- grants and `trainings`',
        '',
        '1. apply',
        '2. wait',
        '',
        '> A quote',
        '',
        '---',
        '### Smaller',
      ].join('\n'),
    );
    expect(out).toBe(
      [
        '<h2>Who we are</h2>',
        '<p>We help <strong>displaced families</strong> and <em>host communities</em> in <em>every</em> oblast. ' +
          'Read <a href="https://example.org/report.pdf">our report</a> or <a href="https://example.org">https://example.org</a>.</p>',
        '<ul><li>registration</li><li>grants and <code>trainings</code></li></ul>',
        '<ol><li>apply</li><li>wait</li></ol>',
        '<blockquote><p>A quote</p></blockquote>',
        '<hr>',
        '<h3>Smaller</h3>',
      ].join('\n'),
    );
  });

  it('neutralises a script in a story body: raw HTML is shown as text, never run', () => {
    const out = md(
      'Hello <script>alert(document.cookie)</script>\n\n<img src=x onerror="alert(1)">\n\n<a href="javascript:alert(1)">x</a>',
    );
    expect(out).not.toMatch(/<script|<img|<a href="javascript/i);
    expect(out).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('drops javascript:, data: and other unsafe link targets', () => {
    for (const target of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:x',
      '//evil.example',
    ]) {
      const out = md(`[click](${target})`);
      expect(out).toBe('<p><a href="#">click</a></p>');
    }
    // An entity is not decoded in Markdown: this is the relative address "java&" with a fragment.
    expect(md('[x](java&#115;cript:alert(1))')).toBe('<p><a href="java&amp;#115;cript:alert(1)">x</a></p>');
    expect(md('[mail](mailto:info@example.org)')).toBe('<p><a href="mailto:info@example.org">mail</a></p>');
    expect(md('[next](/uk/stories)')).toBe('<p><a href="/uk/stories">next</a></p>');
  });

  it('a link text or a code span cannot smuggle markup either', () => {
    expect(md('[<b onclick=x>hi</b>](https://example.org)')).toBe(
      '<p><a href="https://example.org">&lt;b onclick=x&gt;hi&lt;/b&gt;</a></p>',
    );
    expect(md('`<script>`')).toBe('<p><code>&lt;script&gt;</code></p>');
    expect(md('```\n<script>x</script>\n```')).toBe('<pre><code>&lt;script&gt;x&lt;/script&gt;</code></pre>');
    expect(md('[x](https://example.org/" onmouseover="alert(1))')).not.toContain('" onmouseover');
  });

  it('keeps snake_case words and Cyrillic intact', () => {
    expect(md('file_name_here та _курсив_')).toBe('<p>file_name_here та <em>курсив</em></p>');
  });

  it('property: whatever the source, the output has only the elements of the subset and no handlers', () => {
    const allowed = new Set([
      'p',
      'h2',
      'h3',
      'h4',
      'strong',
      'em',
      'code',
      'pre',
      'a',
      'ul',
      'ol',
      'li',
      'blockquote',
      'hr',
    ]);
    const pieces = fc.constantFrom(
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      'javascript:',
      '"',
      "'",
      '[',
      ']',
      '(',
      ')',
      '*',
      '_',
      '`',
      '#',
      '>',
      '-',
      '\n',
      ' ',
      'text',
      'https://x.org',
      '<',
      'onload=',
      '&',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const out = md(parts.join(''));
        for (const tag of out.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
          expect(allowed.has(tag[1]!.toLowerCase())).toBe(true);
          const attrs = tag[2]!.trim();
          // The only attribute ever written is a link's href, and its scheme is never a script's:
          // "javascript:" may appear inside an https address as text, which is harmless.
          if (attrs !== '') {
            expect(attrs).toMatch(/^href="[^"]*"$/);
            const href = [...attrs.slice('href="'.length, -1).replace(/&amp;/g, '&')]
              .filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f)
              .join('')
              .toLowerCase();
            const scheme = /^([a-z][a-z0-9+.-]*):/.exec(href)?.[1];
            expect(scheme === undefined || ['http', 'https', 'mailto', 'tel'].includes(scheme)).toBe(true);
          }
        }
      }),
      { numRuns: 500, examples: [[['<', 'https://x.org', 'javascript:', '<script>']]] },
    );
  });
});

describe('plainText', () => {
  it('strips markup and shortens on a word boundary', () => {
    expect(plainText('## Title\n\n**Bold** and [a link](https://x.org).')).toBe('Title Bold and a link.');
    const long = plainText('word '.repeat(100), 30);
    expect(long.length).toBeLessThanOrEqual(30);
    expect(long.endsWith('…')).toBe(true);
  });
});
