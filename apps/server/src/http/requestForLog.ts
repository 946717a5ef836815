import type { FastifyRequest } from 'fastify';

/** An address without its query, which may carry a token (the socket's `?token=`, for one). */
export function withoutQuery(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** What the log says of a request (Fastify's request serializer): never its query. */
export function requestForLog(request: FastifyRequest): { method: string; url: string; remoteAddress: string } {
  return { method: request.method, url: withoutQuery(request.url ?? ''), remoteAddress: request.ip };
}
