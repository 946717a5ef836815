import type { FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

export interface SecurityOptions {
  publicUrl: string | undefined;
  /** Origins of the OIDC providers: the login redirect goes there. */
  oidcOrigins: string[];
  rateLimitMax: number;
  /** With several instances, the limits count in Redis, across all of them. */
  redis?: { client: Redis; prefix: string } | null;
}

/**
 * The web app's own built files (its hashed assets, icons, manifest and service worker): read from disk, the same
 * for everyone. A service worker fetches all of them at once when it installs (about 50), so they are not counted
 * against an address's limit: a class or an office behind one address would otherwise use it up just by opening
 * Samplan.
 */
const SHELL_FILE = /^\/(?:assets\/[^/?]+|icons\/[^/?]+|sw\.js|manifest\.webmanifest)(?:\?.*)?$/;

export function isShellFile(method: string, url: string): boolean {
  return (method === 'GET' || method === 'HEAD') && SHELL_FILE.test(url);
}

/** Security headers with a CSP for the web app, and a per-address rate limit over everything else. */
export async function installSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  const https = options.publicUrl?.startsWith('https:') ?? false;
  // 'self' covers same-origin ws:/wss: in current browsers; the explicit origin helps older Safari.
  const wsOrigin = options.publicUrl ? new URL(options.publicUrl).origin.replace(/^http/, 'ws') : null;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Tiptap and React set style attributes; no inline script is ever allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: wsOrigin ? ["'self'", wsOrigin] : ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", ...options.oidcOrigins],
        // The service worker (/sw.js) and the web app manifest, both from our own origin only.
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only means something over https.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: options.rateLimitMax,
    timeWindow: '1 minute',
    allowList: (request) => isShellFile(request.method, request.url),
    ...(options.redis && { redis: options.redis.client, nameSpace: `${options.redis.prefix}rate-limit:` }),
  });
}
