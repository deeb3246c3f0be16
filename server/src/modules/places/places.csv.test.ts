import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error.ts';
import { parseAdminUnitsCsv } from './places.csv.ts';

const HEADER = 'pcode,admin_level,parent_pcode,name_en,name_uk,lat,lon';

describe('parseAdminUnitsCsv', () => {
  it('reads the shipped file: 27 oblasts first, every parent known', () => {
    const text = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../assets/ukraine-admin-units.csv'),
      'utf8',
    );
    const { rows, reattached } = parseAdminUnitsCsv(text);
    expect(rows).toHaveLength(31_640);
    expect(rows.slice(0, 27).every((r) => r.level === 1)).toBe(true);
    const known = new Set(rows.map((r) => r.pcode));
    expect(rows.every((r) => r.parent_pcode === null || known.has(r.parent_pcode))).toBe(true);
    expect(reattached).toBe(31);
  });

  it('handles quoted names with commas', () => {
    const { rows } = parseAdminUnitsCsv(`${HEADER}\nUA05,1,,"Vinnytska, oblast",Вінницька,48.9,28.6\n`);
    expect(rows[0]).toMatchObject({ pcode: 'UA05', name_en: 'Vinnytska, oblast', lat: 48.9 });
  });

  it('refuses a bad file whole, naming every bad line', () => {
    const text = `${HEADER}\nUA05,1,,Vinnytska,Вінницька,,\nUA0502,2,UA07,X,Х,,\nUA99,3,,Y,У,,\nUA05,1,,Again,Знову,,\n`;
    try {
      parseAdminUnitsCsv(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details).toEqual({
        problems: [
          'line 3: parent "UA07" does not contain UA0502',
          'line 4: "UA99" is not a level-3 P-code',
          'line 5: UA05 appears twice',
        ],
      });
    }
    expect(() => parseAdminUnitsCsv('pcode,name\n')).toThrow(/header/);
  });
});
