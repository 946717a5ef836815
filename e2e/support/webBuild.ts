import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

// Everything the production bundle is built from; when none of it changed, the last build is reused.
const INPUTS = [
  'apps/web/src',
  'apps/web/sw',
  'apps/web/build',
  'apps/web/index.html',
  'packages/api/src',
  'packages/plan-model/src',
  'packages/protocol/src',
  'vite.config.ts',
];

function hashInputs(): string {
  const hash = createHash('sha256');
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
      return;
    }
    hash.update(relative(repoRoot, path));
    hash.update(readFileSync(path));
  };
  for (const input of INPUTS) visit(join(repoRoot, input));
  return hash.digest('hex').slice(0, 16);
}

let building: Promise<string> | null = null;

/**
 * Builds apps/web for production with the repository's own vite.config.ts, once per change of its sources (test
 * files run in separate workers, so the cache is on disk). Returns the folder to serve as WEB_DIST.
 */
export function ensureWebBuild(): Promise<string> {
  building ??= (async () => {
    const outDir = join(tmpdir(), `samplan-e2e-web-prod-${hashInputs()}`);
    if (existsSync(join(outDir, 'index.html'))) return outDir;
    const { build } = await import('vite');
    // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: join(repoRoot, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true, sourcemap: false },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    return outDir;
  })();
  return building;
}
