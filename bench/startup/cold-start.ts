// Start-up time and idle memory of the Oselia server on PGlite.
//
//   node --import tsx bench/startup/cold-start.ts [--runs 5] [--idle 10]
//
// Measures the wall time from spawning the server to its first 200 from /api/v1/health:
//   1. once on an empty data folder (the first start ever: migrations, places import, demo seed);
//   2. N times each on that now-initialised folder, for `node scripts/start.mjs` (what `npm start`
//      runs) and for `node --import tsx server/src/main.ts` (the server alone).
// After each warm start it leaves the server idle for a while, then reads VmRSS and VmHWM (peak) of
// the server's process tree from /proc. The web build must be present (built here if missing), so
// the figures do not include a Vite build.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}
const RUNS = argument('runs', 5);
const IDLE_SECONDS = argument('idle', 10);
const GOAL_SECONDS = 3;

interface Variant {
  label: string;
  args: string[];
}
const VARIANTS: Variant[] = [
  { label: 'node scripts/start.mjs', args: ['scripts/start.mjs'] },
  { label: 'node --import tsx server/src/main.ts', args: ['--import', 'tsx', 'server/src/main.ts'] },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Every descendant of `pid` (children, grandchildren…), from /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    const taskDir = `/proc/${tree[i]}/task`;
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(taskDir);
    } catch {
      continue; // gone
    }
    for (const tid of tasks) {
      try {
        const children = fs.readFileSync(`${taskDir}/${tid}/children`, 'utf8').trim();
        if (children) tree.push(...children.split(/\s+/).map(Number));
      } catch {
        // task ended meanwhile
      }
    }
  }
  return tree;
}

/** Memory of a process tree in MB: current resident set (VmRSS) and its peak (VmHWM), summed. */
function treeMemory(pid: number): { rssMb: number; peakMb: number; processes: number } {
  let rssKb = 0;
  let peakKb = 0;
  const pids = processTree(pid);
  for (const p of pids) {
    let status = '';
    try {
      status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
    } catch {
      continue;
    }
    rssKb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    peakKb += Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  }
  return { rssMb: rssKb / 1024, peakMb: peakKb / 1024, processes: pids.length };
}

interface Run {
  seconds: number;
  rssMb: number;
  peakMb: number;
  processes: number;
  stopSeconds: number;
}

/** Starts one server, times it to the first healthy answer, idles, samples memory, stops it. */
async function measure(args: string[], dataDir: string, idleSeconds: number): Promise<Run> {
  const port = await freePort();
  const output: string[] = [];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));

  let seconds = Number.NaN;
  const deadline = started + 180_000;
  while (performance.now() < deadline) {
    if (exited(child)) throw new Error(`the server exited early:\n${output.join('')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`, {
        signal: AbortSignal.timeout(1000),
      });
      if (res.status === 200) {
        seconds = (performance.now() - started) / 1000;
        await res.arrayBuffer();
        break;
      }
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  if (Number.isNaN(seconds)) {
    child.kill('SIGKILL');
    throw new Error(`no healthy answer within 180 s:\n${output.join('')}`);
  }

  await sleep(idleSeconds * 1000);
  const memory = child.pid ? treeMemory(child.pid) : { rssMb: 0, peakMb: 0, processes: 0 };

  const stopping = performance.now();
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await done;
  clearTimeout(killer);
  return { seconds, ...memory, stopSeconds: (performance.now() - stopping) / 1000 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const fmt = (n: number, digits = 2) => n.toFixed(digits);

function row(cells: string[], widths: number[]) {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
}

async function main() {
  const webIndex = path.join(root, 'web/dist/index.html');
  if (!fs.existsSync(webIndex)) {
    console.log('web/dist is missing: building the web app first (not timed)…');
    const build = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oselia-bench-startup-'));
  try {
    console.log(
      `Oselia start-up on PGlite · node ${process.version} · ${os.cpus().length} CPUs · ${os.hostname()}`,
    );
    console.log(
      `data folder ${dataDir}; ${RUNS} warm starts per command, memory after ${IDLE_SECONDS} s idle\n`,
    );

    const first = await measure(VARIANTS[1]?.args ?? [], dataDir, 1);
    console.log(
      `first-ever start (empty data folder: migrations, places import, demo seed): ${fmt(first.seconds)} s\n`,
    );

    const widths = [38, 7, 7, 7, 11, 11, 6];
    console.log(row(['command', 'min s', 'med s', 'max s', 'RSS MB', 'peak MB', 'procs'], widths));
    const verdicts: string[] = [];
    for (const variant of VARIANTS) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(variant.args, dataDir, IDLE_SECONDS));
      const times = runs.map((r) => r.seconds);
      console.log(
        row(
          [
            variant.label,
            fmt(Math.min(...times)),
            fmt(median(times)),
            fmt(Math.max(...times)),
            fmt(median(runs.map((r) => r.rssMb)), 0),
            fmt(Math.max(...runs.map((r) => r.peakMb)), 0),
            String(runs[0]?.processes ?? 0),
          ],
          widths,
        ),
      );
      verdicts.push(
        `${variant.label}: median ${fmt(median(times))} s ${median(times) <= GOAL_SECONDS ? 'meets' : 'MISSES'} the ${GOAL_SECONDS} s goal; SIGTERM → exit median ${fmt(median(runs.map((r) => r.stopSeconds)))} s`,
      );
    }
    console.log(
      '\nRSS MB: resident memory of the process tree after idling (median of runs); peak MB: the highest VmHWM sum seen.',
    );
    for (const v of verdicts) console.log(v);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
