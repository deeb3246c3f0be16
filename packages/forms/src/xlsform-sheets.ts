import {
  defaultFileSettings,
  type FileKind,
  type FileSettings,
  type FormLanguage,
  type FormProblem,
  type FormText,
} from '@oselia/contracts';

/** Reading XLSForm sheets: rows, translated columns, names, file settings. */

/** One spreadsheet row: its number in the sheet (header = 1) and its cells by column header. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

export interface XlsForm {
  survey: SheetRow[];
  choices: SheetRow[];
  settings?: SheetRow[] | undefined;
}

/** Rows of a sheet read as a table (first row = headers); empty rows are left out. */
export function sheetRows(table: readonly (readonly string[])[]): SheetRow[] {
  const header = (table[0] ?? []).map((h) => h.trim());
  const rows: SheetRow[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells: Record<string, string> = {};
    let empty = true;
    header.forEach((h, c) => {
      const value = (table[r]?.[c] ?? '').trim();
      if (h === '') return;
      cells[h] = value;
      if (value !== '') empty = false;
    });
    if (!empty) rows.push({ row: r + 1, cells });
  }
  return rows;
}

/** Rows of the metadata types Kobo and ODK add on their own; they ask the applicant nothing. */
export const metadataTypes = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
  'caseid',
  'start-geopoint',
  'background-audio',
  'uri:email',
  'uri:deviceid',
  'uri:username',
  'uri:phonenumber',
]);

export const UK_COLUMN = 'Ukrainian (uk)';
export const EN_COLUMN = 'English (en)';

/** The language of a column suffix such as `Ukrainian (uk)`, `English (en)`, `uk`; null for others. */
export function columnLanguage(suffix: string): FormLanguage | null {
  const s = suffix.trim().toLowerCase();
  if (/\((uk|ua|ukr)\)/.test(s) || /^(uk|ua|ukr|ukrainian|українська)\b/.test(s)) return 'uk';
  if (/\((en|eng)\)/.test(s) || /^(en|eng|english|англійська)\b/.test(s)) return 'en';
  return null;
}

export const cyrillic = /[\u0400-\u04FF]/;

export class Columns {
  /** For a base column (label, hint, …): the header holding each language, and the plain one. */
  constructor(private readonly headers: Set<string>) {}

  private find(base: string): { plain?: string; uk?: string; en?: string } {
    const found: { plain?: string; uk?: string; en?: string } = {};
    for (const h of this.headers) {
      const lower = h.toLowerCase();
      if (lower === base) found.plain = h;
      else if (lower.startsWith(`${base}::`)) {
        const lang = columnLanguage(h.slice(base.length + 2));
        if (lang && !found[lang]) found[lang] = h;
      }
    }
    return found;
  }

  languagesOf(base: string): FormLanguage[] {
    const f = this.find(base);
    return (['uk', 'en'] as const).filter((l) => f[l] !== undefined);
  }

  hasPlain(base: string): boolean {
    return this.find(base).plain !== undefined;
  }

  text(cells: Record<string, string>, base: string): FormText | undefined {
    const f = this.find(base);
    const plain = f.plain ? (cells[f.plain] ?? '') : '';
    const ukText = (f.uk ? cells[f.uk] : '') || plain;
    const enText = (f.en ? cells[f.en] : '') || plain;
    // A text given in one language only stands in for the other.
    const uk = ukText || enText || '';
    const en = enText || ukText || '';
    return uk === '' && en === '' ? undefined : { uk, en };
  }

  cell(cells: Record<string, string>, base: string): string {
    const f = this.find(base);
    return f.plain ? (cells[f.plain] ?? '') : '';
  }
}

export function headersOf(rows: readonly SheetRow[]): Set<string> {
  const headers = new Set<string>();
  for (const r of rows) for (const h of Object.keys(r.cells)) headers.add(h);
  return headers;
}

/** An XLSForm name as a question name: lower case, [a-z0-9_], starting with a letter. */
export function questionNameOf(xlsName: string): string {
  let name = xlsName
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  if (!/^[a-z]/.test(name)) name = `q_${name}`;
  return name.slice(0, 64);
}

const fileKinds: Record<string, FileKind> = {
  pdf: 'pdf',
  'application/pdf': 'pdf',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  'image/jpeg': 'jpeg',
  png: 'png',
  'image/png': 'png',
};

export function parameters(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[\s;]+/)) {
    const [k, v] = part.split('=');
    if (k && v) out[k.trim().toLowerCase()] = v.trim();
  }
  return out;
}

export function fileSettings(
  kind: 'file' | 'image',
  accept: string,
  params: Record<string, string>,
): FileSettings {
  let kinds: FileKind[] = kind === 'image' ? ['jpeg', 'png'] : [...defaultFileSettings.accept];
  if (accept.trim() !== '') {
    const listed = accept
      .split(/[\s,]+/)
      .map((a) => fileKinds[a.replace(/^\./, '').toLowerCase()])
      .filter((k): k is FileKind => k !== undefined);
    if (listed.length) kinds = defaultFileSettings.accept.filter((k) => listed.includes(k));
  }
  const maxFiles = Number(params['max-files']);
  const maxBytes = Number(params['max-size']);
  return {
    accept: kinds,
    maxFiles:
      Number.isInteger(maxFiles) && maxFiles >= 1 && maxFiles <= 20 ? maxFiles : defaultFileSettings.maxFiles,
    maxBytes:
      Number.isInteger(maxBytes) && maxBytes >= 1 && maxBytes <= 50 * 1024 * 1024
        ? maxBytes
        : defaultFileSettings.maxBytes,
  };
}

export const truthy = /^(yes|true|true\(\)|1)$/i;

export function problemAt(
  sheet: string,
  row: number,
  column: string,
  code: FormProblem['code'],
  uk: string,
  en: string,
): FormProblem {
  return {
    path: `${sheet}.${row}${column ? `.${column}` : ''}`,
    code,
    message: { uk: `Аркуш ${sheet}, рядок ${row}: ${uk}`, en: `Sheet ${sheet}, row ${row}: ${en}` },
    sheet,
    row,
  };
}
