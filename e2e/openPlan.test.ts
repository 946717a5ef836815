import type { WebSocket } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createPlanViaApi, newUserContext, newContext } from './support/browser.ts';
import { allViolations } from './support/axe.ts';
import { collectPageErrors, expectText, openItem, waitForConnected } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { waitFor } from './support/waitFor.ts';
import { useWebApp } from './support/webApp.ts';

// Opening a plan by its address: the entry script opens the plan's socket and asks for the plan before any of the
// plan's code has loaded (collab/earlySocket.ts); the provider takes that socket over (collab/earlyConnection.ts).
// These check that it is the one socket the page then uses, that the plan is asked for once, and that a socket
// opened before the user had logged in is replaced, not used.
describe('opening a plan by its address', () => {
  const app = useWebApp();

  const collabSockets = (sockets: WebSocket[], planId: string): WebSocket[] =>
    sockets.filter((socket) => socket.url().includes(`/collab/${planId}`));

  it('opens one socket, uses it for the plan, and shows me in the plan once it knows who I am', async () => {
    const { context, page, user } = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const errors = collectPageErrors(page);
    const planId = await createPlanViaApi(context, { demo: true, creatorRole: 'foresatt' });
    const sockets: WebSocket[] = [];
    const sent: string[] = [];
    const received = new Map<WebSocket, string[]>();
    page.on('websocket', (socket) => {
      sockets.push(socket);
      received.set(socket, []);
      socket.on('framesent', ({ payload }) => sent.push([...Buffer.from(payload)].join(',')));
      socket.on('framereceived', ({ payload }) =>
        received.get(socket)!.push([...Buffer.from(payload).subarray(0, 12)].join(',')),
      );
    });

    await page.goto(`/planer/${planId}/mal`);
    await waitForConnected(page);
    await page.locator('.presence').getByText(user.name).waitFor();
    // Typing goes over that socket: the change is in the stored plan.
    await openItem(page.locator('li[data-goal-id] > article').first());
    const title = page.locator('li[data-goal-id] textarea:not([readonly])').first();
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' hver dag');
    await waitFor(async () => {
      const res = await context.request.get(`/api/plans/${planId}/export.json`);
      return JSON.stringify(await res.json()).includes(' hver dag');
    });

    const opened = collabSockets(sockets, planId);
    // Said on failure: how each socket ended, and the last frames it got (a refusal starts with 2,…).
    const story = opened.map((socket) => ({ closed: socket.isClosed(), last: received.get(socket)!.slice(-3) }));
    expect(opened, JSON.stringify(story)).toHaveLength(1);
    expect(opened[0]!.isClosed()).toBe(false);
    // The first thing sent is the entry script's "I have nothing, send me the plan" (SyncStep1 of an empty
    // document), and the provider, taking the socket over with its document still empty, does not send it again.
    const emptySyncStep1 = '0,0,1,0';
    expect(sent[0]).toBe(emptySyncStep1);
    expect(sent.filter((frame) => frame === emptySyncStep1)).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('replaces the socket it opened before the user logged in', async () => {
    const owner = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const planId = await createPlanViaApi(owner.context, { demo: true, creatorRole: 'foresatt' });
    await owner.context.close();

    // The plan's owner, in a browser where they are not logged in yet.
    const context = await newContext(app.browser, { baseURL: app.server.url });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const sockets: WebSocket[] = [];
    page.on('websocket', (socket) => sockets.push(socket));
    await page.goto(`/planer/${planId}/mal`);
    await page.waitForURL('**/logg-inn**');
    // The early socket was refused (no session) ...
    await waitFor(() => collabSockets(sockets, planId).some((socket) => socket.isClosed()));

    // ... and after logging in, the plan opens on a new one.
    await page.getByLabel('E-post').fill(owner.user.email);
    await page.getByLabel('Passord').fill(owner.user.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(`**/planer/${planId}/mal`);
    await waitForConnected(page);
    await page.locator('li[data-goal-id]').first().waitFor();
    const opened = collabSockets(sockets, planId);
    expect(opened.length).toBe(2);
    expect(opened[0]!.isClosed()).toBe(true);
    expect(opened[1]!.isClosed()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('says so, with a way to load the page again, when a part of the app cannot be fetched', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const planId = await createPlanViaApi(context, { demo: true, creatorRole: 'foresatt' });
    // The plan page's code is lost on the way (a phone's network gone for a moment).
    const planPageCode = /\/assets\/PlanPage-[^/]*\.js$/;
    await page.route(planPageCode, (route) => route.abort('internetdisconnected'));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/planer/${planId}/mal`);
    await page.getByRole('heading', { name: 'Siden kunne ikke vises' }).waitFor();
    await expectText(page.locator('main'), 'kanskje fordi nettet var borte et øyeblikk');
    expect(await allViolations(page)).toEqual([]);
    await saveScreenshot(page, 'page-failed-phone', { fullPage: false });

    await page.unroute(planPageCode);
    await page.getByRole('button', { name: 'Last inn siden på nytt' }).click();
    await waitForConnected(page);
    await page.locator('li[data-goal-id]').first().waitFor();
    await context.close();
  });
});
