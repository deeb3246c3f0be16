import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/test-app.ts';
import { copyField, copyInto, copyRowsFrom } from './copy.ts';
import type { DatabaseHandle } from './database.ts';

/** COPY through Kysely on the engine under test: every value arrives as it was sent, or none does. */

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await sql`create table copy_probe (n int primary key, t text, a text[], j jsonb)`.execute(handle.db);
});
afterAll(() => handle.close());

const texts = [
  'plain',
  'tab\there',
  'two\nlines\r\nand a return',
  'back\\slash \\N \\t',
  '\\N',
  '',
  'Ім’я — «лапки» "quotes"',
  'beyond the basic plane: 🇺🇦 𝕏',
  null,
];
const arrays = [['a', 'b "c"'], [], ['\\', '{x}', 'NULL', 'tab\t', 'line\n'], null];

/** A text[] value as an array literal (what the import writes). */
const literal = (a: string[] | null) =>
  a === null ? null : `{${a.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

describe('copyInto', () => {
  it('carries text, arrays and JSON with every special character unchanged', async () => {
    const count = 3000;
    // One long value, so the rows travel in more than one chunk.
    const long = 'довгий\t'.repeat(200_000);
    const rowOf = (i: number) => ({
      n: i,
      t: i === 1 ? long : texts[i % texts.length]!,
      a: arrays[i % arrays.length]!,
      j: i % 7 === 0 ? null : { i, name: texts[i % texts.length] },
    });
    await handle.db.transaction().execute((trx) =>
      copyInto(
        trx,
        'copy_probe',
        ['n', 't', 'a', 'j'],
        copyRowsFrom(
          count,
          (i, c) => {
            const r = rowOf(i);
            return [String(r.n), r.t, literal(r.a), r.j === null ? null : JSON.stringify(r.j)][c]!;
          },
          [true, false, false, false],
        ),
      ),
    );
    const { rows } = await sql<{ n: number; t: string | null; a: string[] | null; j: unknown }>`
      select n, t, a, j from copy_probe order by n`.execute(handle.db);
    expect(rows).toHaveLength(count);
    expect(rows).toEqual(Array.from({ length: count }, (_, i) => rowOf(i)));
  });

  it('writes nothing when one row is refused, and the transaction around it fails', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(handle.db);
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into copy_probe (n, t) values (-1, 'kept only if the copy succeeds')`.execute(trx);
        // Row 5 repeats a primary key already in the table.
        await copyInto(
          trx,
          'copy_probe',
          ['n', 't'],
          copyRowsFrom(10, (i, c) => (c === 0 ? String(i === 5 ? 0 : 100_000 + i) : 'x'), [true, false]),
        );
      }),
    ).rejects.toThrow(/duplicate key/);
    const after = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(handle.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    // The connection is usable after the failure.
    expect((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows[0]!.one).toBe(1);
  });

  it('refuses a table or column name that is not a plain identifier', async () => {
    await expect(
      copyInto(
        handle.db,
        'copy_probe; drop table x',
        ['n'],
        copyRowsFrom(0, () => null, [false]),
      ),
    ).rejects.toThrow(/plain identifier/);
  });
});

describe('copyField', () => {
  it('escapes what COPY reads specially and writes null as \\N', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('Ґанна')).toBe('Ґанна');
  });
});
