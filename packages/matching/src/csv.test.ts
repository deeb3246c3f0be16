import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvChunkParser, CsvError, parseCsv } from './csv.ts';

describe('CsvChunkParser', () => {
  it('parses quotes, escaped quotes, CRLF and quoted line breaks', () => {
    const rows = parseCsv('a,b,c\r\n1,"x, y","he said ""hi"""\n2,"two\nlines",\n3,,"",last');
    expect(rows.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'he said "hi"'],
      ['2', 'two\nlines', ''],
      ['3', '', '', 'last'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it('reports an unterminated quote with the line where the record starts', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    } catch (e) {
      expect((e as CsvError).line).toBe(3);
    }
  });

  it('rejects a quote inside an unquoted field', () => {
    expect(() => parseCsv('a,b\n1,x"y\n')).toThrow(/line 2/);
  });

  it('gives the same rows however the text is cut into chunks (property)', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-zа-я0-9 ]{0,6}$/),
      fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const row = fc.array(field, { minLength: 1, maxLength: 4 }).map((f) => f.join(','));
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, cuts) => {
          const text = `${rows.join('\n')}\n`;
          const whole = parseCsv(text);
          const got: Array<{ fields: string[]; line: number }> = [];
          const p = new CsvChunkParser((fields, line) => got.push({ fields, line }));
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
          let prev = 0;
          for (const c of points) {
            p.feed(text.slice(prev, c));
            prev = c;
          }
          p.feed(text.slice(prev));
          p.end();
          expect(got).toEqual(whole);
        },
      ),
    );
  });
});
