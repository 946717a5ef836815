import { beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { WebSocketRoute } from 'playwright-core';
import { createPlanViaApi, inviteToPlan, newUserContext } from './support/browser.ts';
import { collectPageErrors, expectText, openItem, openPlan, richTextEditor } from './support/planPage.ts';
import { waitFor } from './support/waitFor.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWebApp } from './support/webApp.ts';

/**
 * What no honest page of a deltaker sends: an edit of «Om barnet og familien», as a sync update on the page's own
 * socket (passed through routeWebSocket).
 */
function sendFamilyPartEdit(socket: WebSocketRoute): void {
  const forged = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Skrevet av skolen i familiens del')]);
  forged.getXmlFragment('about.child').insert(0, [paragraph]);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(forged));
  socket.send(Buffer.from(encoding.toUint8Array(encoder)));
}

// Issue 9, "Done when": a deltaker cannot change «Om barnet og familien» and is told why; measures are theirs.
describe('rights per part in the browser', () => {
  const app = useWebApp();
  let planId: string;
  let teacher: Awaited<ReturnType<typeof newUserContext>>;
  let parent: Awaited<ReturnType<typeof newUserContext>>;

  beforeAll(async () => {
    parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    teacher = await newUserContext(app.browser, app.server.url, 'Per Lærer');
    planId = await createPlanViaApi(parent.context, { demo: true, creatorRole: 'foresatt' });
    await inviteToPlan(parent.context, teacher, planId, 'deltaker', 'Kari Nilsen (mor)');
  });

  /**
   * A new deltaker in the plan, whose page's sockets pass through the test (newest last), so the test can send on
   * them what no honest page sends.
   */
  async function deltakerWithSocketInHand(name: string) {
    const guest = await newUserContext(app.browser, app.server.url, name);
    await inviteToPlan(parent.context, guest, planId, 'deltaker', 'Kari Nilsen (mor)');
    const errors = collectPageErrors(guest.page);
    const toServer: WebSocketRoute[] = [];
    await guest.page.routeWebSocket(/\/collab\//, (ws) => {
      toServer.push(ws.connectToServer());
    });
    return { ...guest, errors, toServer };
  }

  it('shows the family’s part read-only to a deltaker, says who writes it, and lets them write measures', async () => {
    const { page } = teacher;
    const errors = collectPageErrors(page);
    await openPlan(page, planId, 'barnet');
    const section = page.locator('main');
    await expectText(section, 'Denne delen skrives av familien og koordinatoren. Du kan lese den, men ikke endre den.');
    const fields = page.locator('.rich-text__static');
    // Read in one go: fields re-render while the section settles, so the n-th of an earlier count may be gone.
    // Each is read-only, and reads as text, not as a box to type in (no input border around it).
    const shown = await fields.evaluateAll((all) =>
      all.map((field) => ({
        readOnly: field.getAttribute('aria-readonly'),
        border: getComputedStyle(field).borderTopColor,
      })),
    );
    const readOnly = shown.map((field) => field.readOnly);
    const borders = shown.map((field) => field.border);
    expect(readOnly.length).toBeGreaterThan(0);
    expect(readOnly.every((value) => value === 'true')).toBe(true);
    expect(borders.every((color) => color === 'rgba(0, 0, 0, 0)')).toBe(true);
    // Clicking the text does not start an editor; nor does the page say that what they type is kept.
    await fields.first().click();
    expect(await page.locator('.ProseMirror[contenteditable="true"]').count()).toBe(0);
    expect(await page.getByText('Alt du skriver lagres automatisk').count()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'part-read-only-phone', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });

    await openPlan(page, planId, 'tiltak');
    await openItem(page.locator('li.measure > article').first());
    const title = page.getByLabel('Hva skal gjøres').first();
    expect(await title.getAttribute('readonly')).toBeNull();
    expect(await page.getByText('Denne delen skrives av').count()).toBe(0);
    expect(await page.getByText('Alt du skriver lagres automatisk').count()).toBe(1);
    // An evaluation she adds is dated today and signed with her name, both hers to change.
    await openPlan(page, planId, 'evaluering');
    await page.getByRole('button', { name: 'Ny evaluering' }).click();
    await expect.poll(() => page.getByLabel('Skrevet av').first().inputValue()).toBe('Per Lærer');
    expect(errors).toEqual([]);
  });

  it('a writer opening a plan with content the editor does not know leaves it as it was, and can still read it', async () => {
    // Written by another client before the server checked rich text: straight into the plan's log.
    const log = app.server.app.samplan.documentLog;
    const doc = await log.currentDoc(planId);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      const details = new Y.XmlElement('details');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Et avsnitt fra et annet program')]);
      details.insert(0, [paragraph]);
      doc.getXmlFragment('about.family').insert(0, [details]);
      const marked = new Y.XmlText();
      const inNeeds = new Y.XmlElement('paragraph');
      inNeeds.insert(0, [marked]);
      doc.getXmlFragment('about.needs').insert(0, [inNeeds]);
      marked.insert(0, 'Uthevet med en ukjent markering', { highlight: { color: 'gul' } });
    });
    await log.append(planId, [{ update: Y.encodeStateAsUpdate(doc, before), userId: null }]);
    const expected = {
      family: doc.getXmlFragment('about.family').toString(),
      needs: doc.getXmlFragment('about.needs').toString(),
    };
    doc.destroy();

    const { page } = parent;
    const errors = collectPageErrors(page);
    await openPlan(page, planId, 'barnet');
    await expectText(page.locator('main'), 'Et avsnitt fra et annet program');
    await expectText(page.locator('main'), 'Uthevet med en ukjent markering');
    expect(await page.getByText('Denne teksten har innhold som ikke kan redigeres her.').count()).toBe(2);
    // The other fields open in the editor as usual; typing in one is saved, and the two texts stay as they were.
    const child = await richTextEditor(page, 'Om barnet');
    await child.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Skrevet nå.');
    await waitFor(async () => {
      const stored = await log.currentDoc(planId);
      const typed = stored.getXmlFragment('about.child').toString().includes('Skrevet nå.');
      const kept = {
        family: stored.getXmlFragment('about.family').toString(),
        needs: stored.getXmlFragment('about.needs').toString(),
      };
      stored.destroy();
      expect(kept).toEqual(expected);
      return typed;
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText('Et avsnitt fra et annet program').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'rich-text-kept-phone', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(errors).toEqual([]);
  });

  it('when the server refuses an edit, the page loads the plan again and says what was not saved', async () => {
    const { page, errors, toServer } = await deltakerWithSocketInHand('Siv Skole');
    await openPlan(page, planId, 'tiltak');
    sendFamilyPartEdit(toServer[toServer.length - 1]!);
    await expectText(
      page.locator('.notice'),
      'Endringen din i «Om barnet og familien» ble ikke lagret, fordi du ikke kan endre den delen av planen.',
    );
    // A new connection, with the plan as stored: connected again, and measures still theirs to write.
    await waitFor(() => toServer.length >= 2);
    await page.locator('.connection[data-state="connected"]').waitFor();
    await openItem(page.locator('li.measure > article').first());
    expect(await page.getByLabel('Hva skal gjøres').first().getAttribute('readonly')).toBeNull();
    const stored = await app.server.app.samplan.documentLog.currentDoc(planId);
    expect(stored.getXmlFragment('about.child').toString()).not.toContain('Skrevet av skolen');
    stored.destroy();
    await saveScreenshot(page, 'update-refused-notice', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'update-refused-notice-phone', { fullPage: false });
    expect(errors).toEqual([]);
  });
  // Pages without the plan's notice area: møtemodus, and the print view (words typed offline can be refused there,
  // when they are sent after the member's rights changed).
  for (const where of ['møtemodus', 'utskrift'] as const) {
    it(`in ${where} too, a refused edit is told until the user closes the message`, async () => {
      const { context, page, errors, toServer } = await deltakerWithSocketInHand('Anne Helsesykepleier');
      const plan = (await (await parent.context.request.get(`/api/plans/${planId}/export.json`)).json()) as {
        content: { meetings: Array<{ id: string }> };
      };
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(
        where === 'møtemodus'
          ? `/planer/${planId}/moter/${plan.content.meetings[0]!.id}`
          : `/planer/${planId}/utskrift`,
      );
      await waitFor(() => toServer.length >= 1);
      await page.locator('main h1').waitFor();
      await waitFor(async () => (await page.locator('.spinner').count()) === 0);
      sendFamilyPartEdit(toServer[toServer.length - 1]!);
      const alert = page.getByRole('alert').filter({ hasText: 'ble ikke lagret' });
      await expectText(
        alert,
        'Endringen din i «Om barnet og familien» ble ikke lagret, fordi du ikke kan endre den delen av planen.',
      );
      await waitFor(() => toServer.length >= 2);
      await page.locator('main h1').waitFor();
      if (where === 'møtemodus') {
        await page.locator('.connection[data-state="connected"]').waitFor();
        await saveScreenshot(page, 'update-refused-meeting-phone', { fullPage: false });
      } else {
        await saveScreenshot(page, 'update-refused-print-phone', { fullPage: false });
        // Not on paper.
        await page.emulateMedia({ media: 'print' });
        expect(await alert.isVisible()).toBe(false);
        await page.emulateMedia({ media: 'screen' });
      }
      // It stays until closed (a meeting is long, and the minutes need the writer's eyes); closing puts focus on
      // the page's heading.
      await alert.getByRole('button', { name: 'Lukk meldingen' }).click();
      await alert.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
