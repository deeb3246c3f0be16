import Papa from 'papaparse';
import { AppError } from '../../../shared/app-error.ts';
import { readXlsxSheet, XlsxError, zipKind } from '../../../shared/xlsx.ts';

export { excelSerialToDate, writeSimpleXlsx } from '../../../shared/xlsx.ts';

/**
 * Reading an uploaded table: CSV (UTF-8, with or without a byte-order mark, comma, semicolon or
 * tab between fields) or an XLSX workbook (its first sheet). What the file is comes from its bytes,
 * never from its name or the declared content type.
 */

export type FileFormat = 'csv' | 'xlsx';

export interface TableRow {
  /** The row as numbered in the file: the header is row 1. */
  row: number;
  cells: string[];
}

export interface Table {
  columns: string[];
  rows: TableRow[];
}

const unsupported = (what: string) =>
  new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `${what}: upload a CSV file (UTF-8, comma or semicolon separated) or an XLSX workbook`,
  );

const startsWith = (b: Uint8Array, bytes: number[]) => bytes.every((v, i) => b[i] === v);

/** Formats we know by their first bytes and refuse, so the message can say what was sent. */
const KNOWN_BINARY: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['an old Excel (XLS) or Word file', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/** Decides the format from the content; refuses anything else with 415. */
export function detectFormat(bytes: Buffer): FileFormat {
  if (bytes.length === 0) throw new AppError('BAD_REQUEST', 'the file is empty');
  const zip = xlsxCall(() => zipKind(bytes));
  if (zip === 'xlsx') return 'xlsx';
  if (zip === 'zip') throw unsupported('this is a ZIP archive but not an XLSX workbook');
  for (const [what, magic] of KNOWN_BINARY)
    if (startsWith(bytes, magic)) throw unsupported(`this is ${what}`);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    throw unsupported('this text is UTF-16; save it as UTF-8');
  const probe = bytes.subarray(0, 64 * 1024);
  if (probe.includes(0)) throw unsupported('this is a binary file');
  return 'csv';
}

export function readTable(bytes: Buffer, format: FileFormat): Table {
  const raw = format === 'csv' ? readCsv(bytes) : readXlsx(bytes);
  return withHeader(raw);
}

/** The first non-empty row names the columns; blank or repeated names get a number. */
function withHeader(raw: TableRow[]): Table {
  const headerAt = raw.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerAt < 0) throw new AppError('BAD_REQUEST', 'the file has no header row');
  const seen = new Map<string, number>();
  const columns = raw[headerAt]!.cells.map((c, i) => {
    const name = c.trim() || `column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  const rows = raw.slice(headerAt + 1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { columns, rows };
}

// ---------------------------------------------------------------------------------------------- CSV

/** The separator is whichever of comma, semicolon or tab the header line holds most of. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

function readCsv(bytes: Buffer): TableRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw unsupported('this text is not UTF-8 (save the file as "CSV UTF-8")');
  }
  // Papa Parse reads a file of this size about four times faster than csv-parse did. A quote inside
  // an unquoted field is kept as a letter, as spreadsheets do; a quoted field left open, or text
  // right after its closing quote, makes the file unreadable.
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  if (broken) {
    const where = broken.row === undefined ? '' : ` near row ${broken.row + 1}`;
    const what =
      broken.code === 'MissingQuotes'
        ? 'a quoted field is not closed'
        : 'a quoted field has text after its closing quote';
    throw new AppError('UNPROCESSABLE', `the CSV cannot be read${where}: ${what}`);
  }
  const records = parsed.data;
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

// --------------------------------------------------------------------------------------------- XLSX

/** Runs the shared XLSX reader, turning its errors into this import's messages. */
function xlsxCall<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    throw error.kind === 'unsupported'
      ? unsupported(error.message)
      : new AppError('UNPROCESSABLE', error.message);
  }
}

/** The first sheet of the workbook. */
function readXlsx(bytes: Buffer): TableRow[] {
  return xlsxCall(() => readXlsxSheet(bytes));
}
