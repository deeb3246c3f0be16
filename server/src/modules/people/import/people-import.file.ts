import { crc32, inflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../../shared/app-error.ts';

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
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntries(bytes).map((e) => e.name);
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    throw unsupported('this is a ZIP archive but not an XLSX workbook');
  }
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
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: false,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new AppError(
      'UNPROCESSABLE',
      `the CSV cannot be read${e.lines ? ` near line ${e.lines}` : ''}: ${e.message.replace(/^Invalid \w+ \w+: /, '')}`,
    );
  }
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

// --------------------------------------------------------------------------------------------- XLSX

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

/** The central directory of a ZIP archive (no ZIP64: an upload is far below 4 GB). */
function zipEntries(buf: Buffer): ZipEntry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unsupported('this ZIP archive is damaged');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw unsupported('this ZIP archive is damaged');
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      offset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zipRead(buf: Buffer, entry: ZipEntry): Buffer {
  const p = entry.offset;
  if (buf.readUInt32LE(p) !== 0x04034b50) throw unsupported('this ZIP archive is damaged');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw unsupported(`this workbook uses an unknown compression (${entry.method})`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

/** The text of every `<t>` in a fragment, phonetic runs (`<rPh>`) left out. */
function textOf(fragment: string): string {
  const clean = fragment.includes('<rPh') ? fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : fragment;
  let out = '';
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Which cell styles show numbers as dates. */
function dateStyles(stylesXml: string | null): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g))
    custom.set(Number(m[1]), unescapeXml(m[2]!));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
    const code = custom.get(id);
    const looksLikeDate =
      BUILTIN_DATE_FORMATS.has(id) ||
      (code !== undefined && /[dy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')));
    if (looksLikeDate) out.add(index);
    index++;
  }
  return out;
}

/** An Excel serial day (1900 system) as YYYY-MM-DD; a time of day is dropped. */
export function excelSerialToDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function readXlsx(bytes: Buffer): TableRow[] {
  const entries = new Map(zipEntries(bytes).map((e) => [e.name, e]));
  const text = (name: string) => {
    const e = entries.get(name);
    return e ? zipRead(bytes, e).toString('utf8') : null;
  };
  const workbook = text('xl/workbook.xml') ?? '';
  const relId = /<sheet\b[^>]*?r:id="([^"]+)"/.exec(workbook)?.[1];
  let sheetPath = 'xl/worksheets/sheet1.xml';
  if (relId) {
    const rels = text('xl/_rels/workbook.xml.rels') ?? '';
    for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      if (new RegExp(`\\bId="${relId}"`).test(m[1]!)) {
        const target = /Target="([^"]+)"/.exec(m[1]!)?.[1];
        if (target) sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      }
    }
  }
  const sheetEntry = entries.get(sheetPath);
  if (!sheetEntry) throw new AppError('UNPROCESSABLE', 'the workbook has no worksheet');
  const shared: string[] = [];
  const sst = text('xl/sharedStrings.xml');
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(textOf(m[1] ?? ''));
  const dates = dateStyles(text('xl/styles.xml'));
  const sheet = zipRead(bytes, sheetEntry);

  const rows: TableRow[] = [];
  let nextRow = 1;
  // The sheet can be large: decode it a window at a time, cut at row ends.
  const endTag = Buffer.from('</row>');
  let from = 0;
  while (from < sheet.length) {
    let cut = sheet.indexOf(endTag, Math.min(sheet.length, from + 4 * 1024 * 1024));
    cut = cut < 0 ? sheet.length : cut + endTag.length;
    const chunk = sheet.toString('utf8', from, cut);
    from = cut;
    for (const rm of chunk.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const rowNumber = Number(/\br="(\d+)"/.exec(rm[1]!)?.[1] ?? nextRow);
      nextRow = rowNumber + 1;
      const cells: string[] = [];
      let nextCol = 0;
      for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = cm[1]!;
        const ref = /\br="([A-Z]+)\d*"/.exec(attrs)?.[1];
        const col = ref ? columnIndex(ref) : nextCol;
        nextCol = col + 1;
        const body = cm[2] ?? '';
        const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        let value = '';
        if (type === 's') value = v === undefined ? '' : (shared[Number(v)] ?? '');
        else if (type === 'inlineStr') value = textOf(body);
        else if (type === 'b') value = v === '1' ? 'true' : v === '0' ? 'false' : '';
        else if (type === 'e') value = '';
        else if (v !== undefined) {
          value = unescapeXml(v);
          const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? -1);
          if (type === 'n' && dates.has(style) && value !== '') {
            const serial = Number(value);
            if (Number.isFinite(serial) && serial > 0) value = excelSerialToDate(serial);
          }
        }
        while (cells.length < col) cells.push('');
        cells[col] = value;
      }
      rows.push({ row: rowNumber, cells });
    }
  }
  return rows;
}

/**
 * A minimal XLSX workbook (one sheet, inline strings) from rows of text: for tests, benchmarks and
 * anyone who needs a small sample file. Not a general writer.
 */
export function writeSimpleXlsx(rows: (string | number)[][]): Buffer {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const colName = (i: number) => {
    let s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const sheetRows = rows
    .map((cells, r) => {
      const cs = cells
        .map((v, c) =>
          typeof v === 'number'
            ? `<c r="${colName(c)}${r + 1}"><v>${v}</v></c>`
            : `<c r="${colName(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`,
        )
        .join('');
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join('');
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ],
    [
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
    ],
  ];
  return storedZip(files.map(([name, content]) => [name, Buffer.from(content, 'utf8')]));
}

/** A ZIP archive with uncompressed entries. */
function storedZip(files: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
