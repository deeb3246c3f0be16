/**
 * Incremental CSV parser (RFC 4180: comma separator, double-quoted fields with "" escapes, quoted
 * line breaks, LF or CRLF). Fed with text chunks, it hands over each record with its line number.
 * Pure: reading the file is the caller's business.
 */

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export type RowHandler = (fields: string[], line: number) => void;

export class CsvChunkParser {
  private rest = '';
  /** Line number of the first line held in `rest`. */
  private line = 1;

  constructor(private readonly onRow: RowHandler) {}

  feed(chunk: string): void {
    let start = 0;
    if (this.rest.length > 0) {
      // Complete the pending record with the head of the chunk, so that the large chunk itself is
      // never concatenated (scanning a concatenated string can cost a copy per search).
      let nl = chunk.indexOf('\n');
      while (nl >= 0) {
        const head = this.rest + chunk.slice(0, nl + 1);
        if (this.parse(head, false) === head.length) break;
        nl = chunk.indexOf('\n', nl + 1);
      }
      if (nl < 0) {
        this.rest += chunk;
        return;
      }
      this.rest = '';
      start = nl + 1;
    }
    const consumed = this.parse(chunk, false, start);
    this.rest = chunk.slice(consumed);
  }

  end(): void {
    if (this.rest.length > 0) {
      const text = this.rest.endsWith('\n') ? this.rest : `${this.rest}\n`;
      this.rest = '';
      this.parse(text, true);
    }
  }

  /** Parses complete records; returns how many characters were consumed. */
  private parse(text: string, final: boolean, from = 0): number {
    let pos = from;
    const len = text.length;
    let quote = text.indexOf('"', pos);
    while (pos < len) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) return pos;
      if (quote >= 0 && quote < pos) quote = text.indexOf('"', pos);
      if (quote < 0 || quote > nl) {
        // fast path: a line without quotes
        let end = nl;
        if (end > pos && text.charCodeAt(end - 1) === 13) end--;
        const line = text.slice(pos, end);
        if (line.length > 0) this.onRow(line.split(','), this.line);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const r = this.parseQuoted(text, pos, final);
      if (r < 0) return pos;
      pos = r;
    }
    return pos;
  }

  /** Parses one record containing quotes starting at pos; -1 if it is not complete yet. */
  private parseQuoted(text: string, start: number, final: boolean): number {
    const fields: string[] = [];
    let field = '';
    let i = start;
    let lines = 0;
    const len = text.length;
    while (true) {
      if (i >= len) {
        if (final) throw new CsvError('unterminated quoted field', this.line);
        return -1;
      }
      let c = text.charCodeAt(i);
      if (c === 34) {
        if (field.length > 0) throw new CsvError('quote inside an unquoted field', this.line + lines);
        i++;
        while (true) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            if (final) throw new CsvError('unterminated quoted field', this.line);
            return -1;
          }
          const piece = text.slice(i, q);
          for (let k = 0; k < piece.length; k++) if (piece.charCodeAt(k) === 10) lines++;
          field += piece;
          if (q + 1 < len && text.charCodeAt(q + 1) === 34) {
            field += '"';
            i = q + 2;
            continue;
          }
          if (q + 1 >= len && !final) return -1;
          i = q + 1;
          break;
        }
        if (i >= len) {
          if (!final) return -1;
          fields.push(field);
          this.onRow(fields, this.line);
          this.line += lines + 1;
          return len;
        }
        c = text.charCodeAt(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) {
          i++;
          c = 10;
        }
        if (c !== 44 && c !== 10)
          throw new CsvError('unexpected character after a closing quote', this.line + lines);
      }
      if (c === 44) {
        fields.push(field);
        field = '';
        i++;
        continue;
      }
      if (c === 10) {
        if (field.endsWith('\r')) field = field.slice(0, -1);
        fields.push(field);
        this.onRow(fields, this.line);
        this.line += lines + 1;
        return i + 1;
      }
      // unquoted characters up to the next comma or line end
      let j = i;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (d === 44 || d === 10) break;
        if (d === 34) throw new CsvError('quote inside an unquoted field', this.line + lines);
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
}

/** Parses a whole CSV text (convenience for tests and small inputs). */
export function parseCsv(text: string): Array<{ fields: string[]; line: number }> {
  const rows: Array<{ fields: string[]; line: number }> = [];
  const p = new CsvChunkParser((fields, line) => rows.push({ fields, line }));
  p.feed(text);
  p.end();
  return rows;
}
