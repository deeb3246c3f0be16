import type { Lang } from './portal.chrome.ts';
import type { Published } from './portal.disclosure.ts';
import { NO_PLACE, type PublicFigures, REACH_COLUMNS, SEX_AGE, type SexAge } from './portal.figures.ts';
import { PAGE_TEXT } from './portal.messages.ts';

/**
 * Public datasets, as CSV and as HXL-tagged CSV (a row of hashtags under the header, for
 * humanitarian data tools). Aggregates only: each row is an oblast or a programme, never a person,
 * and every figure is the disclosure-controlled one the pages show (`x` where hidden).
 */
export const DATASETS = ['reach-by-oblast', 'reach-by-sex-age'] as const;
export type DatasetName = (typeof DATASETS)[number];

const HXL_SEX_AGE: Record<SexAge, string> = {
  f_0_17: '#reached+f+children',
  f_18_59: '#reached+f+adults',
  f_60_plus: '#reached+f+elderly',
  m_0_17: '#reached+m+children',
  m_18_59: '#reached+m+adults',
  m_60_plus: '#reached+m+elderly',
  other: '#reached+unknown',
};

/** One CSV field: quoted when needed; a leading = + - @ is defused so spreadsheets show it as text. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const cell = (p: Published) => (p.suppressed ? 'x' : p.value);

interface Table {
  header: string[];
  hxl: string[];
  rows: (string | number)[][];
}

function datasetTable(name: DatasetName, lang: Lang, f: PublicFigures): Table {
  const t = PAGE_TEXT[lang];
  if (name === 'reach-by-oblast') {
    return {
      header: ['pcode', 'name_en', 'name_uk', ...REACH_COLUMNS.map((c) => t.columns[c]), t.total],
      hxl: [
        '#adm1+code',
        '#adm1+name+i_en',
        '#adm1+name+i_uk',
        ...REACH_COLUMNS.map((c) => `#reached+ind+${c}`),
        '#reached+ind+total',
      ],
      rows: [
        ...f.rows.map((r, i) => [
          r.pcode === NO_PLACE ? '' : r.pcode,
          r.name?.en ?? PAGE_TEXT.en.noPlace,
          r.name?.uk ?? PAGE_TEXT.uk.noPlace,
          ...f.byOblast.cells[i]!.map(cell),
          cell(f.byOblast.rowTotals[i]!),
        ]),
        [
          '',
          PAGE_TEXT.en.total,
          PAGE_TEXT.uk.total,
          ...f.byOblast.colTotals.map(cell),
          cell(f.byOblast.total),
        ],
      ],
    };
  }
  return {
    header: ['programme', t.programme, ...SEX_AGE.map((k) => t.sexAge[k]), t.total],
    hxl: ['#sector+code', `#sector+name+i_${lang}`, ...SEX_AGE.map((k) => HXL_SEX_AGE[k]), '#reached+total'],
    rows: [
      ...REACH_COLUMNS.map((c, i) => [
        c,
        t.columns[c],
        ...f.bySexAge.cells[i]!.map(cell),
        cell(f.bySexAge.rowTotals[i]!),
      ]),
      ['', t.total, ...f.bySexAge.colTotals.map(cell), cell(f.bySexAge.total)],
    ],
  };
}

/** The dataset as CSV text (with a byte-order mark so spreadsheet programs read Cyrillic right). */
export function datasetCsv(name: DatasetName, lang: Lang, f: PublicFigures, hxl: boolean): string {
  const table = datasetTable(name, lang, f);
  const lines = [table.header, ...(hxl ? [table.hxl] : []), ...table.rows].map((row) =>
    row.map(csvField).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function datasetRows(name: DatasetName, lang: Lang, f: PublicFigures): number {
  return datasetTable(name, lang, f).rows.length;
}
