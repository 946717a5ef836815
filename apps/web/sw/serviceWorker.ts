/// <reference lib="webworker" />
// The service worker: keeps the app shell (this build's files, never data) so that Samplan opens without a network;
// the plans themselves are kept by the app in IndexedDB. Built by apps/web/build/offlineShell.ts into /sw.js, with
// this build's version and file list filled in. Each deploy is a new version: it caches its own shell when it
// installs, takes over at once, and deletes the older shells.
import { routeOf, SHELL_PAGE, shellCacheName, staleShellCaches } from '../src/offline/shellPolicy.ts';

declare const self: ServiceWorkerGlobalScope;
declare const __SHELL_VERSION__: string;
declare const __SHELL_FILES__: string[];

const CACHE = shellCacheName(__SHELL_VERSION__);
const FILES = new Set(__SHELL_FILES__);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Asked of the server, not of the browser's HTTP cache, so a shell is never a mix of two deploys.
      await cache.addAll([...FILES].map((path) => new Request(path, { cache: 'no-cache' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(staleShellCaches(await caches.keys(), __SHELL_VERSION__).map((name) => caches.delete(name)));
      // No navigation preload: the browser would send it for every navigation in scope, also those this worker
      // leaves to the network (an OIDC callback under /api would then reach the server twice, its one-time code
      // spent by the first).
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const route = routeOf(event.request, self.location.origin, FILES);
  if (route === 'network') return;
  if (route === 'page') {
    event.respondWith(
      (async () => {
        try {
          return await fetch(event.request);
        } catch {
          const page = await caches.match(SHELL_PAGE, { cacheName: CACHE });
          if (page) return page;
          throw new Error('offline, and no app shell kept');
        }
      })(),
    );
    return;
  }
  event.respondWith((async () => (await caches.match(event.request, { cacheName: CACHE })) ?? fetch(event.request))());
});
