/**
 * What the service worker (apps/web/sw/serviceWorker.ts) keeps and answers: only the app shell, the built files
 * that are the same for everyone. Nothing from /api or /collab (plans, people, health data) is ever cached or
 * answered by it; those requests go to the network untouched. Pure functions, so they are tested on their own.
 */

export const SHELL_CACHE_PREFIX = 'samplan-shell-';
/** The page every navigation gets (the app routes on the client). */
export const SHELL_PAGE = '/index.html';

export function shellCacheName(version: string): string {
  return `${SHELL_CACHE_PREFIX}${version}`;
}

/** Caches to delete when the shell `version` takes over: every older shell. Caches that are not ours stay. */
export function staleShellCaches(names: readonly string[], version: string): string[] {
  const current = shellCacheName(version);
  return names.filter((name) => name.startsWith(SHELL_CACHE_PREFIX) && name !== current);
}

/** The files of a build that make the shell, as paths: not source maps, compressed copies or the worker itself. */
export function shellFiles(fileNames: readonly string[], workerFile: string): string[] {
  return fileNames
    .filter((name) => !/\.(?:map|br|gz)$/.test(name) && name !== workerFile && !name.startsWith('.'))
    .map((name) => `/${name}`)
    .sort();
}

/**
 * How the worker answers a request: `page` (a navigation in the app: the network, else the cached page), `shell`
 * (a file of this build: the cache, else the network) or `network` (not touched: the API, the websocket, anything
 * not ours or not GET).
 */
export type ShellRoute = 'page' | 'shell' | 'network';

export function routeOf(
  request: { method: string; url: string; mode: string },
  origin: string,
  files: ReadonlySet<string>,
): ShellRoute {
  if (request.method !== 'GET') return 'network';
  const url = new URL(request.url);
  if (url.origin !== origin) return 'network';
  const path = url.pathname;
  if (path === '/api' || path.startsWith('/api/') || path === '/collab' || path.startsWith('/collab/'))
    return 'network';
  if (request.mode === 'navigate') return 'page';
  if (files.has(path) && url.search === '') return 'shell';
  return 'network';
}
