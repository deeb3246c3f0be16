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
   * The rows in COPY's text format (one line per row, columns separated by tabs), in chunks made
   * as they are read: a server is already writing the first while the next is being made.
   */
  constructor(readonly chunks: Iterable<string>) {}
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

/** Characters per chunk: big enough to cost little per chunk, small enough to overlap. */
const CHUNK = 1 << 20;

/**
 * Rows of text fields (null for a null) as COPY text. `plain` says, per column, whether its values
 * can never hold a character COPY reads specially (uuids, dates, numbers), so need no escaping.
 */
export function copyRowsFrom(
  count: number,
  field: (row: number, column: number) => string | null,
  plain: boolean[],
): CopyRows {
  const columns = plain.length;
  const fieldText = (j: number, text: string | null) =>
    text === null ? '\\N' : plain[j] ? text : copyField(text);
  function* chunks() {
    let text = '';
    for (let i = 0; i < count; i++) {
      text += fieldText(0, field(i, 0));
      for (let j = 1; j < columns; j++) text += `\t${fieldText(j, field(i, j))}`;
      text += '\n';
      if (text.length >= CHUNK) {
        yield text;
        text = '';
      }
    }
    if (text.length > 0) yield text;
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
