// Shared pieces for the browser journeys: one Chromium per test file, a fresh context per test,
// accessibility checks with axe, and screenshots under test-results/e2e/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(root, 'test-results', 'e2e');

/** Set by e2e/run.mjs, which starts the server these journeys talk to. */
export const baseURL = process.env.OSELIA_E2E_URL ?? '';
if (!baseURL) throw new Error('OSELIA_E2E_URL is not set: run the browser tests with `node e2e/run.mjs`');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors thrown by the page's scripts; a journey ends by asserting there were none. */
  pageErrors: string[];
  close(): Promise<void>;
}

let sessionsOpened = 0;

export async function openSession(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; phone?: boolean } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? DESKTOP,
    isMobile: options.phone ?? false,
    hasTouch: options.phone ?? false,
    // The browser's own language must not decide the app's: Ukrainian is the default for everyone.
    locale: 'en-GB',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') process.stderr.write(`  [browser console] ${message.text()}\n`);
  });
  // A journey closes its context in `finally`, before Vitest knows it failed; so close() keeps the
  // page's last look in memory, and a failure writes it out next to the error.
  let lastLook: PageLook | undefined;
  const sessionNumber = ++sessionsOpened;
  onTestFailed(({ task }) => writeLastLook(`${task.name}-${sessionNumber}`, lastLook));
  const close = async () => {
    lastLook = await takeLook(page);
    await context.close();
  };
  return { context, page, pageErrors, close };
}

interface PageLook {
  url: string;
  text: string;
  png?: Buffer;
}

/** The page's address, visible text and a screenshot of the window; never throws. */
async function takeLook(page: Page): Promise<PageLook | undefined> {
  if (page.isClosed()) return undefined;
  const url = page.url();
  // What a person would read (rendered text), not the DOM's: hidden nodes would only mislead.
  let text: string;
  try {
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator, not a DOM node
    text = (await page.locator('body').innerText({ timeout: 5_000 })).slice(0, 2_000);
  } catch (error) {
    text = `(no text: ${(error as Error).message})`;
  }
  const png = await page.screenshot({ timeout: 5_000 }).catch(() => undefined);
  return { url, text, png };
}

function writeLastLook(testName: string, look: PageLook | undefined): void {
  if (!look) return;
  const name = `failed-${testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}`;
  fs.mkdirSync(screenshotDir, { recursive: true });
  if (look.png) fs.writeFileSync(path.join(screenshotDir, `${name}.png`), look.png);
  process.stderr.write(
    `  [failed journey] ${testName}\n  last page: ${look.url}\n  its text: ${look.text.replaceAll('\n', ' | ')}\n` +
      (look.png ? `  screenshot: test-results/e2e/${name}.png\n` : ''),
  );
}

/** Waits until the locator is visible (Playwright's auto-wait) and returns it. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible' });
  return locator;
}

export const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

/** Runs axe on the page as it is now and fails on any serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    // One axe.run in the page itself: the default opens a blank page for every check to put the
    // frames' results together, which took about half of each check. The app has no cross-origin
    // frames, the one thing that mode is needed for.
    .setLegacyMode(true)
    // Only violations are read, so axe need not describe every node that passes.
    .options({ resultTypes: ['violations'] })
    .analyze();
  const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !grave.includes(v));
  if (minor.length > 0) {
    process.stderr.write(
      `  [axe] ${where}: ${minor.length} minor/moderate finding(s): ${minor.map((v) => v.id).join(', ')}\n`,
    );
  }
  const described = grave.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n')}`,
  );
  expect(described, `accessibility violations on ${where}`).toEqual([]);
}

/** Saves a full-page screenshot as test-results/e2e/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
