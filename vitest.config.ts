import { defineConfig } from 'vitest/config';

export default defineConfig({
  // What vite.config.ts's lessonOrigins plugin defines, for a build with none listed.
  define: { __LOOPSCOPE_LESSON_ORIGINS__: '[]' },
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
          // Each file loads Pyodide in Node (2–4 s, CPU-bound), in a forked
          // process with long timeouts. Two files at a time: one at a time
          // left a core idle (116 s against 82 s alone on 2 cores, quiet);
          // more would hold more interpreters in memory without a core each.
          name: 'python',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          pool: 'forks',
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
