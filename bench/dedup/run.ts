/**
 * Dedup benchmark runner: generates the persons file if missing, runs
 * `npm run oselia -- dedup` on it as a child process (under /usr/bin/time -v when available, for peak
 * memory), scores the result against the truth and prints every figure.
 *
 *   node --import tsx bench/dedup/run.ts --records 100000 [--seed 1] [--generator 1|2] [--workers n]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { parseArgs } from './common.ts';
import { generate, writeRows } from './generate.ts';
import { formatScores, score } from './score.ts';

function label(n: number): string {
  return n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

async function ensurePersons(path: string, records: number, seed: number, generator: string): Promise<void> {
  if (existsSync(path)) return;
  const t = performance.now();
  if (generator === '2') {
    // the second generator has its own CLI and layout; run it as its own process
    await run(process.execPath, [
      '--import',
      'tsx',
      'bench/dedup/generate2.ts',
      '--records',
      String(records),
      '--seed',
      String(seed),
      '--out',
      path,
    ]);
  } else {
    await writeRows(generate({ records, seed }), path);
  }
  console.log(`generated ${path} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const records = Number(a.records ?? 100000);
  const seed = Number(a.seed ?? 1);
  const generator = a.generator ?? '1';
  const out = 'bench/out';
  mkdirSync(out, { recursive: true });
  const tag = `${generator === '2' ? 'persons2' : 'persons'}-${label(records)}-s${seed}`;
  const persons = a.persons ?? `${out}/${tag}.csv`;
  await ensurePersons(persons, records, seed, generator);
  const files = {
    clusters: `${out}/${tag}.clusters.csv`,
    review: `${out}/${tag}.review.csv`,
    links: `${out}/${tag}.links.csv`,
    stats: `${out}/${tag}.stats.json`,
  };
  const dedupArgs = [
    'run',
    '-s',
    'oselia',
    '--',
    'dedup',
    '--input',
    persons,
    '--output',
    files.clusters,
    '--review-output',
    files.review,
    '--links-output',
    files.links,
    '--stats-output',
    files.stats,
    '--truth-column',
    'true_id',
    ...(a.workers ? ['--workers', a.workers] : []),
  ];
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const t0 = performance.now();
  const res = timeBin ? await run(timeBin, ['-v', 'npm', ...dedupArgs]) : await run('npm', dedupArgs);
  const wall = (performance.now() - t0) / 1000;
  if (res.code !== 0) {
    console.error(`dedup failed with exit code ${res.code}`);
    process.exitCode = 1;
    return;
  }
  const summary = res.stdout.trim().split('\n').pop() ?? '';
  const rssKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(res.stderr)?.[1];
  const sys = /System time \(seconds\): ([\d.]+)/.exec(res.stderr)?.[1];
  const load = (await import('node:os')).loadavg()[0]!;
  const stats = JSON.parse(readFileSync(files.stats, 'utf8'));
  const scores = await score({
    persons,
    clusters: files.clusters,
    links: files.links,
    review: files.review,
    stats: files.stats,
  });
  console.log('');
  console.log(`persons file            ${persons}`);
  console.log(`command summary         ${summary}`);
  console.log(
    `wall time (npm run)     ${wall.toFixed(1)} s (inside the command: ${stats.summary.seconds} s)`,
  );
  if (user && sys) {
    const cpu = (Number(user) + Number(sys)).toFixed(1);
    console.log(`CPU time                ${cpu} s user+sys (machine load average ${load.toFixed(1)})`);
  }
  console.log(
    `peak memory             ${rssKb ? `${(Number(rssKb) / 1024).toFixed(0)} MB (max RSS, /usr/bin/time)` : `${stats.summary.maxRssMb} MB (max RSS reported by the command)`}`,
  );
  console.log(
    `candidate pairs         ${stats.stats.candidatePairs} (${stats.stats.comparisonsPerRecord.toFixed(2)} per record)`,
  );
  console.log(`phases (ms)             ${JSON.stringify(stats.stats.timings)}`);
  console.log(formatScores(scores));
}

await main();
