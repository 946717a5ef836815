import { beforeAll, describe, expect, it } from 'vitest';
import { createPlanViaApi, inviteToPlan, newUserContext } from './support/browser.ts';
import { collectPageErrors, expectText, openPlan } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWebApp } from './support/webApp.ts';

// Issue 9, "Done when": a deltaker cannot change «Om barnet og familien» and is told why; measures are theirs.
describe('rights per part in the browser', () => {
  const app = useWebApp();
  let planId: string;
  let teacher: Awaited<ReturnType<typeof newUserContext>>;

  beforeAll(async () => {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    teacher = await newUserContext(app.browser, app.server.url, 'Per Lærer');
    planId = await createPlanViaApi(parent.context, { demo: true, creatorRole: 'foresatt' });
    await inviteToPlan(parent.context, teacher, planId, 'deltaker', 'Kari Nilsen (mor)');
  });

  it('shows the family’s part read-only to a deltaker, says who writes it, and lets them write measures', async () => {
    const { page } = teacher;
    const errors = collectPageErrors(page);
    await openPlan(page, planId, 'barnet');
    const section = page.locator('main');
    await expectText(section, 'Denne delen skrives av familien og koordinatoren. Du kan lese den, men ikke endre den.');
    const fields = page.locator('.rich-text__static');
    expect(await fields.count()).toBeGreaterThan(0);
    for (const field of await fields.all()) expect(await field.getAttribute('aria-readonly')).toBe('true');
    // Clicking the text does not start an editor.
    await fields.first().click();
    expect(await page.locator('.ProseMirror[contenteditable="true"]').count()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'part-read-only-phone', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });

    await openPlan(page, planId, 'tiltak');
    const title = page.getByLabel('Hva skal gjøres').first();
    expect(await title.getAttribute('readonly')).toBeNull();
    expect(await page.getByText('Denne delen skrives av').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
