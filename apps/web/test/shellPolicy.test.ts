import { describe, expect, it } from 'vitest';
import { routeOf, shellCacheName, shellFiles, staleShellCaches } from '../src/offline/shellPolicy.ts';

const ORIGIN = 'https://samplan.example.no';
const FILES = new Set(['/index.html', '/assets/index-Ab12.js', '/manifest.webmanifest', '/icons/icon-192.png']);
const get = (path: string, mode = 'cors') => ({ method: 'GET', url: `${ORIGIN}${path}`, mode });

describe('what the service worker keeps and answers', () => {
  it('keeps the built files, not source maps, compressed copies or itself', () => {
    expect(
      shellFiles(
        [
          'index.html',
          'index.html.br',
          'assets/index-Ab12.js',
          'assets/index-Ab12.js.map',
          'assets/index-Ab12.js.gz',
          'sw.js',
          'manifest.webmanifest',
          'icons/icon-192.png',
        ],
        'sw.js',
      ),
    ).toEqual(['/assets/index-Ab12.js', '/icons/icon-192.png', '/index.html', '/manifest.webmanifest']);
  });

  it('deletes older shells when a new one takes over, and caches that are not ours stay', () => {
    expect(
      staleShellCaches([shellCacheName('old1'), shellCacheName('new2'), 'someone-else', 'samplan-other'], 'new2'),
    ).toEqual([shellCacheName('old1')]);
    expect(staleShellCaches([shellCacheName('new2')], 'new2')).toEqual([]);
  });

  it('never answers the API or the websocket, or anything not ours or not GET', () => {
    expect(routeOf(get('/api/plans/abc'), ORIGIN, FILES)).toBe('network');
    expect(routeOf(get('/api/me'), ORIGIN, FILES)).toBe('network');
    expect(routeOf(get('/api'), ORIGIN, FILES)).toBe('network');
    expect(routeOf(get('/collab/abc'), ORIGIN, FILES)).toBe('network');
    // The OIDC callback is a navigation, and must reach the server.
    expect(routeOf(get('/api/auth/oidc/idporten/callback?code=x', 'navigate'), ORIGIN, FILES)).toBe('network');
    expect(routeOf({ ...get('/assets/index-Ab12.js'), method: 'POST' }, ORIGIN, FILES)).toBe('network');
    expect(
      routeOf({ method: 'GET', url: 'https://elsewhere.example/assets/index-Ab12.js', mode: 'cors' }, ORIGIN, FILES),
    ).toBe('network');
    // A file not in this build (an older deploy's chunk) goes to the network.
    expect(routeOf(get('/assets/index-Zz99.js'), ORIGIN, FILES)).toBe('network');
  });

  it("answers the app's pages and its own files", () => {
    expect(routeOf(get('/planer/abc/mal', 'navigate'), ORIGIN, FILES)).toBe('page');
    expect(routeOf(get('/', 'navigate'), ORIGIN, FILES)).toBe('page');
    expect(routeOf(get('/assets/index-Ab12.js'), ORIGIN, FILES)).toBe('shell');
    expect(routeOf(get('/manifest.webmanifest'), ORIGIN, FILES)).toBe('shell');
    expect(routeOf(get('/assets/index-Ab12.js?v=2'), ORIGIN, FILES)).toBe('network');
  });
});
