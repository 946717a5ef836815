/**
 * Why the phone numbers of the web section take the time they take: opens the demo plan at 390 px with the CPU
 * slowed 4× (as `npm run bench` does), once fresh and once offline from the service worker and IndexedDB, and prints
 * a timeline (document, scripts, API answers, websocket, the goal on screen), the long tasks, and a CPU profile of
 * the page by script. `node --import tsx bench/phoneProfile.ts [runs]`. Not part of `npm run bench`.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { createPlanViaApi, newUserContext } from '../e2e/support/browser.ts';
import { startServer, tempDataDir } from '../e2e/support/testServer.ts';
import { ensureWebBuild } from '../e2e/support/webBuild.ts';
import { waitForBrowserIdle } from './lib/browserIdle.ts';
import { readableAt, watchForText } from './lib/readableAt.ts';

const FIRST_GOAL = 'Emma skal kunne gå selv med rollator i hele skolebygget innen sommeren 2027.';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

// Installed before any page script: when the websocket opens and hears first, and the long tasks.
const INIT = `(() => {
  const w = window;
  w.__t = { ws: [] };
  const Native = w.WebSocket;
  w.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      const entry = { created: performance.now() };
      w.__t.ws.push(entry);
      this.addEventListener('open', () => { entry.open = performance.now(); });
      this.addEventListener('message', () => { entry.firstMessage ??= performance.now(); entry.lastMessage = performance.now(); entry.messages = (entry.messages ?? 0) + 1; });
      this.addEventListener('close', () => { entry.closed = performance.now(); });
    }
  };
  w.__t.long = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__t.long.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: true });
})()`;

function byScript(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, origin: string) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const fns = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id)!;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const url = node.callFrame.url.replace(origin, '') || node.callFrame.functionName;
    self.set(url, (self.get(url) ?? 0) + dt);
    const { functionName, lineNumber, columnNumber } = node.callFrame;
    const fn = `${functionName || '(anonymous)'} ${url}:${lineNumber + 1}:${columnNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + dt);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => `${Math.round(ms).toString().padStart(6)} ms  ${name}`);
  return { scripts: top(self, 14), functions: top(fns, 12) };
}

async function timeline(
  page: Page,
  cdp: CDPSession,
  origin: string,
  url: string,
  label: string,
  profiling: boolean,
): Promise<void> {
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url, { waitUntil: 'commit' });
  const shown = await readableAt(page);
  const profile = profiling
    ? (
        (await cdp.send('Profiler.stop')) as {
          profile: {
            nodes: ProfileNode[];
            samples: number[];
            timeDeltas: number[];
            startTime: number;
            endTime: number;
          };
        }
      ).profile
    : null;
  const facts = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
      name: new URL(r.name).pathname,
      start: Math.round(r.startTime),
      end: Math.round(r.responseEnd),
      bytes: r.transferSize,
      sw: r.workerStart > 0,
    }));
    const paint = performance.getEntriesByType('paint').map((p) => `${p.name} ${Math.round(p.startTime)}`);
    const w = window as unknown as { __t: { ws: unknown[]; long: Array<[number, number]> } };
    return {
      doc: {
        sw: nav.workerStart > 0,
        responseEnd: Math.round(nav.responseEnd),
        domInteractive: Math.round(nav.domInteractive),
        domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
        load: Math.round(nav.loadEventEnd),
      },
      resources,
      paint,
      marks: performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`),
      ws: w.__t.ws,
      long: w.__t.long,
      state: document.querySelector('.connection')?.getAttribute('data-state'),
      online: navigator.onLine,
    };
  });
  console.log(`\n=== ${label}: the first goal on screen at ${shown} ms (page clock, from navigation start)`);
  console.log('document', JSON.stringify(facts.doc), 'paint', facts.paint.join(', '));
  if (facts.marks.length > 0) console.log('marks', facts.marks.join(', '));
  for (const r of facts.resources) {
    console.log(
      `  ${String(r.start).padStart(5)} → ${String(r.end).padStart(5)} ms ${r.sw ? 'sw ' : '   '}${r.bytes}B ${r.name}`,
    );
  }
  console.log('websocket', JSON.stringify(facts.ws), 'state at readable:', facts.state, 'onLine:', facts.online);
  const long = facts.long.filter(([start]) => start <= shown);
  console.log(
    `long tasks before readable: ${long.length}, ${long.reduce((sum, [, d]) => sum + d, 0)} ms:`,
    long.map(([s, d]) => `${s}+${d}`).join(' '),
  );
  if (!profile) return;
  const summary = byScript(profile, origin);
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log(`CPU profile of the page (${Math.round(total)} ms sampled, 4× slowed), self time by script:`);
  summary.scripts.forEach((line) => console.log(`  ${line}`));
  console.log('top functions:');
  summary.functions.forEach((line) => console.log(`  ${line}`));
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 1);
  // PROFILE_WEB_DIST: another build to compare with (one without a service worker is only timed online).
  const webDist = process.env.PROFILE_WEB_DIST ?? (await ensureWebBuild());
  const offline = existsSync(join(webDist, 'sw.js')) && process.env.PROFILE_ONLINE_ONLY !== '1';
  const profiling = process.env.PROFILE_CPU !== '0';
  const dataDir = tempDataDir();
  const server = await startServer({ dataDir, webDist, env: { RATE_LIMIT_MAX: '100000' } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (let run = 0; run < runs; run++) {
      const { context, page } = await newUserContext(browser, server.url, 'Kari Nilsen');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.addInitScript(INIT);
      await watchForText(page, FIRST_GOAL);
      const planId = await createPlanViaApi(context, { demo: true, creatorRole: 'foresatt' });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const url = `/planer/${planId}/mal`;
      await waitForBrowserIdle();
      await timeline(page, cdp, server.url, url, `fresh context, online (run ${run + 1})`, profiling);
      if (!offline) {
        await context.close();
        continue;
      }
      for (;;) {
        const ready = await page.evaluate(async () => {
          const shells = await caches.keys();
          const dbs = (await indexedDB.databases()).map((db) => db.name ?? '');
          return (
            !!navigator.serviceWorker.controller &&
            shells.length === 1 &&
            dbs.some((n) => n.startsWith('samplan-plan:'))
          );
        });
        if (ready) break;
        await page.waitForTimeout(250);
      }
      await context.setOffline(true);
      await waitForBrowserIdle();
      await timeline(page, cdp, server.url, url, `same context, offline (run ${run + 1})`, profiling);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
