import type { FastifyInstance } from 'fastify';
import { sameOrigin } from '../auth/sameOrigin.ts';
import { AppError } from '../errors/AppError.ts';

/**
 * Every state-changing request (POST, PUT, PATCH, DELETE, on any path: the router decodes `/%61pi/…` to an API
 * route, so the raw path says nothing; the web app has no unsafe route besides the API) must carry this header
 * with the value `1`. A page on another site cannot send a custom header without a CORS preflight, which this server
 * never grants, so a forged cross-site request is refused before it is read.
 */
export const CSRF_HEADER = 'x-samplan-csrf';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Refuses cross-site state-changing requests: the custom header must be there and the Origin, if sent, ours. */
export function installCsrfProtection(app: FastifyInstance, publicUrl: string | undefined): void {
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE.has(request.method)) return;
    if (request.headers[CSRF_HEADER] !== '1') {
      throw new AppError('CSRF_REJECTED', 'Forespørselen mangler CSRF-beskyttelse (X-Samplan-CSRF)');
    }
    if (!sameOrigin(request, publicUrl)) {
      throw new AppError('CSRF_REJECTED', 'Forespørselen kommer fra et annet nettsted');
    }
  });
}
