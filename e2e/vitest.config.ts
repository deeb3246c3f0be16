// Browser journeys only; run them with `node e2e/run.mjs`, which starts the server they use.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // A page may take a few seconds to follow a click on a busy machine (a route's code loads
    // first): polls wait as long as Playwright's own waits do, not Vitest's default second.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    // A few Chromiums side by side are fine; more only adds contention on small CI machines.
    maxWorkers: 2,
  },
});
