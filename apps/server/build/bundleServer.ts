import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const SERVER_ENTRY = fileURLToPath(new URL('../src/main.ts', import.meta.url));
/** What `npm start` runs. */
export const SERVER_BUNDLE = fileURLToPath(new URL('../../../dist/server/main.js', import.meta.url));

/**
 * Dependencies from node_modules stay imports, resolved at run time from the bundle's folder upwards (so the
 * bundle must live inside the repository, e.g. dist/server). Our own workspace packages are TypeScript
 * sources, which Node cannot load, so they are bundled.
 */
const externalDependencies: Plugin = {
  name: 'external-dependencies',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@samplan/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Compiles the server into one ES module for `npm start`: no TypeScript loader at run time, which saves its
 * hooks thread (about 45 MiB of RSS) and a second of start-up.
 */
export async function bundleServer(outfile: string = SERVER_BUNDLE): Promise<void> {
  await build({
    entryPoints: [SERVER_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    plugins: [externalDependencies],
    logLevel: 'warning',
  });
}
