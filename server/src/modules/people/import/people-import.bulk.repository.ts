import { sql } from 'kysely';
import { copyInto, copyRowsFrom } from '../../../db/copy.ts';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../shared/app-error.ts';

/** A GIN pending list during a large load, in kB: big enough to merge a few times, not a thousand. */
const BULK_GIN_PENDING_KB = 65_536;

/** Column types whose text form needs no escaping in COPY (digits, hex, dashes, plain words). */
const PLAIN_TYPES = new Set(['uuid', 'date', 'integer', 'bigint', 'smallint', 'boolean', 'numeric']);

/** The tables an import writes in bulk. */
export type BulkTable =
  | 'households'
  | 'persons'
  | 'person_identifiers'
  | 'consents'
  | 'household_memberships';

/** A PostgreSQL array literal element: quoted, with `"` and `\\` escaped. */
const element = (s: string) => (/["\\]/.test(s) ? `"${s.replace(/["\\]/g, '\\$&')}"` : `"${s}"`);

/** A PostgreSQL array literal of strings: `{"a","b \\"c\\""}`. */
export function arrayLiteral(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return `{${(value as unknown[]).map((v) => element(String(v))).join(',')}}`;
}

/** The text form of one value for a column of this type. */
function textOf(type: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (type.endsWith('[]')) return arrayLiteral(value);
  if (type === 'jsonb' || type === 'json') return typeof value === 'string' ? value : JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * One column of a batch as a single array literal. Built here rather than by the driver: the
 * values are plain, and one string per column is the cheapest thing to hand to either database.
 */
export function columnLiteral(type: string, values: unknown[]): string {
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const text = textOf(type, values[i]);
    out[i] = text === null ? 'NULL' : element(text);
  }
  return `{${out.join(',')}}`;
}

/**
 * The bulk writes of an import: rows as columns with one COPY, foreign keys checked as sets,
 * secondary indexes dropped and rebuilt, GIN pending lists. SQL only; when to use which is the
 * write's business (people-import.write.ts).
 */
export function createBulkWriteRepository(db: Database) {
  const typeCache = new Map<BulkTable, Promise<Map<string, string>>>();

  /** Column → its type as SQL writes it (`uuid`, `text`, `text[]`, `jsonb`, …), read once per table. */
  function columnTypes(table: BulkTable): Promise<Map<string, string>> {
    let types = typeCache.get(table);
    if (!types) {
      types = sql<{ name: string; type: string }>`
        select attname::text as name, format_type(atttypid, atttypmod) as type from pg_attribute
        where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`
        .execute(db)
        .then((r) => new Map(r.rows.map((c) => [c.name, c.type])));
      typeCache.set(table, types);
    }
    return types;
  }

  /** Ids written by this transaction so far, by table. */
  type WrittenIds = Map<string, Set<string>>;

  interface ForeignKey {
    name: string;
    columns: string[];
    table: string;
    refColumns: string[];
    refTypes: string[];
    match: string;
  }
  const fkCache = new Map<BulkTable, Promise<{ keys: ForeignKey[]; ownTriggers: boolean }>>();

  /**
   * The table's foreign keys, and whether it has triggers of its own (not a constraint's) that the
   * replica role would change: those enabled ALWAYS fire in every role, so they do not count.
   */
  function foreignKeysOf(table: BulkTable) {
    let found = fkCache.get(table);
    if (!found) {
      found = Promise.all([
        sql<{
          name: string;
          columns: string[];
          ref: string;
          ref_columns: string[];
          ref_types: string[];
          match: string;
        }>`
          select c.conname::text as name, c.confrelid::regclass::text as ref, c.confmatchtype::text as match,
            array(select a.attname::text from unnest(c.conkey) with ordinality k(n, o)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o) as columns,
            array(select a.attname::text from unnest(c.confkey) with ordinality k(n, o)
              join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o) as ref_columns,
            array(select format_type(a.atttypid, a.atttypmod) from unnest(c.confkey) with ordinality k(n, o)
              join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o) as ref_types
          from pg_constraint c where c.contype = 'f' and c.conrelid = ${table}::regclass`.execute(db),
        sql<{ n: number }>`
          select count(*)::int as n from pg_trigger
          where tgrelid = ${table}::regclass and not tgisinternal and tgenabled in ('O', 'R')`.execute(db),
      ]).then(([keys, triggers]) => ({
        keys: keys.rows.map((k) => ({
          name: k.name,
          columns: k.columns,
          table: k.ref,
          refColumns: k.ref_columns,
          refTypes: k.ref_types,
          match: k.match,
        })),
        ownTriggers: triggers.rows[0]!.n > 0,
      }));
      fkCache.set(table, found);
    }
    return found;
  }

  /**
   * Set checks stand in for the row checks only when nothing else would be skipped (the table has
   * no trigger of its own) and every foreign-key column is among the values written.
   */
  async function setChecksApply(
    table: BulkTable,
    constants: Record<string, unknown>,
    columns: Record<string, unknown[]>,
  ) {
    const { keys, ownTriggers } = await foreignKeysOf(table);
    return (
      !ownTriggers &&
      keys.every((k) => k.match === 's' && k.columns.every((c) => c in constants || c in columns))
    );
  }

  /**
   * Every foreign key of the rows just written, checked as one set per key: the distinct keys the
   * rows refer to must all exist, and are locked as a row check would lock them (FOR KEY SHARE), so
   * that nobody deletes them before the commit. A row with a null in its key refers to nothing.
   */
  async function checkForeignKeysAsSets(
    table: BulkTable,
    constants: Record<string, unknown>,
    columns: Record<string, unknown[]>,
    count: number,
    written: WrittenIds | undefined,
  ) {
    const { keys } = await foreignKeysOf(table);
    for (const key of keys) {
      // Rows this transaction wrote exist and nobody else can see them yet, let alone delete them
      // (ids are unique across tenants, so the id alone says which row).
      const idAt = key.refColumns.indexOf('id');
      const mine = idAt >= 0 ? written?.get(key.table) : undefined;
      const values = key.columns.map((c) =>
        c in constants ? () => constants[c] : (i: number) => columns[c]![i],
      );
      // Keys whose columns are all the same on every row are one tuple; the rest are read per row,
      // without building a tuple for a row whose key is null or was written here.
      const perRow = key.columns.some((c) => !(c in constants));
      const distinct = new Map<string, unknown[]>();
      for (let i = 0; i < (perRow ? count : Math.min(count, 1)); i++) {
        if (mine?.has(values[idAt]!(i) as string)) continue;
        let id = '';
        let isNull = false;
        for (const v of values) {
          const value = v(i);
          if (value === null || value === undefined) isNull = true;
          id += `${String(value)}\u0000`;
        }
        if (!isNull && !distinct.has(id))
          distinct.set(
            id,
            values.map((v) => v(i)),
          );
      }
      if (distinct.size === 0) continue;
      const tuples = [...distinct.values()];
      const arrays = key.refTypes.map((t, j) => {
        if (!/^[a-z0-9_ ()[\],]+$/.test(t)) throw new Error(`unexpected type ${t}`);
        return sql`${columnLiteral(
          t,
          tuples.map((tu) => tu[j]),
        )}::${sql.raw(`${t}[]`)}`;
      });
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from (
          select 1 from only ${sql.table(key.table)} p
          where (${sql.join(key.refColumns.map((c) => sql.ref(`p.${c}`)))}) in (select * from unnest(${sql.join(arrays)}))
          for key share of p
        ) found`.execute(db);
      if (rows[0]!.n !== tuples.length) {
        throw new AppError(
          'CONFLICT',
          `rows refer to something that is not in the database (${table}: ${key.name}); nothing was imported`,
        );
      }
    }
  }

  return {
    /**
     * Rows given as columns, written with one COPY (see db/copy.ts): each value crosses as its text
     * form and is parsed once, with no statement to plan. `constants` are the same on every row.
     */
    async insertColumns(
      table: BulkTable,
      constants: Record<string, unknown>,
      columns: Record<string, unknown[]>,
      count: number,
      opts: { checkAsSets?: boolean; written?: WrittenIds } = {},
    ) {
      if (count === 0) return;
      // Foreign keys checked once for the whole load, as sets, instead of row by row (see below).
      const asSets = opts.checkAsSets === true && (await setChecksApply(table, constants, columns));
      if (asSets) await sql`set local session_replication_role = replica`.execute(db);
      const types = await columnTypes(table);
      const typeOf = (c: string) => {
        const t = types.get(c);
        if (!t) throw new Error(`${table} has no column ${c}`);
        return t;
      };
      const names = [...Object.keys(constants), ...Object.keys(columns)];
      const fields = names.map((c): ((row: number) => string | null) => {
        const t = typeOf(c);
        if (c in constants) {
          const text = textOf(t, constants[c]);
          return () => text;
        }
        const values = columns[c]!;
        // Plain text and uuid columns (most of them) need no conversion.
        if (t === 'text' || t === 'uuid')
          return (row) => {
            const v = values[row];
            return typeof v === 'string' ? v : textOf(t, v);
          };
        return (row) => textOf(t, values[row]);
      });
      // Values of these types never hold a character COPY would read specially.
      const plain = names.map((c) => PLAIN_TYPES.has(typeOf(c)));
      await copyInto(
        db,
        table,
        names,
        copyRowsFrom(count, (row, column) => fields[column]!(row), plain),
      );
      if (asSets) {
        await sql`set local session_replication_role = origin`.execute(db);
        await checkForeignKeysAsSets(table, constants, columns, count, opts.written);
      }
      if (opts.written && Array.isArray(columns.id)) {
        const ids = opts.written.get(table) ?? new Set<string>();
        for (const id of columns.id) ids.add(id as string);
        opts.written.set(table, ids);
      }
    },

    /**
     * Whether this session may leave foreign keys to be checked as sets during a load: it needs to
     * set `session_replication_role` (a superuser, or a role granted that).
     */
    async maySkipRowChecks(): Promise<boolean> {
      const { rows } = await sql<{ ok: boolean }>`
        select current_setting('is_superuser') = 'on'
          or coalesce(has_parameter_privilege('session_replication_role', 'set'), false) as ok`.execute(db);
      return rows[0]?.ok === true;
    },

    /**
     * Drops the secondary indexes of these tables and returns the statements that put them back as
     * they were. For a bulk load into a database no other session can use (the embedded one):
     * building an index once is much faster than keeping it row by row. Indexes that a constraint
     * relies on (primary keys, unique constraints) stay.
     */
    async dropSecondaryIndexes(tables: BulkTable[]): Promise<string[]> {
      const { rows } = await sql<{ drop: string; restore: string }>`
        select format('drop index %s', i.indexrelid::regclass) as drop,
          pg_get_indexdef(i.indexrelid) as restore
        from pg_index i
        where i.indrelid = any(${tables}::regclass[]) and not i.indisprimary
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`.execute(db);
      for (const r of rows) await sql.raw(r.drop).execute(db);
      return rows.map((r) => r.restore);
    },

    /**
     * A GIN index keeps newly inserted entries in a pending list and merges them in when it is full.
     * The database keeps that list small (searches read it in full), which would make a bulk insert
     * merge a thousand times; for this transaction it is made large, and `mergeGinPendingLists`
     * merges it once before the commit.
     */
    async widenGinPendingLists() {
      await sql`set local gin_pending_list_limit = ${sql.lit(`${BULK_GIN_PENDING_KB}kB`)}`.execute(db);
    },

    /** Merges the pending entries of the tables' GIN indexes (those this role owns) into the index. */
    async mergeGinPendingLists(tables: BulkTable[]) {
      await sql`
        select gin_clean_pending_list(c.oid)
        from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_am am on am.oid = c.relam and am.amname = 'gin'
        where i.indrelid = any(${tables}::regclass[]) and pg_has_role(c.relowner, 'USAGE')`.execute(db);
      await sql`set local gin_pending_list_limit = default`.execute(db);
    },

    /**
     * For the rest of this transaction the persons trigger leaves the search terms to the caller,
     * which adds them once with `addSearchTerms` (migration 2026_12_07_2130).
     */
    async takeOverSearchTerms() {
      await sql`select set_config('oselia.search_terms_added_by_caller', 'on', true)`.execute(db);
    },

    /** Adds these search terms (`s:…`, `g:…`, `p:…` keys) where they are not there yet. */
    async addSearchTerms(tenantId: string, terms: string[]) {
      if (terms.length === 0) return;
      await sql`
        insert into person_search_terms (tenant_id, term, word)
        select ${tenantId}, t, substr(t, 3) from unnest(${terms}::text[]) as t
        on conflict do nothing`.execute(db);
    },

    async runStatements(statements: string[]) {
      for (const s of statements) await sql.raw(s).execute(db);
    },

    /** Whether a table holds fewer rows than this (counting no further). */
    async hasFewerRows(table: BulkTable, than: number): Promise<boolean> {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from (select 1 from ${sql.table(table)} limit ${than}) x`.execute(db);
      return rows[0]!.n < than;
    },
  };
}

export type BulkWriteRepository = ReturnType<typeof createBulkWriteRepository>;
