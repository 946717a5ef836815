import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { shellFiles } from '../src/offline/shellPolicy.ts';
import { iconPng } from './icons.ts';

const WORKER_FILE = 'sw.js';
const WORKER_SOURCE = fileURLToPath(new URL('../sw/serviceWorker.ts', import.meta.url));
/** The app's primary colour (styles/app.css --color-primary): the installed app's title bar and splash. */
export const THEME_COLOR = '#1c4f82';
const BACKGROUND_COLOR = '#ffffff';

/** The web app manifest: what makes Samplan installable, in Norwegian. */
export function webManifest(): Record<string, unknown> {
  return {
    name: 'Samplan',
    short_name: 'Samplan',
    description: 'Individuell plan, laget sammen av familien og ansvarsgruppa.',
    lang: 'nb',
    dir: 'ltr',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}

/**
 * Makes the build installable and usable offline: writes the manifest and its icons, links them from index.html,
 * and builds the service worker (apps/web/sw) into /sw.js with the list of this build's files and a version that
 * is the hash of all of them, so any change to the shell is a new worker that replaces the old shell.
 */
export function offlineShell(): Plugin {
  return {
    name: 'samplan:offline-shell',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' }, injectTo: 'head' },
    ],
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const emitted = new Map<string, string | Uint8Array>();
        const emit = (fileName: string, source: string | Uint8Array): void => {
          this.emitFile({ type: 'asset', fileName, source });
          emitted.set(fileName, source);
        };
        emit('manifest.webmanifest', `${JSON.stringify(webManifest(), null, 2)}\n`);
        for (const size of [192, 512]) {
          emit(`icons/icon-${size}.png`, iconPng(size));
          emit(`icons/icon-maskable-${size}.png`, iconPng(size, true));
        }
        // iOS puts its own rounded corners on a full square.
        emit('icons/apple-touch-icon.png', iconPng(180, true));

        // Everything of this build (emitted files may or may not show in `bundle` yet).
        const sources = new Map<string, string | Uint8Array>(emitted);
        for (const [fileName, item] of Object.entries(bundle)) {
          if (!sources.has(fileName)) sources.set(fileName, item.type === 'chunk' ? item.code : item.source);
        }
        const files = shellFiles([...sources.keys()], WORKER_FILE);
        const hash = createHash('sha256');
        for (const path of files) {
          hash.update(path);
          hash.update(sources.get(path.slice(1))!);
        }
        const version = hash.digest('hex').slice(0, 16);
        const worker = await build({
          entryPoints: [WORKER_SOURCE],
          bundle: true,
          write: false,
          format: 'iife',
          target: 'es2022',
          minify: true,
          legalComments: 'none',
          define: {
            __SHELL_VERSION__: JSON.stringify(version),
            __SHELL_FILES__: JSON.stringify(files),
          },
        });
        emit(WORKER_FILE, worker.outputFiles[0]!.contents);
      },
    },
  };
}
