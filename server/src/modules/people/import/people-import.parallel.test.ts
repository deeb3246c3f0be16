import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, factoryActor } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { Actor } from '../../access/access.policy.ts';
import { bundleOf, createCheckPool, packRows, unpackRows } from './people-import.pool.ts';
import { createPeopleImportService, type PeopleImportService } from './people-import.service.ts';
import { decodeStage } from './people-import.stage-codec.ts';

/**
 * A large file is checked on worker threads as well as on the server's own: the outcome must be the
 * one a single thread gives, row for row: the same report (errors, repeated rows and documents,
 * households) and the same staged people.
 */

let t: TestApp;
let actor: Actor;
let parallel: PeopleImportService;

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrganisation(t);
  actor = factoryActor(t, org.id);
  // Every file counts as large; the test configuration's key, so that keyed hashes agree.
  parallel = createPeopleImportService(t.db, {
    crypto: t.services.crypto,
    audit: t.services.audit,
    places: t.services.places,
    jobs: t.services.jobs,
    parallel: { secretKeyHex: 'a'.repeat(64), from: 1, workers: 1 },
  });
});
afterAll(() => t.close());

/** Six thousand rows (more than two pieces): households, bad cells, repeated rows and passports. */
function file() {
  const head =
    'id,family_name,given_name,birth_date,sex,phone,passport,current_pcode,household_id,relationship';
  const lines = Array.from({ length: 6000 }, (_, i) => {
    const household = Math.floor(i / 4);
    const bad = i % 997 === 5;
    return [
      // Every 1,000th row repeats the one before it.
      i % 1000 === 999 ? `r${i - 1}` : `r${i}`,
      `Пар${['енко', 'ук', 'ич', 'ко'][household % 4]}`,
      ['Олена', 'Іван', 'Марія', 'Тарас'][i % 4],
      bad ? '1990-02-30' : `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
      i % 2 === 0 ? 'F' : 'M',
      i % 5 === 0 ? `067 ${String(1000000 + i).slice(0, 3)} ${String(i).padStart(4, '0')}` : '',
      // Two rows share each of a few passports.
      i % 700 === 3 || i % 700 === 4 ? `АБ${String(100000 + (i % 700)).padStart(6, '0')}` : '',
      i % 3 === 0 ? 'UA0502003' : 'UA4606001',
      `PH${household}`,
      i % 4 === 0 ? 'head' : 'child',
    ].join(',');
  });
  return Buffer.from([head, ...lines].join('\n'));
}

async function checkWith(service: PeopleImportService, source: string) {
  const up = await service.uploadImport(actor, { source, fileName: 'big.csv', content: file() });
  const report = await service.dryRun(actor, up.importId);
  const { rows } = await sql<{ data: string }>`
    select data from people_import_stage_parts where import_id = ${up.importId} order by part`.execute(t.db);
  const stage = decodeStage(rows.map((r) => r.data));
  // Ciphertexts differ by their random nonce: compare what they hide instead.
  const identifiers = { ...stage.identifiers.columns };
  identifiers.value_encrypted = (identifiers.value_encrypted ?? []).map((v) =>
    t.services.crypto.decrypt(v as string),
  );
  return {
    report: { ...report, validatedAt: 'then' },
    stage: { ...stage, identifiers: { of: stage.identifiers.of, columns: identifiers } },
  };
}

describe('checking a large file on several threads', () => {
  it('gives the report and the staged rows one thread gives', async () => {
    const one = await checkWith(t.services.peopleImport, 'one-thread');
    const many = await checkWith(parallel, 'one-thread');
    expect(one.report.invalidRows).toBeGreaterThan(0);
    expect(one.report.duplicates.map((d) => d.reason)).toEqual(
      expect.arrayContaining(['same_row', 'same_identifier']),
    );
    expect(many.report).toEqual(one.report);
    expect(many.stage).toEqual(one.stage);
  });

  it('has the worker check pieces, in order, while this thread checks others', async () => {
    const { readTable } = await import('./people-import.file.ts');
    const { suggestMapping } = await import('./people-import.headers.ts');
    const { checkRows } = await import('./people-import.check.ts');
    const { createPeopleService } = await import('../people.service.ts');
    const table = readTable(file(), 'csv');
    const task = { actor, source: 'pool', mapping: suggestMapping(table.columns), columns: table.columns };
    const known = new Set(['UA0502003', 'UA4606001']);
    const people = createPeopleService(t.db, {
      crypto: t.services.crypto,
      audit: t.services.audit,
      places: { isKnownPlace: async (c) => known.has(c) },
    });
    const deps = { preparePerson: people.preparePerson, crypto: t.services.crypto };
    let here = 0;
    const inline = (rows: typeof table.rows) => {
      here++;
      return checkRows(deps, task, rows);
    };
    const pool = createCheckPool({ secretKeyHex: 'a'.repeat(64), workers: 1 });
    try {
      const together = await pool.check(task, known, table.rows, inline);
      // Three pieces of 2,500: the worker took some of them.
      expect(here).toBeLessThan(3);
      const alone = await checkRows(deps, task, table.rows);
      expect(together.checks).toEqual(alone.checks);
      const stage = decodeStage(together.parts);
      expect(stage.row).toEqual(alone.stage.row);
      expect(stage.importKey).toEqual(alone.stage.importKey);
      expect(stage.person).toEqual(alone.stage.person);
      expect(stage.identifiers.columns.value_hash).toEqual(alone.stage.identifiers.columns.value_hash);
    } finally {
      await pool.close();
    }
  });

  it('loads the workers from one bundled module, not through the TypeScript loader', async () => {
    const bundled = await bundleOf(new URL('./people-import.check.worker.ts', import.meta.url));
    expect(bundled?.protocol).toBe('data:');
    expect(await bundleOf(new URL('./people-import.check.worker.ts', import.meta.url))).toBe(bundled);
  });

  it('packs rows as text only when no cell holds a separator', () => {
    const plain = [
      { row: 2, cells: ['a', '', 'Ім’я'] },
      { row: 3, cells: ['b', 'c', ''] },
    ];
    const packed = packRows(plain);
    expect(Array.isArray(packed)).toBe(false);
    expect(unpackRows(packed)).toEqual(plain);
    const awkward = [{ row: 2, cells: ['a\u001fb', 'c\u001ed'] }];
    expect(packRows(awkward)).toBe(awkward);
    expect(unpackRows(packRows([]))).toEqual([]);
  });
});
