import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'server/src/**/*.test.ts',
      'web/src/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    globalSetup: ['server/src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share their worker's loaded modules: importing the server once per worker instead
    // of once per file roughly halves the run. Each file still opens its own database copy.
    isolate: false,
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI machine. The tests
    // wait on their database often enough that two share two cores well (PGlite run 124 s → 92 s,
    // PostgreSQL 88 s → 54 s, on this 2-vCPU machine).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
