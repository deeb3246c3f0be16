// `npm run test:e2e` (and the last step of `npm test`): starts a real Oselia server on a free port
// with a database of its own, runs the browser journeys in Chromium against it, then stops it.
//
// Database: a fresh PGlite data directory in a temporary folder, or, when DATABASE_URL is set, a
// fresh database `oselia_e2e_<random>` on that PostgreSQL server, dropped afterwards.
// Extra arguments go to Vitest, e.g. `node e2e/run.mjs e2e/journeys/places.e2e.ts`.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, INSTALL_HINT } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = findChromium();
const resultsDir = path.join(root, 'test-results', 'e2e');
const serverLog = path.join(resultsDir, 'server.log');
const started = Date.now();

const say = (line) => process.stdout.write(`[e2e] ${line}\n`);
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Creates a scratch database on the server DATABASE_URL points to; returns its URL and a dropper. */
async function scratchPostgres(url) {
  const { default: pg } = await import('pg');
  const name = `oselia_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    name,
    url: scratch.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

async function waitForHealth(base, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`the server exited early (code ${server.exitCode ?? server.signalCode})`);
    try {
      const res = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no 200 from ${base}/api/v1/health within ${timeoutMs / 1000} s`);
}

function stopServer(server) {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve(server.exitCode);
    const kill = setTimeout(() => {
      say('the server did not stop within 15 s of SIGTERM; sending SIGKILL');
      server.kill('SIGKILL');
    }, 15_000);
    server.once('exit', (code) => {
      clearTimeout(kill);
      resolve(code);
    });
    server.kill('SIGTERM');
  });
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function main() {
  if (!fs.existsSync(chromium)) {
    say(`no Chromium at ${chromium}: ${INSTALL_HINT}`);
    return 1;
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  for (const old of fs.readdirSync(resultsDir))
    if (old.endsWith('.png')) fs.rmSync(path.join(resultsDir, old));

  const webDist = path.resolve(root, process.env.OSELIA_WEB_DIST ?? 'web/dist');
  if (!fs.existsSync(path.join(webDist, 'index.html'))) {
    say('web/dist is missing: building the web app');
    const build = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) {
      say('FAILED: the web build failed (see above)');
      return 1;
    }
  }

  const cleanups = [];
  let server;
  let exitCode = 1;
  try {
    const env = {
      ...process.env,
      OSELIA_DEMO: 'true',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      // Every journey signs in from 127.0.0.1: on a quick run more than the default 30 sign-ins a
      // minute come from that one address, and the limit (tested in the API tests) would refuse them.
      OSELIA_SIGNIN_RATE_PER_MINUTE: process.env.OSELIA_SIGNIN_RATE_PER_MINUTE ?? '1000',
    };
    let engine;
    if (process.env.DATABASE_URL) {
      const db = await scratchPostgres(process.env.DATABASE_URL);
      cleanups.push(async () => {
        await db.drop();
        say(`dropped database ${db.name}`);
      });
      env.DATABASE_URL = db.url;
      engine = `PostgreSQL (database ${db.name})`;
    } else {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oselia-e2e-'));
      cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      env.DATA_DIR = dataDir;
      engine = `PGlite (data in ${dataDir})`;
    }
    // Serve a copy of the build, so a rebuild of web/dist during the run cannot swap the assets
    // under the browser's feet.
    const distCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'oselia-e2e-web-'));
    cleanups.push(async () => fs.rmSync(distCopy, { recursive: true, force: true }));
    fs.cpSync(webDist, distCopy, { recursive: true });
    env.OSELIA_WEB_DIST = distCopy;

    const port = await freePort();
    env.PORT = String(port);
    env.HOST = '127.0.0.1';
    const base = `http://127.0.0.1:${port}`;

    say(`starting the server on ${base} with ${engine}`);
    const log = fs.openSync(serverLog, 'w');
    server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    try {
      await waitForHealth(base, server, 90_000);
    } catch (error) {
      say(`FAILED: ${error.message}. Last lines of ${path.relative(root, serverLog)}:`);
      process.stdout.write(`${tail(serverLog, 30)}\n`);
      return 1;
    }
    say(`server ready after ${seconds()}; running the journeys in ${chromium}`);

    const vitest = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'e2e/vitest.config.ts',
        '--reporter=verbose',
        ...process.argv.slice(2),
      ],
      { cwd: root, stdio: 'inherit', env: { ...process.env, OSELIA_E2E_URL: base, CHROMIUM_PATH: chromium } },
    );
    exitCode = vitest.status ?? 1;
  } finally {
    if (server) {
      const code = await stopServer(server);
      if (code !== 0 && code !== null) say(`the server exited with code ${code} on SIGTERM`);
    }
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        say(`cleanup failed: ${error.message}`);
      }
    }
  }

  const screenshots = fs.readdirSync(resultsDir).filter((f) => f.endsWith('.png')).length;
  if (exitCode === 0) {
    say(`PASSED: all browser journeys (${seconds()}); ${screenshots} screenshots in test-results/e2e/`);
  } else {
    say(`FAILED: some browser journeys failed (${seconds()}); see above.`);
    say(`Screenshots: test-results/e2e/; server log (last lines of ${path.relative(root, serverLog)}):`);
    process.stdout.write(`${tail(serverLog, 20)}\n`);
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(`FAILED: ${error.stack ?? error}`);
    process.exit(1);
  },
);
