import type { FastifyRequest } from 'fastify';

/** True without an Origin header (not a browser) or with our own origin; `null` and foreign origins are refused. */
export function sameOrigin(request: FastifyRequest, publicUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (publicUrl && new URL(publicUrl).origin === origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
