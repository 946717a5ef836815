import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startServer, tempDataDir, type RunningServer } from './testServer.ts';
import { ensureWebBuild } from './webBuild.ts';

export interface WebApp {
  browser: Browser;
  /** A test may replace it, e.g. to restart the server on the same data folder. */
  server: RunningServer;
  webDist: string;
  dataDir: string;
}

/**
 * The production web build served by the real server (port 0, its own data folder) and a headless Chromium, started
 * before the calling `describe` block's tests and closed after them; `env` is read then (after earlier `beforeAll`s). The fields are set once its `beforeAll` has run.
 */
export function useWebApp(options: { env?: () => Record<string, string> } = {}): WebApp {
  const app = { dataDir: tempDataDir() } as WebApp;
  beforeAll(async () => {
    app.webDist = await ensureWebBuild();
    app.server = await startServer({ dataDir: app.dataDir, webDist: app.webDist, env: options.env?.() });
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
