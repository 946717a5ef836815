import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type * as Server from '@samplan/server';

type ServerModule = typeof Server;

// SAMPLAN_SERVER_MODULE runs the browser tests against another server build (e.g. a released one).
const serverModule = (): Promise<ServerModule> =>
  import(process.env.SAMPLAN_SERVER_MODULE ?? '@samplan/server') as Promise<ServerModule>;

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  port: number;
  dataDir: string;
  close(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'samplan-e2e-data-'));
}

/** The real server serving the built web app; port 0 picks a free port, a given port restarts on the same one. */
export async function startServer(options: {
  dataDir: string;
  webDist: string;
  port?: number;
  /** More configuration, e.g. SMTP_URL. */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const { buildApp, parseConfig } = await serverModule();
  const config = parseConfig({
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    WEB_DIST: options.webDist,
    LOG_LEVEL: 'silent',
    // Every request of a test file comes from one address, and a test that polls (waitFor) on a busy machine makes
    // many: at the defaults (600 a minute) a page's own request could be refused with 429 midway through a test
    // and the page show less than it should. The limits themselves are tested in the server's tests.
    RATE_LIMIT_MAX: '100000',
    AUTH_RATE_LIMIT_MAX: '10000',
    ...options.env,
  });
  const app = await buildApp(config);
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no address');
  return {
    app,
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    dataDir: options.dataDir,
    close: () => app.close(),
  };
}
