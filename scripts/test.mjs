// `npm test`: type check, lint, unit and API tests (on PGlite, or PostgreSQL when DATABASE_URL is
// set), then the browser tests where Chromium is installed. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function step(title, command, args, env = {}) {
  process.stdout.write(`\n== ${title}\n`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stdout.write(`== FAILED: ${title} (${seconds} s)\n`);
    process.exit(r.status ?? 1);
  }
  process.stdout.write(`== ok: ${title} (${seconds} s)\n`);
}

step('type check', 'npm', ['run', '--silent', 'typecheck']);
step('lint and format', 'npx', ['biome', 'check', '.']);
step(`unit and API tests on ${engine}`, 'npx', ['vitest', 'run']);
if (process.env.OSELIA_SKIP_E2E) {
  process.stdout.write('\n== browser tests skipped (OSELIA_SKIP_E2E is set)\n');
} else if (fs.existsSync(chromium)) {
  step(`browser tests in Chromium on ${engine}`, process.execPath, ['e2e/run.mjs']);
} else {
  process.stdout.write(`\n== browser tests skipped: no Chromium at ${chromium} (apt-get install chromium)\n`);
}
