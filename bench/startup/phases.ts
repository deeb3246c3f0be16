// Where the server's start-up time goes, phase by phase, in one process.
//
//   node --import tsx bench/startup/phases.ts [--data-dir DIR]
//
// Replays what server/src/main.ts does (load the modules, read the config, open and migrate the
// database, make sure the mission, places and demo data exist, build the Fastify app, listen) with
// a stopwatch around each step. Use a data folder that is already initialised (the default is a
// fresh one, initialised by a first pass that is timed and reported separately).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const started = performance.now();
const marks: [string, number][] = [];
let last = started;
const mark = (label: string) => {
  const now = performance.now();
  marks.push([label, now - last]);
  last = now;
};

const i = process.argv.indexOf('--data-dir');
const given = i >= 0 ? process.argv[i + 1] : undefined;
const dataDir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'oselia-bench-phases-'));

// Process start until this line: Node itself, tsx's loader, this file.
marks.push(['node + tsx loader (process start → first line)', performance.now()]);
last = performance.now();

const { loadConfig } = await import('../../server/src/config.ts');
mark('import config.ts (zod)');
const { openDatabase } = await import('../../server/src/db/database.ts');
mark('import db/database.ts (Kysely, PGlite, pg)');
const { migrateToLatest } = await import('../../server/src/db/migrate.ts');
mark('import db/migrate.ts');
const { bootstrap } = await import('../../server/src/bootstrap.ts');
mark('import bootstrap.ts (services, modules)');
const { buildApp } = await import('../../server/src/app.ts');
mark('import app.ts (Fastify, swagger, static, routes)');

const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' });
mark('loadConfig');

if (!given) {
  // First pass on the empty folder, so the timed pass below sees an initialised one.
  const t = performance.now();
  const runtime = await bootstrap(config);
  await runtime.handle.close();
  console.log(`(first-ever bootstrap on an empty folder: ${((performance.now() - t) / 1000).toFixed(2)} s)`);
  last = performance.now();
}

const handle = await openDatabase(config);
mark('openDatabase (PGlite WASM load + open data folder)');
await migrateToLatest(handle.db);
mark('migrateToLatest (nothing to apply)');
await handle.close();
mark('close the database');

const runtime = await bootstrap(config);
mark('bootstrap again (open + migrate + mission/places/demo checks)');
const app = await buildApp({ config, services: runtime.services, tenantId: runtime.tenantId });
mark('buildApp (register plugins and routes)');
await app.listen({ host: '127.0.0.1', port: 0 });
mark('listen (plugins ready, swagger built)');
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
mark(`first GET /api/v1/health → ${res.status}`);

await app.close();
await runtime.handle.close();
if (!given) fs.rmSync(dataDir, { recursive: true, force: true });

const total = marks.reduce((sum, [, ms]) => sum + ms, 0);
const width = Math.max(...marks.map(([label]) => label.length));
for (const [label, ms] of marks)
  console.log(`${label.padEnd(width)}  ${(ms / 1000).toFixed(3).padStart(7)} s`);
console.log(`${'total'.padEnd(width)}  ${(total / 1000).toFixed(3).padStart(7)} s`);
console.log(
  '\nNote: "bootstrap again" re-opens the database, so openDatabase appears twice in the total;',
  'server start-up pays it once.',
);
