import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Built files under assets/ carry a content hash in their name: a changed file is a new URL. */
const HASHED_ASSETS = `${sep}assets${sep}`;
const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current assets, so browsers ask again each time (a 304 when nothing changed). */
const PAGE_CACHE = 'no-cache';

/**
 * Serves the built web app (when `root` holds one): the brotli or gzip copy the build wrote next to each file when
 * the browser accepts it, hashed assets cached for a year, and index.html for every client-side route.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  if (!existsSync(resolve(root, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.header('cache-control', path.includes(HASHED_ASSETS) ? ASSET_CACHE : PAGE_CACHE);
    },
  });
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Fant ikke ressursen' } });
    }
    return reply.sendFile('index.html');
  });
}
