import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Reading XLSX workbooks (Office Open XML spreadsheets) without a dependency: the ZIP container,
 * the workbook's sheets by name, shared and inline strings, numbers, booleans, dates as ISO
 * (YYYY-MM-DD), empty cells as ''. And a minimal writer for tests and sample files.
 */

/** Why a workbook could not be read; callers turn it into their own error. */
export class XlsxError extends Error {
  constructor(
    message: string,
    /** `unsupported`: not a readable workbook at all; `unprocessable`: a workbook without what we need. */
    readonly kind: 'unsupported' | 'unprocessable',
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

export interface SheetTableRow {
  /** The row as numbered in the sheet (1 = first row). */
  row: number;
  cells: string[];
}

export interface Sheet {
  name: string;
  rows: SheetTableRow[];
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

const damaged = () => new XlsxError('this ZIP archive is damaged', 'unsupported');

/** The central directory of a ZIP archive (no ZIP64: an upload is far below 4 GB). */
function zipEntries(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) throw damaged();
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw damaged();
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
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw damaged();
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) {
    try {
      return inflateRawSync(data);
    } catch {
      throw damaged();
    }
  }
  throw new XlsxError(`this workbook uses an unknown compression (${entry.method})`, 'unsupported');
}

const startsWithZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** `xlsx` for a workbook, `zip` for another ZIP archive, null for anything else. */
export function zipKind(bytes: Buffer): 'xlsx' | 'zip' | null {
  if (!startsWithZip(bytes)) return null;
  return zipEntries(bytes).some((e) => e.name === 'xl/workbook.xml') ? 'xlsx' : 'zip';
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

/** An opened workbook: its sheets in order, each read on demand. */
export class XlsxWorkbook {
  private readonly entries: Map<string, ZipEntry>;
  private shared: string[] | null = null;
  private dates: Set<number> | null = null;
  /** Sheet names in workbook order, with the archive path of each. */
  readonly sheets: { name: string; path: string }[];

  constructor(private readonly bytes: Buffer) {
    if (!startsWithZip(bytes)) throw new XlsxError('this is not an XLSX workbook', 'unsupported');
    this.entries = new Map(zipEntries(bytes).map((e) => [e.name, e]));
    const workbook = this.text('xl/workbook.xml');
    if (workbook === null)
      throw new XlsxError('this is a ZIP archive but not an XLSX workbook', 'unsupported');
    const targets = new Map<string, string>();
    for (const m of (this.text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const id = /\bId="([^"]+)"/.exec(m[1]!)?.[1];
      const target = /Target="([^"]+)"/.exec(m[1]!)?.[1];
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    this.sheets = [];
    let n = 0;
    for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
      n++;
      const name = unescapeXml(/\bname="([^"]*)"/.exec(m[1]!)?.[1] ?? `Sheet${n}`);
      const relId = /\br:id="([^"]+)"/.exec(m[1]!)?.[1];
      const path = (relId && targets.get(relId)) || `xl/worksheets/sheet${n}.xml`;
      this.sheets.push({ name, path });
    }
  }

  private text(name: string): string | null {
    const e = this.entries.get(name);
    return e ? zipRead(this.bytes, e).toString('utf8') : null;
  }

  private sharedStrings(): string[] {
    if (this.shared === null) {
      this.shared = [];
      const sst = this.text('xl/sharedStrings.xml');
      if (sst)
        for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) this.shared.push(textOf(m[1] ?? ''));
    }
    return this.shared;
  }

  private dateStyles(): Set<number> {
    if (this.dates === null) this.dates = dateStyles(this.text('xl/styles.xml'));
    return this.dates;
  }

  /** The sheet of that name (case-insensitive), else null; without a name the first sheet. */
  sheet(name?: string): Sheet | null {
    const found =
      name === undefined
        ? this.sheets[0]
        : this.sheets.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());
    if (!found) return null;
    const entry = this.entries.get(found.path);
    if (!entry) return null;
    return { name: found.name, rows: this.readRows(zipRead(this.bytes, entry)) };
  }

  /** Every sheet, in workbook order. */
  allSheets(): Sheet[] {
    return this.sheets.map((s) => this.sheet(s.name)).filter((s): s is Sheet => s !== null);
  }

  private readRows(sheet: Buffer): SheetTableRow[] {
    const shared = this.sharedStrings();
    const dates = this.dateStyles();
    const rows: SheetTableRow[] = [];
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
}

/** The rows of one sheet (the first when no name is given); unknown name → XlsxError. */
export function readXlsxSheet(bytes: Buffer, name?: string): SheetTableRow[] {
  const sheet = new XlsxWorkbook(bytes).sheet(name);
  if (!sheet) {
    throw new XlsxError(
      name ? `the workbook has no sheet "${name}"` : 'the workbook has no worksheet',
      'unprocessable',
    );
  }
  return sheet.rows;
}

// ------------------------------------------------------------------------------------------ writing

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(rows: (string | number)[][]): string {
  const body = rows
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
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/**
 * A minimal XLSX workbook (inline strings, no styles) with named sheets: for tests, benchmarks and
 * sample files. Not a general writer.
 */
export function writeXlsx(sheets: { name: string; rows: (string | number)[][] }[]): Buffer {
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const sheetList = sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetList}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.rows)]),
  ];
  return writeZip(files.map(([name, content]) => [name, Buffer.from(content, 'utf8')]));
}

/** A one-sheet workbook (sheet "data") from rows. */
export function writeSimpleXlsx(rows: (string | number)[][]): Buffer {
  return writeXlsx([{ name: 'data', rows }]);
}

/** A ZIP archive; entries stored as they are, or deflated. */
export function writeZip(files: [string, Buffer][], options: { deflate?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const method = options.deflate ? 8 : 0;
  for (const [name, raw] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(raw);
    const data = options.deflate ? deflateRawSync(raw) : raw;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
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
