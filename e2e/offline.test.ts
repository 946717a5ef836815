import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { allViolations } from './support/axe.ts';
import { CSRF, createPlanViaApi, inviteToPlan, newUserContext, newUserDetails, newContext } from './support/browser.ts';
import { closeItems, collectPageErrors, expectText, openItem, openPlan, waitForConnected } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { waitFor } from './support/waitFor.ts';
import { useWebApp } from './support/webApp.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
/** The demo plan's first goal (plan-model seedDemoPlan). */
const FIRST_GOAL = 'Emma skal kunne gå selv med rollator i hele skolebygget innen sommeren 2027.';
/** The demo plan's child, by whose name lists of plans name it. */
const CHILD = 'Emma Nilsen';
/** The first goal's card, and the heading it reads as (the goal's own words). */
const firstGoal = (page: Page) => page.locator('li[data-goal-id] > article').first();
const firstGoalTitle = async (page: Page): Promise<string> =>
  ((await firstGoal(page).locator('.item-card__title').first().textContent()) ?? '').trim();

/** Opens the first goal to edit («Endre») and types at the end of its words. */
async function typeInFirstGoal(page: Page, words: string): Promise<void> {
  await openItem(firstGoal(page));
  const title = firstGoal(page).getByLabel('Målet', { exact: true });
  await title.click();
  await title.press('Control+End');
  await title.pressSequentially(words, { delay: 10 });
  await closeItems(page);
}
const KEPT = 'Det du skriver, lagres på denne enheten og sendes når du er på nett igjen.';
const PENDING_KEPT =
  'Endringene dine er ikke sendt ennå. De er lagret på denne enheten og sendes når du er på nett igjen.';
const NOT_ON_DEVICE = 'denne planen er ikke lagret på denne enheten';

/** Samplan's IndexedDB databases in the page's browser context. */
async function storedDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('samplan-')),
  );
}

/** The id of the user this browser remembers as logged in last (for opening plans offline), or null. */
async function rememberedUserId(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const request = indexedDB.open('samplan-session');
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = () => resolve(null);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('kv')) return resolve((db.close(), null));
          const get = db.transaction('kv', 'readonly').objectStore('kv').get('user');
          get.onsuccess = () => resolve((db.close(), (get.result as { id?: string } | undefined)?.id ?? null));
          get.onerror = () => resolve((db.close(), null));
        };
      }),
  );
}

/** Until when the remembered login opens the plans kept here offline (ms), or null; with `set`, sets it first. */
async function loginOpenUntil(page: Page, set?: number): Promise<number | null> {
  return page.evaluate(
    (openUntil) =>
      new Promise<number | null>((resolve, reject) => {
        const request = indexedDB.open('samplan-session');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const kv = db.transaction('kv', 'readwrite').objectStore('kv');
          const get = kv.get('user');
          get.onsuccess = () => {
            const stored = get.result as { openUntil?: number } | undefined;
            if (openUntil === null || !stored) return resolve((db.close(), stored?.openUntil ?? null));
            const put = kv.put({ ...stored, openUntil }, 'user');
            put.onsuccess = () => resolve((db.close(), openUntil));
            put.onerror = () => reject(put.error);
          };
        };
      }),
    set ?? null,
  );
}

/** Waits until the service worker controls the page and has kept the app shell. */
async function waitForShell(page: Page): Promise<void> {
  await waitFor(
    () =>
      page.evaluate(async () => {
        if (!navigator.serviceWorker.controller) return false;
        const shells = (await caches.keys()).filter((name) => name.startsWith('samplan-shell-'));
        if (shells.length !== 1) return false;
        return (await (await caches.open(shells[0]!)).match('/index.html')) !== undefined;
      }),
    { timeout: 30_000, message: 'the service worker keeps the app shell' },
  );
}

/** Waits until this browser keeps the plan and its PlanInfo for the user. */
async function waitForKept(page: Page, userId: string, planId: string): Promise<void> {
  await waitFor(
    async () => {
      const names = await storedDatabases(page);
      return names.includes(`samplan-plan:${userId}:${planId}`) && names.includes(`samplan-account:${userId}`);
    },
    { message: 'the plan is kept in IndexedDB' },
  );
}

/** Opens the plan's goals online and waits until this device keeps it: the app shell and the plan itself. */
async function openAndKeep(page: Page, userId: string, planId: string): Promise<void> {
  await openPlan(page, planId, 'mal');
  await waitForShell(page);
  await waitForKept(page, userId, planId);
}

/** Every HTTP request the server gets from the context's pages: those carrying one of its cookies. */
function requestsFrom(app: { server: { app: { server: NodeJS.EventEmitter } } }, context: BrowserContext) {
  const seen: string[] = [];
  let values: string[] = [];
  const listener = (request: IncomingMessage): void => {
    const cookie = request.headers.cookie ?? '';
    if (!values.some((value) => cookie.includes(value))) return;
    // Where it came from, for the failure message: the page that asked, and how.
    const { referer = '-', 'sec-fetch-mode': mode = '-', 'sec-fetch-dest': dest = '-' } = request.headers;
    // The browser's own check for a newer service worker (after a navigation) is not sent by the page, and
    // Playwright's offline emulation does not reach it (it is made by the browser process): a device without a
    // network sends nothing here either. It came through once in a full run.
    if (dest === 'serviceworker') return;
    seen.push(`${request.url ?? ''} (from ${referer}, ${mode}/${dest})`);
  };
  return {
    seen,
    async start(): Promise<void> {
      values = (await context.cookies()).map((cookie) => cookie.value).filter((value) => value.length > 8);
      app.server.app.server.on('request', listener);
    },
    stop(): void {
      app.server.app.server.off('request', listener);
    },
  };
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await allViolations(page)).toEqual([]);
}

async function exportedGoalTitles(context: BrowserContext, planId: string): Promise<string[]> {
  const response = await context.request.get(`/api/plans/${planId}/export.json`);
  expect(response.status()).toBe(200);
  const text = await response.text();
  return [...text.matchAll(/"title":"([^"]*)"/g)].map((match) => match[1]!);
}

describe('offline first: a plan opened before opens, and takes typing, without a network', () => {
  const app = useWebApp();

  /** A parent's demo plan, shared with a teacher (deltaker), both logged in in their own browsers. */
  async function sharedDemoPlan(viewport: { width: number; height: number }) {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    await parent.page.setViewportSize(viewport);
    const teacher = await newUserContext(app.browser, app.server.url, 'Lærer Lise');
    const planId = await createPlanViaApi(parent.context, { demo: true, creatorRole: 'foresatt' });
    await inviteToPlan(parent.context, teacher, planId, 'deltaker', 'Kari Nilsen (mor)');
    return { parent, teacher, planId };
  }

  for (const [device, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`a parent edits a goal, goes offline, reloads, types, and the teacher gets it when the network is back (${device})`, async () => {
      const { parent, teacher, planId } = await sharedDemoPlan(viewport);
      const { page } = parent;
      await page.addInitScript(() => {
        const note = (event: Event): void => {
          const key = 'e2e-network-events';
          sessionStorage.setItem(key, `${sessionStorage.getItem(key) ?? ''} ${event.type}@${location.pathname}`);
        };
        addEventListener('online', note);
        addEventListener('offline', note);
      });
      const errors = [...collectPageErrors(page), ...collectPageErrors(teacher.page)];
      try {
        await Promise.all([openPlan(page, planId, 'mal'), openPlan(teacher.page, planId, 'mal')]);
        // The parent reads the plan and edits one goal while online; the teacher sees it.
        await expect.poll(() => firstGoalTitle(page)).toBe(FIRST_GOAL);
        await typeInFirstGoal(page, ' Også i friminuttene.');
        const online = `${FIRST_GOAL} Også i friminuttene.`;
        await expect.poll(() => firstGoalTitle(teacher.page)).toBe(online);
        await waitForShell(page);
        await waitForKept(page, parent.user.id, planId);

        // Offline: the status says so, and that typing is kept here.
        await parent.context.setOffline(true);
        await page.locator('.connection[data-state="offline"]').waitFor();
        await expectText(page.locator('.connection'), KEPT);

        // Reloaded offline: the shell comes from the service worker, the plan from this browser; the server
        // hears nothing from the parent's browser while it is offline. Watched from when the reloaded page knows it
        // is offline: Playwright's emulation reaches a new document a moment late (navigator.onLine reads true at
        // first, bench/README.md), so the entry's early /api/me can get out before; a device without a network
        // sends nothing then either.
        const requests = requestsFrom(app, parent.context);
        const reloaded = await page.reload();
        expect(reloaded?.fromServiceWorker()).toBe(true);
        await page.locator('.connection[data-state="offline"]').waitFor();
        await requests.start();
        await expect.poll(() => firstGoalTitle(page)).toBe(online);
        await expectText(page.locator('.connection'), KEPT);
        if (device === 'phone') {
          await saveScreenshot(page, 'offline-reloaded-phone', { fullPage: false });
          await expectNoAxeViolations(page);
        }

        // Typing offline: kept on this device (said so), and still there after another reload.
        await typeInFirstGoal(page, ' Og i gymtimene.');
        const typed = `${online} Og i gymtimene.`;
        await expectText(page.locator('.connection'), PENDING_KEPT);
        if (device === 'phone') {
          await saveScreenshot(page, 'offline-typed-phone', { fullPage: false });
          await expectNoAxeViolations(page);
        }
        requests.stop();
        await page.reload();
        await page.locator('.connection[data-state="offline"]').waitFor();
        await requests.start();
        await expect.poll(() => firstGoalTitle(page)).toBe(typed);
        await expectText(page.locator('.connection'), PENDING_KEPT);
        requests.stop();
        // What the browser told the page meanwhile (online/offline events, kept across the reloads), for the message.
        const told = await page.evaluate(() => sessionStorage.getItem('e2e-network-events') ?? '');
        expect(requests.seen, `network events the page heard: ${told}`).toEqual([]);
        // Meanwhile the teacher has not seen it, nor has the server.
        expect(await firstGoalTitle(teacher.page)).toBe(online);

        // Back online: sent, the teacher sees it, and the server's export has it.
        await parent.context.setOffline(false);
        await waitForConnected(page);
        await expect.poll(() => page.locator('.connection').getAttribute('data-pending')).toBe('0');
        await expect.poll(() => firstGoalTitle(teacher.page)).toBe(typed);
        expect(await exportedGoalTitles(parent.context, planId)).toContain(typed);
        if (device === 'phone') await saveScreenshot(page, 'offline-back-online-phone', { fullPage: false });
        expect(errors).toEqual([]);
      } finally {
        await parent.context.close();
        await teacher.context.close();
      }
    });
  }

  it('says plainly when a plan was never opened on this device, and opens it once the network is back (phone)', async () => {
    const { parent, teacher, planId } = await sharedDemoPlan(PHONE);
    const { page } = parent;
    const errors = collectPageErrors(page);
    try {
      const other = await createPlanViaApi(parent.context, { childName: 'Jonas Nilsen', creatorRole: 'foresatt' });
      await openAndKeep(page, parent.user.id, planId);
      await parent.context.setOffline(true);
      await page.goto(`/planer/${other}`);
      await expectText(page.locator('h1'), 'Planen kan ikke åpnes');
      await expectText(page.getByRole('alert'), NOT_ON_DEVICE);
      await saveScreenshot(page, 'offline-plan-not-on-device-phone', { fullPage: false });
      await expectNoAxeViolations(page);
      await parent.context.setOffline(false);
      await waitForConnected(page);
      expect(errors).toEqual([]);
    } finally {
      await parent.context.close();
      await teacher.context.close();
    }
  });

  it('Mine planer offline lists the plans kept on this device, and one opens from there (phone)', async () => {
    const { parent, teacher, planId } = await sharedDemoPlan(PHONE);
    const { page } = parent;
    const errors = collectPageErrors(page);
    try {
      // Kept here: the demo plan, opened before. Not kept: a plan never opened on this device.
      await createPlanViaApi(parent.context, { childName: 'Jonas Nilsen', creatorRole: 'foresatt' });
      await openAndKeep(page, parent.user.id, planId);
      await parent.context.setOffline(true);
      await page.goto('/');
      const kept = page.locator('.kept-plans');
      await expectText(kept, 'Disse planene er lagret på denne enheten');
      const links = kept.getByRole('link');
      expect(await links.count()).toBe(1);
      expect(((await links.first().textContent()) ?? '').trim()).toBe('Emma Nilsen');
      expect(await page.getByText('Klarte ikke å hente planene dine.').count()).toBe(0);
      await saveScreenshot(page, 'offline-my-plans-phone', { fullPage: false });
      await expectNoAxeViolations(page);
      // The plan opens at its first part, from this device.
      await links.first().click();
      await page.getByRole('heading', { name: 'Om barnet og familien', level: 2 }).waitFor();
      await page.locator('.connection[data-state="offline"]').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/planer/${planId}`);

      // Back on the network, Mine planer lists every plan from the server again, by itself.
      await page.goto('/');
      await kept.waitFor();
      await parent.context.setOffline(false);
      await expect.poll(() => page.locator('.plan-list > li').count()).toBe(2);
      expect(await kept.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await parent.context.close();
      await teacher.context.close();
    }
  });

  it('offline, a login whose session has ended opens nothing, and the page says why (phone)', async () => {
    const { parent, teacher, planId } = await sharedDemoPlan(PHONE);
    const { page } = parent;
    const errors = collectPageErrors(page);
    try {
      const registered = Date.now();
      await openAndKeep(page, parent.user.id, planId);
      // Kept until the session ends, as the server says: 14 days after the login.
      const day = 24 * 3_600_000;
      await expect.poll(() => loginOpenUntil(page)).toBeGreaterThanOrEqual(registered + 14 * day - 60_000);
      expect(await loginOpenUntil(page)).toBeLessThanOrEqual(Date.now() + 14 * day);

      // A day before the end, the kept plan opens offline.
      await parent.context.setOffline(true);
      await loginOpenUntil(page, Date.now() + day);
      await page.goto('/');
      await expectText(page.locator('.kept-plans'), 'Disse planene er lagret på denne enheten');

      // Ending while the plan is on screen: the login page takes its place when the session ends.
      await loginOpenUntil(page, Date.now() + 15_000);
      await page.goto(`/planer/${planId}/mal`);
      await expect.poll(() => firstGoalTitle(page)).toBe(FIRST_GOAL);
      await page.getByRole('heading', { name: 'Logg inn' }).waitFor({ timeout: 40_000 });
      await expectText(page.getByRole('status'), 'Innloggingen din har gått ut');
      expect(await page.getByText(FIRST_GOAL).count()).toBe(0);

      // Ended an hour ago: the login page says why, every time, and the plan does not open. What is kept stays
      // until the server is asked (another tab may still be writing to it).
      await loginOpenUntil(page, Date.now() - 3_600_000);
      for (const path of ['/', `/planer/${planId}/mal`]) {
        await page.goto(path);
        await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
        await expectText(page.getByRole('status'), 'Innloggingen din har gått ut');
        expect(await page.getByText(FIRST_GOAL).count()).toBe(0);
      }
      await saveScreenshot(page, 'offline-login-expired-phone', { fullPage: false });
      await expectNoAxeViolations(page);
      expect(await storedDatabases(page)).toContain(`samplan-plan:${parent.user.id}:${planId}`);

      // Online again, the server's session (which has not ended) opens Mine planer, and the plan offline again.
      await parent.context.setOffline(false);
      await page.goto('/');
      await page.getByRole('heading', { name: 'Mine planer' }).waitFor();
      await expect.poll(() => loginOpenUntil(page)).toBeGreaterThan(Date.now() + 13 * day);
      expect(errors).toEqual([]);
    } finally {
      await parent.context.close();
      await teacher.context.close();
    }
  });

  it('a browser whose clock is ahead of the server asks who is logged in once, and opens its plans offline as long as the session lasts (phone)', async () => {
    const { parent, teacher, planId } = await sharedDemoPlan(PHONE);
    const { page } = parent;
    const errors = collectPageErrors(page);
    // The phone's clock is 15 days ahead of the server's, past the end of the session the server has just begun.
    const ahead = 15 * 24 * 3_600_000;
    await page.addInitScript((shift) => {
      const now = Date.now.bind(Date);
      Date.now = () => now() + shift;
    }, ahead);
    let asked = 0;
    page.on('request', (request) => void (new URL(request.url()).pathname === '/api/me' && (asked += 1)));
    try {
      await openAndKeep(page, parent.user.id, planId);
      // The server says the session lasts 14 days more: the page asks once, not again and again until the
      // browser's clock says it has ended (every answer saying it has not).
      const settled = asked;
      await page.waitForTimeout(2_000);
      expect(asked - settled).toBe(0);
      expect(settled).toBeLessThanOrEqual(2);
      // Kept for 14 days by the browser's own clock, so offline the kept plan still opens.
      const day = 24 * 3_600_000;
      expect(await loginOpenUntil(page)).toBeGreaterThan(Date.now() + ahead + 13 * day);
      await parent.context.setOffline(true);
      await page.goto('/');
      await expectText(page.locator('.kept-plans'), 'Disse planene er lagret på denne enheten');
      await parent.context.setOffline(false);
      expect(errors).toEqual([]);
    } finally {
      await parent.context.close();
      await teacher.context.close();
    }
  });

  it('logging out deletes every stored plan; another account on the same browser cannot open them offline (phone)', async () => {
    const { parent, teacher, planId } = await sharedDemoPlan(PHONE);
    const { page } = parent;
    const errors = collectPageErrors(page);
    try {
      await openAndKeep(page, parent.user.id, planId);
      await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
      await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
      await expect.poll(() => storedDatabases(page)).toEqual([]);

      // Someone else logs in on the same browser; offline, the parent's plan is not there for them.
      const other = await newUserContext(app.browser, app.server.url, 'Per Hansen');
      await other.context.close();
      const login = await parent.context.request.post('/api/auth/login', {
        headers: CSRF,
        data: { email: other.user.email, password: other.user.password },
      });
      expect(login.status()).toBe(200);
      await page.goto('/');
      await page.getByRole('heading', { name: 'Mine planer' }).waitFor();
      // The page shows as soon as the server has answered; the browser remembers who that is a moment after.
      await expect.poll(() => rememberedUserId(page)).toBe(other.user.id);
      await parent.context.setOffline(true);
      await page.goto(`/planer/${planId}/mal`);
      await expectText(page.getByRole('alert'), NOT_ON_DEVICE);
      expect(await page.getByText(FIRST_GOAL).count()).toBe(0);
      expect((await storedDatabases(page)).filter((name) => name.includes(parent.user.id))).toEqual([]);
      await parent.context.setOffline(false);
      expect(errors).toEqual([]);
    } finally {
      await parent.context.close();
      await teacher.context.close();
    }
  });

  it('logging out with words typed offline and not sent yet asks first, names the plan, and keeps them (phone)', async () => {
    const { parent, teacher, planId } = await sharedDemoPlan(PHONE);
    const { page } = parent;
    const errors = collectPageErrors(page);
    const question = page.getByRole('alertdialog');
    // In the header, at the top of the page.
    const logout = async (): Promise<void> => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
    };
    try {
      await openAndKeep(page, parent.user.id, planId);
      const planTitle = ((await page.locator('h1').first().textContent()) ?? '').trim();

      // Typed on the bus without a network: logging out would delete it, so the app asks, naming the plan.
      await parent.context.setOffline(true);
      await page.locator('.connection[data-state="offline"]').waitFor();
      await typeInFirstGoal(page, ' Skrevet på bussen.');
      await expectText(page.locator('.connection'), PENDING_KEPT);
      await logout();
      await expectText(question, 'ikke sendt ennå');
      const link = question.getByRole('link');
      expect(await link.count()).toBe(1);
      expect(((await link.textContent()) ?? '').trim()).toBe(CHILD);
      await expectText(question.getByRole('listitem'), planTitle);
      expect(await link.getAttribute('href')).toBe(`/planer/${planId}`);
      // Keeping the words is what Enter does.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ikke logg ut');
      await saveScreenshot(page, 'logout-unsent-phone', { fullPage: false });
      await expectNoAxeViolations(page);
      await question.getByRole('button', { name: 'Ikke logg ut' }).click();
      expect(await question.count()).toBe(0);
      expect(await storedDatabases(page)).toContain(`samplan-plan:${parent.user.id}:${planId}`);

      // Back online, the words are sent; logging out then asks nothing.
      await parent.context.setOffline(false);
      await waitForConnected(page);
      await expect.poll(() => page.locator('.connection').getAttribute('data-pending')).toBe('0');
      const sent = `${FIRST_GOAL} Skrevet på bussen.`;
      expect(await exportedGoalTitles(parent.context, planId)).toContain(sent);

      // Typed offline again, and this time the parent chooses to log out anyway: it is deleted, as they were told.
      await parent.context.setOffline(true);
      await page.locator('.connection[data-state="offline"]').waitFor();
      await typeInFirstGoal(page, ' Ikke sendt.');
      await expectText(page.locator('.connection'), PENDING_KEPT);
      await logout();
      await question.getByRole('button', { name: 'Logg ut og slett det som ikke er sendt' }).click();
      await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
      await expect.poll(() => storedDatabases(page)).toEqual([]);
      await parent.context.setOffline(false);
      const login = await parent.context.request.post('/api/auth/login', {
        headers: CSRF,
        data: { email: parent.user.email, password: parent.user.password },
      });
      expect(login.status()).toBe(200);
      const titles = await exportedGoalTitles(parent.context, planId);
      expect(titles).toContain(sent);
      expect(titles).not.toContain(`${sent} Ikke sendt.`);
      expect(errors).toEqual([]);
    } finally {
      await parent.context.close();
      await teacher.context.close();
    }
  });

  it('words typed offline survive the session ending meanwhile, and are sent after the next login (phone)', async () => {
    const { parent, teacher, planId } = await sharedDemoPlan(PHONE);
    const { page } = parent;
    const errors = collectPageErrors(page);
    const other = await newContext(app.browser, { baseURL: app.server.url });
    try {
      await openAndKeep(page, parent.user.id, planId);
      const planTitle = ((await page.locator('h1').first().textContent()) ?? '').trim();
      const kept = `samplan-plan:${parent.user.id}:${planId}`;

      // Two weeks at the cabin without a network: the words wait on the phone...
      await parent.context.setOffline(true);
      await page.locator('.connection[data-state="offline"]').waitFor();
      await typeInFirstGoal(page, ' Skrevet på hytta.');
      await expectText(page.locator('.connection'), PENDING_KEPT);
      // ...while the session ends on the server (here: «Logg ut på alle enheter» on another device; a session that
      // has expired is refused the same way, 4401).
      const login = await other.request.post('/api/auth/login', {
        headers: CSRF,
        data: { email: parent.user.email, password: parent.user.password },
      });
      expect(login.status()).toBe(200);
      expect((await other.request.post('/api/auth/logout-everywhere', { headers: CSRF })).status()).toBe(204);

      // Back on the network the plan is refused: the parent is told the words are kept, and they are.
      await parent.context.setOffline(false);
      await page.locator('.connection[data-state="failed"]').waitFor();
      await expectText(
        page.locator('.connection'),
        'Du er logget ut. Logg inn igjen og åpne planen, så sendes endringene dine.',
      );
      await saveScreenshot(page, 'logged-out-words-kept-phone', { fullPage: false });
      // Nobody is remembered any more (nothing opens offline without a new login); the plan's copy stays.
      await expect.poll(() => rememberedUserId(page)).toBe(null);
      expect(await storedDatabases(page)).toContain(kept);

      // The app opened again asks the server, is told the session has ended, and keeps the words still.
      await page.goto('/');
      await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
      expect(await storedDatabases(page)).toContain(kept);
      await page.getByLabel('E-post').fill(parent.user.email);
      await page.getByLabel('Passord').fill(parent.user.password);
      await page.getByRole('button', { name: 'Logg inn' }).click();

      // Mine planer names the plan that holds them; opening it sends them.
      await page.getByRole('heading', { name: 'Mine planer' }).waitFor();
      const notice = page.locator('.unsent-plans');
      await expectText(notice, 'Noe du har skrevet på denne enheten, er ikke sendt ennå.');
      expect(((await notice.getByRole('link').textContent()) ?? '').trim()).toBe(CHILD);
      await expectText(notice.getByRole('listitem'), planTitle);
      await saveScreenshot(page, 'plans-unsent-phone', { fullPage: false });
      await expectNoAxeViolations(page);
      await notice.getByRole('link').click();
      await waitForConnected(page);
      await expect.poll(() => page.locator('.connection').getAttribute('data-pending')).toBe('0');
      expect(await exportedGoalTitles(parent.context, planId)).toContain(`${FIRST_GOAL} Skrevet på hytta.`);
      await page.goto('/');
      await page.getByRole('heading', { name: 'Mine planer' }).waitFor();
      await page.locator('.plan-list').waitFor();
      expect(await notice.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await other.close();
      await parent.context.close();
      await teacher.context.close();
    }
  });

  it('a date typed offline and not left when the plan is left counts as not sent: logging out asks first (desktop)', async () => {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const { page } = parent;
    const errors = collectPageErrors(page);
    try {
      const planId = await createPlanViaApi(parent.context, { creatorRole: 'foresatt' });
      await openAndKeep(page, parent.user.id, planId);
      // Opened from the plan list, so that the back button goes back to it.
      await page.goto('/');
      await page.locator(`a[href="/planer/${planId}"]`).first().click();
      await page.locator('.section-nav a[data-section="periode"]').first().click();
      await page.waitForURL(`**/planer/${planId}/periode`);
      await waitForConnected(page);

      // Offline, a date typed and the plan left from the field with the back button (no blur: the plan's
      // connection writes it as it closes).
      await parent.context.setOffline(true);
      await page.locator('.connection[data-state="offline"]').waitFor();
      await page.getByLabel('Planen gjelder fra').fill('01.03.2026');
      await page.evaluate(() => history.go(-2));
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('heading', { name: 'Mine planer' }).waitFor();

      // It is kept here and not sent: logging out would delete it, so the app asks.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
      await expectText(page.getByRole('alertdialog'), 'ikke sendt ennå');
      await page.getByRole('alertdialog').getByRole('button', { name: 'Ikke logg ut' }).click();

      // Back online, it is sent.
      await parent.context.setOffline(false);
      await openPlan(page, planId, 'periode');
      await expect.poll(() => page.locator('.connection').getAttribute('data-pending')).toBe('0');
      // The page counts it sent once the server's state has arrived, which may come just before the server has
      // committed what the page sends back: asked until it has.
      const stored = async () => {
        const doc = await app.server.app.samplan.documentLog.currentDoc(planId);
        const start = doc.getMap('meta').get('periodStart') ?? null;
        doc.destroy();
        return start;
      };
      await expect.poll(stored, { timeout: 10_000 }).toBe('2026-03-01');
      expect(errors).toEqual([]);
    } finally {
      await parent.context.close();
    }
  });

  it("the invitation page's «Logg ut og bruk en annen konto» asks first too (phone)", async () => {
    const { parent, teacher, planId } = await sharedDemoPlan(PHONE);
    const { page } = parent;
    try {
      await openAndKeep(page, parent.user.id, planId);
      await parent.context.setOffline(true);
      await page.locator('.connection[data-state="offline"]').waitFor();
      await typeInFirstGoal(page, ' Skrevet uten nett.');
      await expectText(page.locator('.connection'), PENDING_KEPT);
      // The tab with the plan is closed before the network is back: the words wait on this device.
      await page.close();
      await parent.context.setOffline(false);
      const next = await parent.context.newPage();
      await next.setViewportSize(PHONE);
      const errors = collectPageErrors(next);

      // Someone invites another address to another plan; the parent opens the link in this browser.
      const other = await createPlanViaApi(teacher.context, { childName: 'Jonas Nilsen', creatorRole: 'foresatt' });
      const invite = await teacher.context.request.post(`/api/plans/${other}/invites`, {
        headers: CSRF,
        data: { email: 'ny.person@eksempel.no', role: 'deltaker', consent: { givenBy: 'Lærer Lise (mor)' } },
      });
      expect(invite.status()).toBe(201);
      const { token } = (await invite.json()) as { token: string };
      await next.goto(`/invitasjon#${token}`);
      const logoutFirst = next.getByRole('button', { name: 'Logg ut og bruk en annen konto' });
      await logoutFirst.click();
      const question = next.getByRole('alertdialog');
      await expectText(question, 'ikke sendt ennå');
      await question.getByRole('button', { name: 'Ikke logg ut' }).click();
      expect(await logoutFirst.count()).toBe(1);
      expect(await storedDatabases(next)).toContain(`samplan-plan:${parent.user.id}:${planId}`);
      expect(await exportedGoalTitles(parent.context, planId)).not.toContain(`${FIRST_GOAL} Skrevet uten nett.`);
      expect(errors).toEqual([]);
    } finally {
      await parent.context.close();
      await teacher.context.close();
    }
  });

  it('logging out when every word has been sent asks nothing (desktop)', async () => {
    const { parent, teacher, planId } = await sharedDemoPlan(DESKTOP);
    const { page } = parent;
    try {
      await openPlan(page, planId, 'mal');
      await waitForKept(page, parent.user.id, planId);
      await typeInFirstGoal(page, ' Sendt med en gang.');
      await expect.poll(() => page.locator('.connection').getAttribute('data-pending')).toBe('0');
      await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
      await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      await expect.poll(() => storedDatabases(page)).toEqual([]);
    } finally {
      await parent.context.close();
      await teacher.context.close();
    }
  });

  it('a stored edit the server refuses (4409) is deleted with the stored copy, not sent again and again', async () => {
    const { parent, teacher, planId } = await sharedDemoPlan(PHONE);
    const page = teacher.page;
    await page.setViewportSize(PHONE);
    const errors = collectPageErrors(page);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    try {
      await openPlan(page, planId, 'tiltak');
      await waitForKept(page, teacher.user.id, planId);
      await page.goto('/');
      await page.getByRole('heading', { name: 'Mine planer' }).waitFor();
      // An edit in a part the teacher may not write (about the child), kept in the teacher's stored copy as if
      // typed offline when the teacher still could.
      const forged = new Y.Doc();
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Skrevet uten nett i familiens del')]);
      forged.getXmlFragment('about.child').insert(0, [paragraph]);
      const update = [...Y.encodeStateAsUpdate(forged)];
      await page.evaluate(
        async ({ name, bytes }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const transaction = db.transaction('updates', 'readwrite');
          transaction.objectStore('updates').add(new Uint8Array(bytes));
          await new Promise((resolve) => (transaction.oncomplete = resolve));
          db.close();
        },
        { name: `samplan-plan:${teacher.user.id}:${planId}`, bytes: update },
      );

      const before = sockets.length;
      await page.goto(`/planer/${planId}/tiltak`);
      await expectText(
        page.locator('.notice'),
        'Endringen din i «Om barnet og familien» ble ikke lagret, fordi du ikke kan endre den delen av planen.',
      );
      await waitForConnected(page);
      // One refused socket and one good one; the refused edit did not come back from the store.
      const afterRefusal = sockets.length;
      expect(afterRefusal - before).toBe(2);
      const stored = await app.server.app.samplan.documentLog.currentDoc(planId);
      expect(stored.getXmlFragment('about.child').toString()).not.toContain('Skrevet uten nett');
      stored.destroy();
      await page.reload();
      await waitForConnected(page);
      expect(await page.locator('.notice').count()).toBe(0);
      expect(sockets.length - afterRefusal).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await parent.context.close();
      await teacher.context.close();
    }
  });

  it('is installable, with the shell served for it and nothing private cached', async () => {
    // A browser profile of its own: Chromium does not offer installing from an incognito context (as the other
    // tests' contexts are).
    const profile = mkdtempSync(join(tmpdir(), 'samplan-e2e-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      baseURL: app.server.url,
      locale: 'nb-NO',
      viewport: PHONE,
    });
    try {
      const details = newUserDetails('Kari Nilsen');
      expect((await context.request.post('/api/auth/register', { data: details, headers: CSRF })).status()).toBe(201);
      const planId = await createPlanViaApi(context, { demo: true, creatorRole: 'foresatt' });
      const page = context.pages()[0] ?? (await context.newPage());
      await openPlan(page, planId, 'mal');
      await waitForShell(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: unknown[];
      };
      expect(installabilityErrors).toEqual([]);
      const manifest = await context.request.get('/manifest.webmanifest');
      expect(manifest.headers()['content-type']).toContain('application/manifest+json');
      expect(await manifest.json()).toMatchObject({
        name: 'Samplan',
        lang: 'nb',
        start_url: '/',
        display: 'standalone',
        theme_color: '#1c4f82',
      });
      const worker = await context.request.get('/sw.js');
      expect(worker.headers()['cache-control']).toBe('no-cache');
      const csp = worker.headers()['content-security-policy'] ?? '';
      expect(csp).toContain("worker-src 'self'");
      expect(csp).toContain("manifest-src 'self'");
      // The shell cache holds built files only: nothing from /api or /collab, and no plan's words.
      const cached = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
        }
        return urls;
      });
      expect(cached.length).toBeGreaterThan(5);
      expect(cached.filter((path) => path.startsWith('/api') || path.startsWith('/collab'))).toEqual([]);
      expect(cached).toContain('/index.html');
      expect(cached).toContain('/manifest.webmanifest');
      expect(cached.every((path) => path === '/index.html' || /^\/(assets|icons)\/|^\/manifest/.test(path))).toBe(true);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('offline: a login made on the page lasts as long as the server says', () => {
  // An operator's sessions shorter than the default (14 days).
  const app = useWebApp({ env: () => ({ SESSION_TTL_HOURS: '2' }) });

  it('a login on the login page opens the plans kept here offline for the session the server gave it (phone)', async () => {
    const registered = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    await registered.context.close();
    const context = await newContext(app.browser, { baseURL: app.server.url, viewport: PHONE });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.goto('/logg-inn');
      await page.getByLabel('E-post').fill(registered.user.email);
      await page.getByLabel('Passord').fill(registered.user.password);
      const loggedIn = Date.now();
      await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
      await page.getByRole('heading', { name: 'Mine planer' }).waitFor();
      // Two hours, as the server's session lasts, and not the default's 14 days counted meanwhile.
      const hours = 2 * 3_600_000;
      await expect
        .poll(async () => {
          const until = await loginOpenUntil(page);
          return until !== null && until >= loggedIn + hours - 60_000 && until <= Date.now() + hours;
        })
        .toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
