import type { FastifyInstance } from 'fastify';

/**
 * The origin links in mails start with: PUBLIC_URL's, or, without it, the address the server listens on (known
 * once it listens; with HOST 0.0.0.0 or :: that is localhost).
 */
export function publicOrigin(app: FastifyInstance, publicUrl: string | undefined): () => string {
  if (publicUrl) {
    const origin = new URL(publicUrl).origin;
    return () => origin;
  }
  return () => {
    const address = app.server.address();
    if (!address || typeof address === 'string') return 'http://localhost';
    const host = ['0.0.0.0', '::'].includes(address.address) ? 'localhost' : address.address;
    return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  };
}
