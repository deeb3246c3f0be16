// Lighthouse and axe on the public portal, in Debian's Chromium.
//
//   node --import tsx bench/portal/lighthouse.ts                 # starts a server with the demo data
//   node --import tsx bench/portal/lighthouse.ts --runs 5
//   node --import tsx bench/portal/lighthouse.ts --url http://127.0.0.1:3000   # an already running one
//
// For the home page and a story page (and the heaviest page, Where we work, with its map), runs
// Lighthouse N times each (mobile emulation, simulated slow 4G and 4× slower CPU: Lighthouse's
// defaults) and prints the median performance, accessibility and SEO scores with the figures behind
// performance; then runs axe on the same pages and counts serious and critical violations. Exits 1
// when a score is under 95 or axe finds a serious or critical violation.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const GOAL = 95;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const RUNS = Number(option('runs') ?? 3);
const PAGES = [
  { name: 'home (uk)', path: '/uk/' },
  { name: 'story (uk)', path: '/uk/stories/cafe-from-dnipro-reopens-in-lviv' },
  { name: 'story (en)', path: '/en/stories/summer-school-3d-printing-team-pervomaisk' },
  { name: 'where we work (en)', path: '/en/where-we-work' },
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

/** A server of our own: fresh PGlite data, the demo seeded (its three stories included). */
async function startServer(): Promise<{ base: string; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oselia-lighthouse-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      OSELIA_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early (code ${child.exitCode})`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not answer within 120 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    stop: async () => {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

interface Run {
  performance: number;
  accessibility: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  transferKb: number;
  scriptKb: number;
  failed: string[];
}

async function audit(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, {
    port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: ['performance', 'accessibility', 'seo'],
  });
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  const { lhr } = result;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const summary = (
    lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] }
  )?.items;
  const size = (type: string) => (summary?.find((i) => i.resourceType === type)?.transferSize ?? 0) / 1024;
  const failed = Object.values(lhr.categories)
    .flatMap((c) => c.auditRefs)
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => ref.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    seo: score('seo'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    transferKb: size('total'),
    scriptKb: size('script'),
    failed: [...new Set(failed)],
  };
}

async function axe(base: string) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const out: { name: string; grave: string[]; minor: string[] }[] = [];
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    for (const p of PAGES) {
      const page = await context.newPage();
      await page.goto(`${base}${p.path}`);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      out.push({
        name: p.name,
        grave: results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id),
        minor: results.violations
          .filter((v) => v.impact !== 'serious' && v.impact !== 'critical')
          .map((v) => v.id),
      });
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

async function main() {
  const given = option('url');
  const server = given ? { base: given.replace(/\/+$/, ''), stop: async () => {} } : await startServer();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  let failures = 0;
  try {
    console.log(`Lighthouse ${RUNS}× per page against ${server.base} (medians; mobile, simulated slow 4G)\n`);
    console.log(
      '| page | performance | accessibility | SEO | LCP ms | TBT ms | CLS | transfer KB | script KB |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const p of PAGES) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(`${server.base}${p.path}`, chrome.port));
      const m = (f: (r: Run) => number) => median(runs.map(f));
      const row = {
        performance: m((r) => r.performance),
        accessibility: m((r) => r.accessibility),
        seo: m((r) => r.seo),
      };
      console.log(
        `| ${p.name} | ${row.performance} | ${row.accessibility} | ${row.seo} | ${Math.round(m((r) => r.lcpMs))} | ${Math.round(
          m((r) => r.tbtMs),
        )} | ${m((r) => r.cls).toFixed(3)} | ${m((r) => r.transferKb).toFixed(1)} | ${m((r) => r.scriptKb).toFixed(1)} |`,
      );
      if (Object.values(row).some((s) => s < GOAL)) failures++;
      const failed = [...new Set(runs.flatMap((r) => r.failed))];
      if (failed.length > 0)
        console.log(`|   audits not fully passed: ${failed.join(', ')} | | | | | | | | |`);
    }
  } finally {
    await chrome.kill();
  }
  try {
    console.log('\naxe (WCAG 2.1 A/AA and best practice, phone viewport):');
    for (const r of await axe(server.base)) {
      console.log(
        `- ${r.name}: ${r.grave.length} serious/critical${r.grave.length ? ` (${r.grave.join(', ')})` : ''}; ${r.minor.length} minor/moderate${r.minor.length ? ` (${r.minor.join(', ')})` : ''}`,
      );
      if (r.grave.length > 0) failures++;
    }
  } finally {
    await server.stop();
  }
  console.log(
    failures === 0
      ? `\nAll scores ≥ ${GOAL} and no serious or critical axe finding.`
      : `\n${failures} failure(s).`,
  );
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
