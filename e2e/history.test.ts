import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { createPlanViaApi, inviteToPlan, newUserContext, type TestUser } from './support/browser.ts';
import { collectPageErrors, expectText, openItem, openPlan } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { waitFor } from './support/waitFor.ts';
import { useWebApp } from './support/webApp.ts';

interface Person {
  context: BrowserContext;
  page: Page;
  user: TestUser;
  errors: string[];
}

const goal = (page: Page, title: string) =>
  page.locator('li.goal').filter({ has: page.getByRole('heading', { name: title, exact: true, level: 3 }) });

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

// Issue 13, "Done when": two people in one plan; one deletes a goal, the other sees who did it and restores it.
describe('history in the browser: who deleted what, and bringing it back', () => {
  // Kari's stays in the plan here are seconds long; a visit counts from one second (30 by default).
  const app = useWebApp({ env: () => ({ VISIT_MIN_SECONDS: '1' }) });
  let parent: Person;
  let teacher: Person;
  let planId: string;
  let title: string;

  beforeAll(async () => {
    const kari = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const per = await newUserContext(app.browser, app.server.url, 'Per Hansen');
    parent = { ...kari, errors: collectPageErrors(kari.page) };
    teacher = { ...per, errors: collectPageErrors(per.page) };
    planId = await createPlanViaApi(parent.context, {
      title: 'Individuell plan for Emma',
      demo: true,
      creatorRole: 'foresatt',
    });
    await inviteToPlan(parent.context, teacher, planId, 'koordinator', 'Kari Nilsen (mor)');
    const plan = (await (await parent.context.request.get(`/api/plans/${planId}/export.json`)).json()) as {
      content: { goals: Array<{ title: string; parentId: string | null }> };
    };
    title = plan.content.goals.find((g) => g.parentId === null)!.title;
  });

  it('tells the others who deleted a goal, and one of them brings it back for everyone', async () => {
    await Promise.all([openPlan(parent.page, planId, 'mal'), openPlan(teacher.page, planId, 'mal')]);
    await goal(parent.page, title).waitFor();

    await openItem(goal(teacher.page, title).locator(':scope > article'));
    await teacher.page.getByRole('button', { name: `Slett målet «${title}»` }).click();
    // The goal has words in it: the app asks first.
    await teacher.page.getByRole('alertdialog').getByRole('button', { name: 'Ja, slett' }).click();
    // The one who deleted gets an undo; the other is told who deleted what, with «Gjenopprett».
    await expectText(teacher.page.locator('.notice'), 'Målet ble slettet.');
    const notice = parent.page.locator('.notice');
    await expectText(notice, `Per Hansen slettet målet «${title}».`);
    await waitFor(async () => (await goal(parent.page, title).count()) === 0);
    await saveScreenshot(parent.page, 'history-removed-notice', { fullPage: false });

    await notice.getByRole('button', { name: 'Gjenopprett' }).click();
    await expectText(notice, `Målet «${title}» er gjenopprettet.`);
    // Back for both, without reloading; its delmål too.
    await goal(parent.page, title).waitFor();
    await goal(teacher.page, title).waitFor();
    expect(await parent.page.locator('li.goal--sub').count()).toBeGreaterThan(0);
    expect(parent.errors).toEqual([]);
    expect(teacher.errors).toEqual([]);
  });

  it('lists the versions, opens the one before, compares it with now, on a desktop and on a phone', async () => {
    const page = parent.page;
    await page.getByRole('link', { name: 'Historikk' }).first().click();
    await page.waitForURL(`**/planer/${planId}/historikk`);
    const list = page.getByRole('list', { name: 'Versjoner av planen' });
    await expectText(list, 'Per Hansen endret mål, ressurser og behov');
    await expectText(list, 'Kari Nilsen hentet tilbake mål, ressurser og behov og tiltak fra en tidligere versjon');
    await expectText(list, 'Kari Nilsen opprettet planen');
    await saveScreenshot(page, 'history-versions');
    await expectNoViolations(page, 'history');

    // Name the plan as it is now.
    await page.getByLabel('Navn på versjonen').fill('Etter at målet ble hentet tilbake');
    await page.getByRole('button', { name: 'Lagre navnet' }).click();
    await expectText(list, 'Etter at målet ble hentet tilbake');

    // The version before the deletion: the plan as it was, read-only, to print.
    const created = page.locator('li.version', { hasText: 'Kari Nilsen opprettet planen' });
    await created.getByRole('link', { name: 'Se planen slik den var' }).click();
    await page.locator('.version-banner').waitFor();
    await expectText(page.locator('.print-plan'), title);
    expect(await page.locator('.print-plan input, .print-plan [contenteditable="true"]').count()).toBe(0);
    await saveScreenshot(page, 'history-version');
    await expectNoViolations(page, 'version');

    // Restored, the plan is as it was created: nothing differs from then to now.
    await page.getByRole('link', { name: 'Sammenlign med nå' }).click();
    await page.waitForURL(`**/planer/${planId}/endringer?fra=*`);
    await expectText(page.locator('main'), 'Ingenting er endret i denne perioden.');
    // From the plan as created to the version Per deleted the goal in.
    const until = page.getByLabel('Til versjonen');
    const perVersion = await until.locator('option', { hasText: 'Per Hansen' }).first().getAttribute('value');
    await until.selectOption(perVersion!);
    await page.getByRole('button', { name: 'Sammenlign', exact: true }).click();
    await page.waitForURL(`**/endringer?fra=*&til=${perVersion}`);
    const removed = page.locator('li.change--removed', { hasText: title });
    await expectText(removed, 'av Per Hansen');
    await removed.getByRole('button', { name: `Gjenopprett målet «${title}»` }).waitFor();
    await page.getByRole('button', { name: 'Gjenopprett «Mål, ressurser og behov» slik det var' }).waitFor();
    await saveScreenshot(page, 'history-changes');
    await expectNoViolations(page, 'changes');

    const comparison = page.url();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await removed.waitFor();
    await saveScreenshot(page, 'history-changes-phone');
    await expectNoViolations(page, 'changes on a phone');
    await page.goto(`/planer/${planId}/historikk`);
    await list.waitFor();
    await saveScreenshot(page, 'history-versions-phone');
    await expectNoViolations(page, 'history on a phone');
    await page.goto(comparison.replace(/endringer\?fra=(\d+).*$/, 'historikk/$1'));
    await page.locator('.version-banner').waitFor();
    await saveScreenshot(page, 'history-version-phone', { fullPage: false });
    await expectNoViolations(page, 'version on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    // The goal is back in the plan already: bringing it back again says so, and offers it no more.
    await page.goto(comparison);
    await removed.getByRole('button', { name: `Gjenopprett målet «${title}»` }).click();
    await expectText(removed, 'Målet er allerede i planen.');
    expect(await removed.getByRole('button', { name: /^Gjenopprett/ }).count()).toBe(0);
    expect(parent.errors).toEqual([]);
  });

  it('brings back a deleted hovedmål from «Hva er endret», and its delmål are said to have come back with it', async () => {
    const versions = async () =>
      (await (await parent.context.request.get(`/api/plans/${planId}/versions`)).json()) as { head: number };
    const before = (await versions()).head;
    await openPlan(teacher.page, planId, 'mal');
    await openItem(goal(teacher.page, title).locator(':scope > article'));
    await teacher.page.getByRole('button', { name: `Slett målet «${title}»` }).click();
    await teacher.page.getByRole('alertdialog').getByRole('button', { name: 'Ja, slett' }).click();
    await waitFor(async () => (await versions()).head > before);

    const page = parent.page;
    // The history says what Per deleted, and leads to where it can be brought back.
    await page.goto(`/planer/${planId}/historikk`);
    const deleted = page.locator('li.version', { hasText: `Slettet målet «${title}»` }).first();
    await deleted.getByRole('link', { name: 'Se det som ble slettet, og hent det tilbake' }).click();
    await page.waitForURL(`**/planer/${planId}/endringer?fra=*&til=*`);
    const removed = page.locator('li.change--removed');
    await removed.first().waitFor();
    const delmaal = removed.filter({ hasNotText: title });
    expect(await delmaal.count()).toBeGreaterThan(0);
    await removed
      .filter({ hasText: title })
      .getByRole('button', { name: `Gjenopprett målet «${title}»` })
      .click();
    await expectText(removed.filter({ hasText: title }), 'Målet er gjenopprettet.');
    // Its delmål came back with it: told so, and not offered again (that did nothing, and said «gjenopprettet»).
    await expectText(delmaal.first(), 'Målet kom tilbake sammen med hovedmålet.');
    expect(await delmaal.getByRole('button', { name: /^Gjenopprett/ }).count()).toBe(0);
    await goal(teacher.page, title).waitFor();
    expect(parent.errors).toEqual([]);
  });

  it('says what others changed since I was last here when I open the plan again', async () => {
    // Kari has left the plan (she is on the history page); Per changes a goal's title.
    await openItem(teacher.page.locator('li.goal > article').first());
    const input = teacher.page.getByLabel('Målet', { exact: true }).first();
    await input.click();
    await input.press('End');
    await input.pressSequentially(' (oppdatert)');
    await waitFor(async () => {
      const plan = (await (await parent.context.request.get(`/api/plans/${planId}/export.json`)).json()) as {
        content: { goals: Array<{ title: string }> };
      };
      return plan.content.goals.some((g) => g.title.endsWith('(oppdatert)'));
    });
    await openPlan(parent.page, planId);
    const banner = parent.page.locator('.since-last-visit');
    await expectText(banner, 'Per Hansen har endret mål, ressurser og behov.');
    await saveScreenshot(parent.page, 'history-since-last-visit', { fullPage: false });
    await banner.getByRole('link', { name: 'Se hva som er endret' }).click();
    await parent.page.waitForURL(`**/planer/${planId}/endringer?fra=*`);
    const change = parent.page.locator('li.change--changed').first();
    await expectText(change, 'av Per Hansen');
    await expectText(change.locator('ins'), '(oppdatert)');
    expect(parent.errors).toEqual([]);
    expect(teacher.errors).toEqual([]);
  });
  it('offers a teacher only what she may bring back, and says who can bring back the rest', async () => {
    const marte = await newUserContext(app.browser, app.server.url, 'Marte Olsen');
    try {
      await inviteToPlan(parent.context, marte, planId, 'deltaker', 'Kari Nilsen (mor)');
      // Per, the koordinator, deletes a goal after she joined: a part she does not write.
      const versions = async () =>
        (await (await parent.context.request.get(`/api/plans/${planId}/versions`)).json()) as { head: number };
      const before = (await versions()).head;
      const other = (await (await parent.context.request.get(`/api/plans/${planId}/export.json`)).json()) as {
        content: { goals: Array<{ title: string; parentId: string | null }> };
      };
      const doomed = other.content.goals.filter((g) => g.parentId === null).at(-1)!.title;
      await openPlan(teacher.page, planId, 'mal');
      await openItem(goal(teacher.page, doomed).locator(':scope > article'));
      await teacher.page.getByRole('button', { name: `Slett målet «${doomed}»` }).click();
      await teacher.page.getByRole('alertdialog').getByRole('button', { name: 'Ja, slett' }).click();
      await waitFor(async () => (await versions()).head > before);

      const page = marte.page;
      await page.goto(`/planer/${planId}/historikk`);
      await expectText(page.locator('.lead'), 'Resten kan familien eller koordinatoren hente tilbake.');
      const deleted = page.locator('li.version', { hasText: `Slettet målet «${doomed}»` }).first();
      await deleted.getByRole('link', { name: 'Se det som ble slettet', exact: true }).click();
      await page.waitForURL(`**/planer/${planId}/endringer?fra=*&til=*`);
      await page.locator('li.change--removed').first().waitFor();
      expect(await page.getByRole('button', { name: /^Gjenopprett/ }).count()).toBe(0);
    } finally {
      await marte.context.close();
    }
  });
});
