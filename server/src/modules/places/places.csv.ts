import { parseCsv } from '@oselia/matching';
import type { AdminUnitRow } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';

const HEADER = 'pcode,admin_level,parent_pcode,name_en,name_uk,lat,lon';
const PCODE_LENGTH: Record<number, number> = { 1: 4, 2: 6, 3: 9, 4: 12 };

/**
 * Parses the admin-units CSV (see server/assets/PROVENANCE.md) and checks every row, so a bad
 * file is refused whole with the line numbers at fault.
 */
export function parseAdminUnitsCsv(text: string): { rows: AdminUnitRow[]; reattached: number } {
  let records: { fields: string[]; line: number }[];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `the admin-units file is not valid CSV: ${(error as Error).message}`,
    );
  }
  if (records[0]?.fields.join(',').trim() !== HEADER) {
    throw new AppError('VALIDATION_FAILED', `the header must be "${HEADER}"`);
  }
  const rows: AdminUnitRow[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { fields: f, line: lineNo } of records.slice(1)) {
    if (f.length === 1 && f[0]!.trim() === '') continue;
    if (f.length !== 7) {
      problems.push(`line ${lineNo}: expected 7 fields, found ${f.length}`);
      continue;
    }
    const [pcode, levelText, parent, nameEn, nameUk, lat, lon] = f as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const level = Number(levelText);
    if (!(level >= 1 && level <= 4) || !/^UA\d+$/.test(pcode) || pcode.length !== PCODE_LENGTH[level]) {
      problems.push(`line ${lineNo}: "${pcode}" is not a level-${levelText} P-code`);
      continue;
    }
    if (level > 1 && !(parent && pcode.startsWith(parent) && parent.length === PCODE_LENGTH[level - 1])) {
      problems.push(`line ${lineNo}: parent "${parent}" does not contain ${pcode}`);
      continue;
    }
    if (!nameEn || !nameUk) {
      problems.push(`line ${lineNo}: both names are required`);
      continue;
    }
    if (seen.has(pcode)) {
      problems.push(`line ${lineNo}: ${pcode} appears twice`);
      continue;
    }
    seen.add(pcode);
    const num = (v: string) => (v === '' ? null : Number(v));
    rows.push({
      pcode,
      level,
      parent_pcode: level === 1 ? null : parent,
      name_en: nameEn,
      name_uk: nameUk,
      lat: num(lat),
      lon: num(lon),
    });
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${problems.length} bad rows in the admin-units file`, {
      problems: problems.slice(0, 100),
    });
  }
  // The source lists a few settlements whose hromada it lacks (in Crimea): they hang from the
  // nearest ancestor the file has, so nothing is dropped.
  let reattached = 0;
  for (const r of rows) {
    let parent = r.parent_pcode;
    while (parent && !seen.has(parent)) parent = ancestorOf(parent);
    if (parent !== r.parent_pcode) {
      r.parent_pcode = parent;
      reattached++;
    }
  }
  // Parents before children, so every batch can reference earlier ones.
  rows.sort((a, b) => a.level - b.level || a.pcode.localeCompare(b.pcode));
  return { rows, reattached };
}

const ANCESTOR_LENGTH: Record<number, number> = { 12: 9, 9: 6, 6: 4 };
function ancestorOf(pcode: string): string | null {
  const n = ANCESTOR_LENGTH[pcode.length];
  return n ? pcode.slice(0, n) : null;
}
