import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error.ts';
import { detectFormat, readTable } from './people-import.file.ts';

const csv = (text: string) => readTable(Buffer.from(text, 'utf8'), 'csv');

function refusal(read: () => unknown): AppError {
  try {
    read();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was read');
}

describe('reading a CSV upload', () => {
  it('reads quoted fields with separators, line breaks and doubled quotes', () => {
    const table = csv(
      'family_name,given_name,note\r\n"Шевченко","Олександр","a, b"\r\nКоваль,Ірина,"two\nlines and ""quoted"""\r\n',
    );
    expect(table.columns).toEqual(['family_name', 'given_name', 'note']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['Шевченко', 'Олександр', 'a, b'] },
      { row: 3, cells: ['Коваль', 'Ірина', 'two\nlines and "quoted"'] },
    ]);
  });

  it('drops a byte-order mark, finds semicolons and tabs, and numbers rows as the file does', () => {
    const semicolons = csv('\uFEFFпрізвище;ім’я\n\nБондар;Марія\n;\nЛисенко;Петро\n');
    expect(semicolons.columns).toEqual(['прізвище', 'ім’я']);
    // Blank lines are skipped but still counted, so row numbers match what a spreadsheet shows.
    expect(semicolons.rows).toEqual([
      { row: 3, cells: ['Бондар', 'Марія'] },
      { row: 5, cells: ['Лисенко', 'Петро'] },
    ]);
    const tabs = csv('a\tb\n1\t2');
    expect(tabs.rows).toEqual([{ row: 2, cells: ['1', '2'] }]);
  });

  it('names blank and repeated headers, and keeps short and long rows', () => {
    const table = csv('name,,name\nx\ny,z,w,extra\n');
    expect(table.columns).toEqual(['name', 'column 2', 'name (2)']);
    expect(table.rows.map((r) => r.cells)).toEqual([['x'], ['y', 'z', 'w', 'extra']]);
  });

  it('keeps a quote inside an unquoted field as a letter', () => {
    expect(csv('name\nO"Brien\n').rows[0]!.cells).toEqual(['O"Brien']);
  });

  it('refuses a quoted field that is never closed, saying where', () => {
    const error = refusal(() => csv('a,b\n1,2\n3,"open\n4,5\n'));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toMatch(/cannot be read near row 3: a quoted field is not closed/);
  });

  it('refuses text after a closing quote', () => {
    const error = refusal(() => csv('a,b\n"x"y,2\n'));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toMatch(/near row 2: a quoted field has text after its closing quote/);
  });

  it('refuses text that is not UTF-8, and a file with no header', () => {
    const latin1 = Buffer.from([0x61, 0x0a, 0xe9, 0x0a]);
    expect(refusal(() => readTable(latin1, 'csv')).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(refusal(() => csv('\n\n,\n')).message).toMatch(/no header row/);
  });

  it('tells the format from the bytes', () => {
    expect(detectFormat(Buffer.from('a,b\n1,2'))).toBe('csv');
    expect(refusal(() => detectFormat(Buffer.from('%PDF-1.7'))).message).toMatch(/PDF/);
    expect(refusal(() => detectFormat(Buffer.alloc(0))).code).toBe('BAD_REQUEST');
  });
});
