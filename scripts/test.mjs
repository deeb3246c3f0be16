// `npm test`: type check, lint, unit and API tests (on PGlite, or PostgreSQL when DATABASE_URL is
// set), then the browser tests where Chromium is installed. Stops at the first failing step.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, INSTALL_HINT } from '../e2e/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const chromium = findChromium();

/**
 * One step: its commands run side by side (each prints as it goes); the step fails, and `npm test`
 * stops, if any of them fails.
 */
async function step(title, ...commands) {
  process.stdout.write(`\n== ${title}\n`);
  const started = Date.now();
  const codes = await Promise.all(
    commands.map(
      ([command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
          child.on('error', () => resolve(1));
          child.on('exit', (code) => resolve(code ?? 1));
        }),
    ),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const failed = codes.find((c) => c !== 0);
  if (failed !== undefined) {
    process.stdout.write(`== FAILED: ${title} (${seconds} s)\n`);
    process.exit(failed);
  }
  process.stdout.write(`== ok: ${title} (${seconds} s)\n`);
}

/** The server's and the web app's type checks are independent: one per core. */
const typeCheck = () =>
  step('type check', ['npx', ['tsc', '-p', 'tsconfig.json']], ['npx', ['tsc', '-p', 'web/tsconfig.json']]);

// `npm run typecheck` runs this step alone, so the list of projects lives here only.
if (process.argv.includes('--typecheck-only')) {
  await typeCheck();
  process.exit(0);
}

if (process.env.OSELIA_SKIP_STATIC) {
  // CI's second pass runs on the same tree as the first: types and lint do not depend on the engine.
  process.stdout.write('\n== type check and lint skipped (OSELIA_SKIP_STATIC is set)\n');
} else {
  await typeCheck();
  await step('lint and format', ['npx', ['biome', 'check', '.']]);
}
await step(`unit and API tests on ${engine}`, ['npx', ['vitest', 'run']]);
if (process.env.OSELIA_SKIP_E2E) {
  process.stdout.write('\n== browser tests skipped (OSELIA_SKIP_E2E is set)\n');
} else if (fs.existsSync(chromium)) {
  await step(`browser tests in Chromium on ${engine}`, [process.execPath, ['e2e/run.mjs']]);
} else {
  process.stdout.write(`\n== browser tests skipped: no Chromium at ${chromium} (${INSTALL_HINT})\n`);
}
