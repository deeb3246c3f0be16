/**
 * Search latency over a large registry on PostgreSQL: loads N persons (default 1,000,000) through
 * the bulk import path into a scratch database, then runs realistic searches through
 * `services.people.searchPeople` and prints p50 / p95 / p99.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/people/search.ts [--rows 1000000] [--queries 1000] [--keep oselia_search_1m]
 *
 * `--keep NAME` loads into database NAME and leaves it there; a later run with the same name finds
 * the persons loaded (and applies any new migration to them) and only measures.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { transliterateKmu2010 } from '@oselia/matching';
import { sql } from 'kysely';
import { parseArgs, Rng } from '../dedup/common.ts';
import { openScratch, peakRssMb, seconds } from './db.ts';
import { generatePeople } from './generate.ts';

if (!process.env.DATABASE_URL) {
  console.error('set DATABASE_URL (a PostgreSQL server): the search benchmark needs one');
  process.exit(1);
}
const args = parseArgs(process.argv.slice(2));
const total = Number(args.rows ?? 1_000_000);
const queries = Number(args.queries ?? 1000);
const chunk = 200_000;
const tMigrate = performance.now();
const db = await openScratch(args.keep ? { keep: String(args.keep) } : {});
console.log(`database ready, migrations applied (${seconds(performance.now() - tMigrate)} s)`);
try {
  const { services, actor } = db;
  const t0 = performance.now();
  const loaded = await sql<{ n: string }>`select count(*) as n from persons`.execute(db.handle.db);
  const already = Number(loaded.rows[0]!.n);
  if (already > 0 && already !== total) throw new Error(`${db.where} holds ${already} persons, not ${total}`);
  if (already > 0) console.log(`reusing ${already} persons`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oselia-search-'));
  for (let done = already, part = 1; done < total; done += chunk, part++) {
    const file = path.join(dir, `part-${part}.csv`);
    await generatePeople({ rows: Math.min(chunk, total - done), seed: 100 + part, out: file });
    const up = await services.peopleImport.uploadImport(actor, {
      source: `search-bench-${part}`,
      fileName: path.basename(file),
      content: await fs.readFile(file),
    });
    await services.peopleImport.dryRun(actor, up.importId);
    await services.peopleImport.startImport(actor, up.importId, { skipInvalidRows: true });
    await services.runner.drain();
    await fs.rm(file);
    console.log(`loaded ${Math.min(done + chunk, total)} persons (${seconds(performance.now() - t0)} s)`);
  }
  await fs.rm(dir, { recursive: true, force: true });
  await sql`analyze`.execute(db.handle.db);

  // Realistic questions about people who are in the registry; the first few only warm up.
  const warmUp = 50;
  const rng = new Rng(42);
  const sample = await sql<{
    id: string;
    family_name: string;
    given_name: string;
    patronymic: string | null;
    phones: string[];
    tax: string | null;
  }>`select p.id, p.family_name, p.given_name, p.patronymic, p.phones,
        (select value_encrypted from person_identifiers i where i.tenant_id = p.tenant_id and i.person_id = p.id and i.type = 'tax_number' limit 1) as tax
      from persons p tablesample system (1) repeatable (42) limit ${queries + warmUp}`.execute(db.handle.db);
  // Other ways of writing Ukrainian names in Latin letters (passport-era, Russian-style, phonetic).
  const variant = (latin: string) =>
    [
      (s: string) => s,
      (s: string) => s.replace(/kh/g, 'h').replace(/y/g, 'i'),
      (s: string) => s.replace(/zh/g, 'j').replace(/shch/g, 'sch').replace(/ch/g, 'tch'),
      (s: string) => s.replace(/ii/g, 'iy').replace(/ia/g, 'ya').replace(/iu/g, 'yu'),
      (s: string) => s.replace(/h/g, 'g'),
    ][rng.int(5)]!(latin);
  const latin = (s: string) => variant(transliterateKmu2010(s));
  const cases: { kind: string; q: string; id: string }[] = [];
  for (const p of sample.rows) {
    const r = rng.int(100);
    if (r < 35)
      cases.push({ kind: 'latin full name', q: `${latin(p.given_name)} ${latin(p.family_name)}`, id: p.id });
    else if (r < 50)
      cases.push({
        kind: 'cyrillic name',
        q: `${p.family_name} ${p.given_name} ${p.patronymic ?? ''}`.trim(),
        id: p.id,
      });
    else if (r < 60) cases.push({ kind: 'surname only', q: latin(p.family_name), id: p.id });
    else if (r < 70)
      cases.push({
        kind: 'partial name',
        q: `${p.given_name} ${p.family_name.slice(0, Math.max(3, p.family_name.length - 3))}`,
        id: p.id,
      });
    else if (r < 85 && p.phones.length > 0) {
      const n = p.phones[0]!;
      cases.push({
        kind: 'phone',
        q: rng.chance(0.5) ? n : `0${n.slice(4, 6)} ${n.slice(6, 9)} ${n.slice(9, 11)} ${n.slice(11)}`,
        id: p.id,
      });
    } else if (p.tax) cases.push({ kind: 'tax number', q: services.crypto.decrypt(p.tax), id: p.id });
    else
      cases.push({ kind: 'latin full name', q: `${latin(p.given_name)} ${latin(p.family_name)}`, id: p.id });
  }
  // Warm up the caches, as a server that has been running would be, on searches not measured.
  for (const c of cases.slice(0, warmUp)) await services.people.searchPeople(actor, { q: c.q, limit: 20 });
  // Per kind: latencies, searches with any hit, and searches whose person is among the 20 shown
  // (a surname alone names thousands of people, so there the person is rarely on the first page).
  const stats = new Map<string, { ms: number[]; hits: number; found: number }>();
  const record = (kind: string, ms: number, hit: boolean, foundIt: boolean) => {
    const s = stats.get(kind) ?? { ms: [], hits: 0, found: 0 };
    s.ms.push(ms);
    if (hit) s.hits++;
    if (foundIt) s.found++;
    stats.set(kind, s);
  };
  for (const c of cases.slice(warmUp)) {
    const s = performance.now();
    const res = await services.people.searchPeople(actor, { q: c.q, limit: 20 });
    const ms = performance.now() - s;
    const hit = res.items.length > 0;
    const foundIt = res.items.some((i) => i.id === c.id);
    record(c.kind, ms, hit, foundIt);
    record('all', ms, hit, foundIt);
  }
  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(1);
  };
  console.log(`${db.where}: ${total} persons, ${cases.length - warmUp} searches`);
  console.log('kind                  n   p50 ms  p95 ms  p99 ms  any hit  person in top 20');
  for (const [kind, s] of [...stats].sort(([a], [b]) =>
    a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b),
  )) {
    const share = (k: number) => `${((100 * k) / s.ms.length).toFixed(1)}%`;
    console.log(
      `${kind.padEnd(17)} ${String(s.ms.length).padStart(5)} ${pct(s.ms, 50).padStart(8)} ${pct(s.ms, 95).padStart(7)} ${pct(s.ms, 99).padStart(7)} ${share(s.hits).padStart(8)} ${share(s.found).padStart(17)}`,
    );
  }
  console.log(`peak RSS ${peakRssMb()} MB`);
} finally {
  await db.close();
}
