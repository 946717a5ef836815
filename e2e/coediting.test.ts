import { describe, expect, it } from 'vitest';
import { createPlanViaApi, CSRF, newUserContext, newContext } from './support/browser.ts';
import { collectPageErrors, editorText, openPlan, richTextEditor, waitForConnected } from './support/planPage.ts';
import { startServer } from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';
import { useWebApp } from './support/webApp.ts';

// Issue 3, "Done when": one plan in two browser contexts, both typing at once in a rich-text field, the same text in
// both, and again after the server is restarted.
describe('co-editing one rich-text field in two browsers', () => {
  const app = useWebApp();

  it('converges while both type at once, and keeps the text across a server restart', async () => {
    const first = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const planId = await createPlanViaApi(first.context, { childName: 'Emma Nilsen' });
    // The same person in a second browser (a plan has one member until invitations exist).
    const second = { context: await newContext(app.browser, { baseURL: app.server.url }) };
    await second.context.request.post('/api/auth/login', {
      headers: CSRF,
      data: { email: first.user.email, password: first.user.password },
    });
    const pageB = await second.context.newPage();
    const errors = [...collectPageErrors(first.page), ...collectPageErrors(pageB)];

    await Promise.all([openPlan(first.page, planId), openPlan(pageB, planId)]);
    const editorA = await richTextEditor(first.page, 'Om barnet');
    const editorB = await richTextEditor(pageB, 'Om barnet');

    // Sofie's first line and Kari's second line of the same field.
    await editorA.click();
    await editorA.pressSequentially('Første linje.', { delay: 5 });
    await editorA.press('Enter');
    await editorA.pressSequentially('Andre linje.', { delay: 5 });
    await waitFor(async () => (await editorText(editorB)) === 'Første linje.\nAndre linje.');

    // Both type at once, each in their own line of the same field.
    await editorA.locator('p').first().click();
    await editorA.press('End');
    await editorB.locator('p').last().click();
    await editorB.press('End');
    const wordsA = ' Emma liker musikk og svømming.';
    const wordsB = ' Storebror Henrik er elleve år.';
    await Promise.all([
      editorA.pressSequentially(wordsA, { delay: 15 }),
      editorB.pressSequentially(wordsB, { delay: 15 }),
    ]);
    let last: string[] = [];
    const converged = await waitFor(
      async () => {
        const [a, b] = await Promise.all([editorText(editorA), editorText(editorB)]);
        last = [a, b];
        return a === b ? a : false;
      },
      { message: 'both editors show the same text' },
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(last)}`);
    });
    expect(converged).toBe(`Første linje.${wordsA}\nAndre linje.${wordsB}`);

    // Both type at the very same spot: the result may interleave, but both browsers show the same text with
    // every letter kept.
    await editorA.locator('p').last().click();
    await editorA.press('End');
    await editorB.locator('p').last().click();
    await editorB.press('End');
    await Promise.all([
      editorA.pressSequentially(' abc', { delay: 15 }),
      editorB.pressSequentially(' xyz', { delay: 15 }),
    ]);
    const sameSpot = await waitFor(
      async () => {
        const [a, b] = await Promise.all([editorText(editorA), editorText(editorB)]);
        return a === b && a.length === converged.length + 8 ? a : false;
      },
      { message: 'same text after typing at the same spot' },
    );
    const added = sameSpot.split('\n')[1]!.slice(`Andre linje.${wordsB}`.length);
    expect([...added].sort().join('')).toBe([...' abc xyz'].sort().join(''));

    // Restart: close the app and build a new one on the same data folder and port.
    await app.server.close();
    await Promise.all([
      first.page.locator('.connection[data-state="reconnecting"]').waitFor(),
      pageB.locator('.connection[data-state="reconnecting"]').waitFor(),
    ]);
    app.server = await startServer({ dataDir: app.dataDir, webDist: app.webDist, port: app.server.port });
    await Promise.all([waitForConnected(first.page), waitForConnected(pageB)]);

    // Typing continues after the restart and still converges.
    await editorB.click();
    await editorB.press('End');
    await editorB.pressSequentially(' Etter omstart.', { delay: 10 });
    const afterRestart = await waitFor(async () => {
      const [a, b] = await Promise.all([editorText(editorA), editorText(editorB)]);
      return a === b && a.includes('Etter omstart.') ? a : false;
    });
    expect(afterRestart.replace(' Etter omstart.', '')).toBe(sameSpot);

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
