import { fileURLToPath } from 'node:url';
import type { TestProjectInlineConfiguration } from 'vitest/config';

const dir = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The one list of test projects; vite.config.ts passes it to Vitest as `test.projects`.
export const testProjects: TestProjectInlineConfiguration[] = [
  { test: { name: 'protocol', root: dir('./packages/protocol'), include: ['test/**/*.test.ts'] } },
  { test: { name: 'plan-model', root: dir('./packages/plan-model'), include: ['test/**/*.test.ts'] } },
  {
    test: {
      name: 'server',
      root: dir('./apps/server'),
      include: ['test/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  },
  {
    test: {
      name: 'web',
      root: dir('./apps/web'),
      include: ['test/**/*.test.ts'],
    },
  },
  {
    test: {
      name: 'e2e',
      root: dir('./e2e'),
      include: ['**/*.test.ts'],
      testTimeout: 120_000,
      hookTimeout: 180_000,
      fileParallelism: false,
    },
  },
];

export default testProjects;
