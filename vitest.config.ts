import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A project with no test files yet must not fail `npm test`.
    passWithNoTests: true,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // Fast tests, but CI may share two cores with other work: a limit, not a speed target.
          testTimeout: 30_000,
          include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'tools/**/*.test.ts'],
        },
      },
      {
        test: {
          // Each file loads Pyodide in Node (2–4 s, CPU-bound on 2 cores), so
          // files run one at a time in forked processes with long timeouts.
          name: 'python',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
