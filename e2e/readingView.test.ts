import * as encoding from 'lib0/encoding';
import type { Page, WebSocketRoute } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { allViolations } from './support/axe.ts';
import { createPlanViaApi, inviteToPlan, newUserContext } from './support/browser.ts';
import { closeItems, collectPageErrors, expectText, openItem, openPlan } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { waitFor } from './support/waitFor.ts';
import { useWebApp } from './support/webApp.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

interface ExportedPlan {
  content: { goals: Array<{ id: string; title: string; parentId: string | null }> };
}

async function exported(page: Page, planId: string): Promise<ExportedPlan> {
  const response = await page.request.get(`/api/plans/${planId}/export.json`);
  return (await response.json()) as ExportedPlan;
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const found = await allViolations(page);
  expect(found, `${where}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

// Issue 12, deliverables 1 and 2: the plan read as cards with their own titles, one item opened in place to edit,
// read-only members reading only, short fields saying who else types in them; and on a phone the part's content
// on the first screen, a compact menu of parts, the connection state and presence in sight.
describe('the reading view, on a phone and a desktop', () => {
  const app = useWebApp();
  let planId: string;
  let parent: Awaited<ReturnType<typeof newUserContext>>;
  let coordinator: Awaited<ReturnType<typeof newUserContext>>;
  let reader: Awaited<ReturnType<typeof newUserContext>>;
  let firstGoal: { id: string; title: string };

  beforeAll(async () => {
    parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    coordinator = await newUserContext(app.browser, app.server.url, 'Sofie Andersen');
    reader = await newUserContext(app.browser, app.server.url, 'Lars Leser');
    planId = await createPlanViaApi(parent.context, { demo: true, creatorRole: 'foresatt' });
    await inviteToPlan(parent.context, coordinator, planId, 'koordinator', 'Kari Nilsen (mor)');
    await inviteToPlan(parent.context, reader, planId, 'lesetilgang', 'Kari Nilsen (mor)');
    const goal = (await exported(parent.page, planId)).content.goals.find((g) => g.parentId === null)!;
    firstGoal = { id: goal.id, title: goal.title };
  });

  it('a parent on a phone reads the goals as cards, the first on the first screen, and edits one in place', async () => {
    const { page } = parent;
    const errors = collectPageErrors(page);
    await page.setViewportSize(PHONE);
    await openPlan(page, planId, 'mal');

    // The card is headed by the goal's own words; its place ("Hovedmål 1") stands above.
    const card = page.locator(`li[data-goal-id="${firstGoal.id}"] > article`);
    await expect(card.getByRole('heading', { level: 3 }).first().textContent()).resolves.toBe(firstGoal.title);
    await expectText(card.locator('.item-card__kicker').first(), 'Hovedmål 1');
    // Read, not a form: no field in any card until one is opened.
    expect(await page.locator('.item-list input, .item-list textarea, .item-list select').count()).toBe(0);
    // The section's heading and the first card start within the first screen.
    const top = await card.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThan(PHONE.height);
    // The parts are behind one menu line; the connection state is in sight.
    expect(await page.locator('.section-menu').count()).toBe(1);
    expect(await page.locator('.section-menu[open]').count()).toBe(0);
    await page.locator('.connection[data-state="connected"]').waitFor();
    await saveScreenshot(page, 'reading-goals-phone', { fullPage: false });
    await expectNoViolations(page, 'goals on a phone');

    // Open the goal, change its words, done: the card reads the new title, and the server has it.
    await card.getByRole('button', { name: `Endre: Hovedmål 1: ${firstGoal.title}` }).click();
    const title = card.getByLabel('Målet', { exact: true });
    await title.waitFor();
    await expect(title.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await saveScreenshot(page, 'reading-goal-open-phone', { fullPage: false });
    await expectNoViolations(page, 'a goal open on a phone');
    await title.fill(`${firstGoal.title} Med venner.`);
    await card
      .getByRole('button', { name: /^Ferdig/ })
      .first()
      .click();
    await expectText(card.getByRole('heading', { level: 3 }).first(), 'Med venner.');
    await expect(
      card
        .getByRole('button', { name: /^Endre/ })
        .first()
        .evaluate((element) => element === document.activeElement),
    ).resolves.toBe(true);
    await waitFor(async () =>
      (await exported(page, planId)).content.goals.some((g) => g.title === `${firstGoal.title} Med venner.`),
    );
    firstGoal.title = `${firstGoal.title} Med venner.`;

    // With one goal open, opening another closes the first, and the focus is in the one opened.
    await openItem(card);
    const second = page.locator('li.goal:not(.goal--sub) > article').nth(1);
    await second
      .locator(':scope > .item-card__header')
      .getByRole('button', { name: /^Endre/ })
      .click();
    await expect
      .poll(() => second.getByLabel('Målet', { exact: true }).evaluate((element) => element === document.activeElement))
      .toBe(true);
    expect(await card.locator(':scope > .item-card__form').count()).toBe(0);
    await closeItems(page);

    // The menu: another part is one tap away, and the menu closes on the way.
    await page.locator('.section-menu > summary').click();
    await saveScreenshot(page, 'reading-menu-phone', { fullPage: false });
    await expectNoViolations(page, 'the menu on a phone');
    await page.locator('.section-menu a[data-section="tiltak"]').click();
    await page.getByRole('heading', { name: 'Tiltak', level: 2 }).waitFor();
    expect(await page.locator('.section-menu[open]').count()).toBe(0);
    await expectText(page.locator('.section-menu__current'), 'Tiltak');
    // Nothing is wider than the phone, also with a measure open (its selects hold whole goal titles): no card or
    // button is cut off at the edge.
    await page
      .locator('.item-list > li')
      .first()
      .getByRole('button', { name: /^Endre/ })
      .click();
    await page.locator('.item-card__form').waitFor();
    const rightEdge = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll('main *')].map((element) => Math.round(element.getBoundingClientRect().right)),
      ),
    );
    expect(rightEdge).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'reading-measures-open-phone', { fullPage: false });
    await closeItems(page);
    await saveScreenshot(page, 'reading-measures-phone');
    expect(errors).toEqual([]);
  });

  it('shows the others who has an item open and who types in a short field', async () => {
    await parent.page.setViewportSize(DESKTOP);
    await coordinator.page.setViewportSize(DESKTOP);
    await openPlan(parent.page, planId, 'mal');
    // Sofie comes to Mål from Tiltak inside the app, so Back takes her there without loading the page.
    await openPlan(coordinator.page, planId, 'tiltak');
    await coordinator.page.locator('.section-nav a[data-section="mal"]').click();
    await coordinator.page.getByRole('heading', { name: 'Mål', level: 2 }).waitFor();
    const parentCard = parent.page.locator(`li[data-goal-id="${firstGoal.id}"] > article`);
    const coordinatorCard = coordinator.page.locator(`li[data-goal-id="${firstGoal.id}"] > article`);

    await coordinatorCard
      .getByRole('button', { name: /^Endre/ })
      .first()
      .click();
    await expectText(parentCard.locator('.item-card__others').first(), 'Sofie Andersen endrer nå');
    // Both open it; while Sofie types in «Hvem har uttrykt målet», Kari is told under that field.
    await parentCard
      .getByRole('button', { name: /^Endre/ })
      .first()
      .click();
    await coordinatorCard.getByLabel('Hvem har uttrykt målet').click();
    await coordinatorCard.getByLabel('Hvem har uttrykt målet').pressSequentially(' og Emma');
    const field = parentCard.locator('.field').filter({ has: parent.page.getByLabel('Hvem har uttrykt målet') });
    await expectText(field.locator('.field__presence'), 'Sofie Andersen skriver her');
    await expect(parentCard.getByLabel('Hvem har uttrykt målet').inputValue()).resolves.toMatch(/ og Emma$/);
    // Only there: not under the goal's other fields, not on the other goals.
    expect(await parentCard.locator('.field__presence').count()).toBe(1);
    expect(await parent.page.locator('.item-card__others').count()).toBe(1);
    await saveScreenshot(parent.page, 'reading-others-typing');
    await expectNoViolations(parent.page, 'a goal open with someone typing');
    // Sofie leaves for another part with her caret still in the field: both notes go (the field fires no blur).
    await coordinator.page.goBack();
    await coordinator.page.getByRole('heading', { name: 'Tiltak', level: 2 }).waitFor();
    await waitFor(async () => (await parent.page.locator('.item-card__others, .field__presence').count()) === 0, {
      message: 'the notes go when Sofie leaves',
    });
    await closeItems(parent.page);

    // An item open here that someone else deletes closes; brought back, it is not open again.
    await openPlan(coordinator.page, planId, 'mal');
    const sub = (page: Page) => page.locator('li.goal--sub > article').last();
    const subTitle = await sub(parent.page).locator('.item-card__title').textContent();
    await openItem(sub(parent.page));
    await openItem(sub(coordinator.page));
    await coordinator.page.getByRole('button', { name: /^Slett målet/ }).click();
    await coordinator.page.getByRole('alertdialog').getByRole('button', { name: 'Ja, slett' }).click();
    await waitFor(async () => (await parent.page.getByRole('heading', { name: subTitle!, exact: true }).count()) === 0);
    await expect.poll(() => parent.page.evaluate(() => document.activeElement?.id)).toBe('section-heading');
    await coordinator.page.locator('.notice').getByRole('button', { name: 'Angre' }).click();
    await parent.page.getByRole('heading', { name: subTitle!, exact: true }).waitFor();
    expect(await parent.page.locator('.item-card__form').count()).toBe(0);
  });

  it('gives a reader the reading view only, on a phone and a desktop', async () => {
    const { page } = reader;
    const errors = collectPageErrors(page);
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      for (const section of ['mal', 'tiltak', 'deltakere', 'oppgaver', 'tjenester', 'evaluering']) {
        await openPlan(page, planId, section);
        await page.locator('.item-list > li').first().waitFor();
        expect(await page.getByRole('button', { name: /^Endre/ }).count(), section).toBe(0);
        expect(await page.locator('.item-list input, .item-list textarea, .item-list select').count()).toBe(0);
        expect(await page.getByText('Alt du skriver lagres automatisk').count()).toBe(0);
        // Nothing of a reader's is saved: the status says what they see instead.
        await expectText(page.locator('.plan-toolbar > .connection'), 'Du ser endringer med en gang de blir gjort');
        expect(await page.getByText('Alle endringer er lagret').count()).toBe(0);
      }
      await saveScreenshot(page, viewport === PHONE ? 'reading-reader-phone' : 'reading-reader', {
        fullPage: viewport !== PHONE,
      });
      await expectNoViolations(page, `reader ${viewport.width}`);
    }
    expect(errors).toEqual([]);
  });

  it('does not believe a reader who claims to have a goal open or to type in it', async () => {
    const { page } = reader;
    const toServer: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/collab\//, (ws) => {
      toServer.push(ws.connectToServer());
    });
    await openPlan(page, planId, 'tjenester');
    await openPlan(parent.page, planId, 'mal');
    // An awareness frame no honest reader's page sends: in Mål, with the first goal open and typing in its title.
    const state = { section: 'maal', item: `goals:${firstGoal.id}`, field: `${firstGoal.id}:title` };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // awareness
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    // A client id above any the page's own can have, so Kari's list shows this entry for Lars.
    encoding.writeVarUint(update, 4_294_967_294);
    encoding.writeVarUint(update, 1);
    encoding.writeVarString(update, JSON.stringify(state));
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
    toServer[toServer.length - 1]!.send(Buffer.from(encoding.toUint8Array(encoder)));
    // Kari sees Lars in Mål (so the frame arrived, its name and role set by the server) ...
    await parent.page.locator('.presence__person[data-user-name="Lars Leser"]').getByText('i Mål').waitFor();
    // ... but no note says he edits the goal or types in it: a reader writes nothing.
    await openItem(parent.page.locator(`li[data-goal-id="${firstGoal.id}"] > article`));
    expect(await parent.page.locator('.item-card__others, .field__presence').count()).toBe(0);
    await closeItems(parent.page);
    await page.unrouteAll();
  });
});
