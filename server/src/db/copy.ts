import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';

/**
 * Bulk loading with `COPY … FROM STDIN`, the fastest way into either database. Kysely has no word
 * for it, so the rows travel as the only parameter of a raw `copy` statement, wrapped in `CopyRows`;
 * each engine's connection recognises the wrapper and streams the rows its own way (PGlite through
 * its `/dev/blob` device, a server through the COPY sub-protocol). The statement runs on the
 * connection of the caller, so inside a transaction it is part of that transaction.
 */
export class CopyRows {
  /**
   * The rows in COPY's text format (one line per row, columns separated by tabs) as UTF-8, in
   * chunks made as they are read: a server is already writing the first while the next is made.
   */
  constructor(readonly chunks: Iterable<Uint8Array>) {}
}

/** Whether a query is a COPY whose rows are carried as its parameter. */
export function copyRowsOf(parameters: readonly unknown[]): CopyRows | undefined {
  return parameters.length === 1 && parameters[0] instanceof CopyRows ? parameters[0] : undefined;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Copies rows, already in COPY's text format, into these columns of a table (all or none). */
export async function copyInto(
  db: Pick<Kysely<never>, 'executeQuery'>,
  table: string,
  columns: string[],
  rows: CopyRows,
): Promise<void> {
  for (const name of [table, ...columns])
    if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  await db.executeQuery(CompiledQuery.raw(`copy ${table} (${columns.join(', ')}) from stdin`, [rows]));
}

// One value in COPY's text format: backslash, tab, newline and carriage return are escaped.
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value as a COPY text field (`\N` for null). */
export function copyField(text: string | null): string {
  if (text === null) return '\\N';
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;
}

/** Bytes per chunk: big enough to cost little per chunk, small enough to overlap. */
const CHUNK = 1 << 20;
const TAB = 0x09;
const NEWLINE = 0x0a;

/**
 * Rows of text fields (null for a null) as COPY text. `plain` says, per column, whether its values
 * can never hold a character COPY reads specially (uuids, dates, numbers), so need no escaping.
 *
 * Each field is written as UTF-8 straight into a chunk's buffer. Building the chunk as one string
 * first cost far more: a million small concatenations to collect as garbage, then the whole string
 * flattened and encoded again on its way to the socket.
 */
export function copyRowsFrom(
  count: number,
  field: (row: number, column: number) => string | null,
  plain: boolean[],
): CopyRows {
  const columns = plain.length;
  function* chunks() {
    let buffer = Buffer.allocUnsafe(2 * CHUNK);
    let at = 0;
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < columns; j++) {
        const text = field(i, j);
        const out = text === null ? '\\N' : plain[j] ? text : copyField(text);
        // A UTF-16 unit takes at most 3 bytes in UTF-8; a field longer than the room left moves
        // the row so far into a buffer large enough (rare: only very long values).
        const need = at + 3 * out.length + 2;
        if (need > buffer.length) {
          const larger = Buffer.allocUnsafe(Math.max(2 * CHUNK, need));
          buffer.copy(larger, 0, 0, at);
          buffer = larger;
        }
        if (j > 0) buffer[at++] = TAB;
        at += buffer.write(out, at);
      }
      buffer[at++] = NEWLINE;
      if (at >= CHUNK) {
        yield buffer.subarray(0, at);
        buffer = Buffer.allocUnsafe(2 * CHUNK);
        at = 0;
      }
    }
    if (at > 0) yield buffer.subarray(0, at);
  }
  return new CopyRows(chunks());
}

/** What a pg client's query answers with, as far as Kysely reads it. */
interface CopyResult {
  command: string;
  rowCount: number;
  rows: unknown[];
}

/**
 * Teaches a pg client (one of a pool's) to run a `copy … from stdin` whose rows come as a
 * `CopyRows` parameter; every other query goes through unchanged.
 */
export function enableCopy(client: pg.PoolClient | pg.Client) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const copying = async (text: string, rows: CopyRows): Promise<CopyResult> => {
    const stream = query(copyFromStdin(text)) as ReturnType<typeof copyFromStdin>;
    await pipeline(Readable.from(rows.chunks), stream);
    return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
  };
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const rows = typeof args[0] === 'string' && Array.isArray(args[1]) ? copyRowsOf(args[1]) : undefined;
    return rows ? copying(args[0] as string, rows) : query(...args);
  };
}
