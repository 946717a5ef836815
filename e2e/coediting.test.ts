import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanViaApi, launchBrowser, newUserContext } from './support/browser.ts';
import { collectPageErrors, editorText, openPlan, richTextEditor, waitForConnected } from './support/planPage.ts';
import { startServer, tempDataDir, type RunningServer } from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';
import { ensureWebBuild } from './support/webBuild.ts';

// Issue 3, "Done when": one plan in two browser contexts, both typing at once in a rich-text field, the same text in
// both, and again after the server is restarted.
describe('co-editing one rich-text field in two browsers', () => {
  let browser: Browser;
  let server: RunningServer;
  let webDist: string;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    webDist = await ensureWebBuild();
    server = await startServer({ dataDir, webDist });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('converges while both type at once, and keeps the text across a server restart', async () => {
    const first = await newUserContext(browser, server.url, 'Kari Nilsen');
    const planId = await createPlanViaApi(first.context, { childName: 'Emma Nilsen' });
    // The same person in a second browser (a plan has one member until invitations exist).
    const second = { context: await browser.newContext({ baseURL: server.url, locale: 'nb-NO' }) };
    await second.context.request.post('/api/auth/login', { data: { email: first.user.email, password: first.user.password } });
    const pageB = await second.context.newPage();
    const errors = [...collectPageErrors(first.page), ...collectPageErrors(pageB)];

    await Promise.all([openPlan(first.page, planId), openPlan(pageB, planId)]);
    const editorA = await richTextEditor(first.page, 'Om barnet');
    const editorB = await richTextEditor(pageB, 'Om barnet');

    await editorA.click();
    await editorA.press('Enter');
    await editorB.click();
    const wordsA = 'Emma liker musikk og svømming.';
    const wordsB = 'Storebror Henrik er elleve år.';
    await Promise.all([
      editorA.pressSequentially(wordsA, { delay: 15 }),
      editorB.pressSequentially(wordsB, { delay: 15 }),
    ]);

    const converged = await waitFor(async () => {
      const [a, b] = await Promise.all([editorText(editorA), editorText(editorB)]);
      return a === b && a.includes(wordsA) && a.includes(wordsB) ? a : false;
    }, { message: 'both editors show the same text' });

    // Restart: close the app and build a new one on the same data folder and port.
    await server.close();
    await Promise.all([
      first.page.locator('.connection[data-state="reconnecting"]').waitFor(),
      pageB.locator('.connection[data-state="reconnecting"]').waitFor(),
    ]);
    server = await startServer({ dataDir, webDist, port: server.port });
    await Promise.all([waitForConnected(first.page), waitForConnected(pageB)]);

    // Typing continues after the restart and still converges.
    await editorB.click();
    await editorB.press('End');
    await editorB.pressSequentially(' Etter omstart.', { delay: 10 });
    const afterRestart = await waitFor(async () => {
      const [a, b] = await Promise.all([editorText(editorA), editorText(editorB)]);
      return a === b && a.includes('Etter omstart.') ? a : false;
    });
    expect(afterRestart.replace(' Etter omstart.', '')).toBe(converged);

    // A fresh load reads the text from the restarted server's store.
    await first.page.reload();
    await waitForConnected(first.page);
    const reloaded = await richTextEditor(first.page, 'Om barnet');
    await waitFor(async () => (await editorText(reloaded)) === afterRestart, { message: 'reloaded text' });

    expect(errors).toEqual([]);
    await first.context.close();
    await second.context.close();
  });
});
