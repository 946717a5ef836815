import { addItem, dayInNorway, updateMeta } from '@samplan/plan-model';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { seriousViolations } from './support/axe.ts';
import { CSRF, createPlanViaApi, newUserContext } from './support/browser.ts';
import { mailedInvitationLink } from './support/mailedInvitation.ts';
import { expectText } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { editStoredPlan } from './support/storedPlan.ts';
import { waitFor } from './support/waitFor.ts';
import { useWebApp } from './support/webApp.ts';

/** A day counted from today in Norway, as the server counts them (this process's own day differs around midnight). */
const daysFromNow = (days: number): string => dayInNorway(Date.now() + days * 86_400_000);
const norwegian = (iso: string): string => iso.split('-').reverse().join('.');

/** The cards of Mine planer in order: the child's name and what each names. */
const cards = (page: Page) =>
  page.locator('.plan-card').evaluateAll((elements) =>
    elements.map((card) => ({
      child: card.querySelector('.plan-card__title')?.textContent?.trim() ?? '',
      items: [...card.querySelectorAll('.attention')].map((item) => item.textContent?.trim() ?? ''),
    })),
  );

// Issue 10: a koordinator's Mine planer is a worklist, most pressing first, each thing that needs her named.
describe("the koordinator's caseload", () => {
  const app = useWebApp({ env: () => ({ NOTIFY_DELAY_MS: '50', CHANGE_LOG_DELAY_MS: '50' }) });

  it('orders eight plans by urgency, names each overdue item, and filters and searches them', async () => {
    const koordinator = await newUserContext(app.browser, app.server.url, 'Sofie Andersen');
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const teacher = await newUserContext(app.browser, app.server.url, 'Lærer Lise');
    const join = async (planId: string, guest: typeof parent, role: string) => {
      const invite = await koordinator.context.request.post(`/api/plans/${planId}/invites`, {
        headers: CSRF,
        data: { email: guest.user.email, role },
      });
      // Into the family from outside it, the link is mailed only: the guest reads it there.
      const created = (await invite.json()) as { token: string | null };
      const token = created.token ?? new URL(await mailedInvitationLink(app.dataDir, guest.user.email)).hash.slice(1);
      expect(
        (await guest.context.request.post('/api/invites/accept', { headers: CSRF, data: { token } })).status(),
      ).toBe(200);
    };
    const plan = async (child: string, options: { familyAnswered?: boolean; edit?: (doc: Y.Doc) => void } = {}) => {
      const planId = await createPlanViaApi(koordinator.context, { childName: child });
      if (options.familyAnswered !== false) {
        await join(planId, parent, 'foresatt');
        const given = await parent.context.request.post(`/api/plans/${planId}/family-consent`, {
          headers: CSRF,
          data: { shareWithUserIds: [koordinator.user.id] },
        });
        expect(given.status()).toBe(201);
      }
      if (options.edit) await editStoredPlan(app.server, planId, koordinator.user.id, options.edit);
      return planId;
    };

    await plan('Noah Dahl');
    await plan('Lea Moe', { edit: (doc) => updateMeta(doc, { nextRevision: daysFromNow(20) }) });
    await plan('Sara Lie', {
      edit: (doc) => void addItem(doc, 'goals', { title: 'Svømme 25 meter', targetDate: daysFromNow(7) }),
    });
    await plan('Mia Berg', { familyAnswered: false });
    const jon = await plan('Jon Vik');
    await join(jon, teacher, 'deltaker');
    await plan('Ali Khan', {
      edit: (doc) => void addItem(doc, 'tasks', { title: 'Søke om støttekontakt', dueDate: daysFromNow(-5) }),
    });
    const bo = await plan('Bo Hansen', { edit: (doc) => updateMeta(doc, { nextRevision: daysFromNow(-10) }) });
    await plan('Emma Nilsen', {
      edit: (doc) => {
        updateMeta(doc, { evaluationInterval: 'P6W', periodStart: daysFromNow(-72) });
        addItem(doc, 'goals', { title: 'Gå selv i skolebygget', status: 'pagar' });
      },
    });

    const page = koordinator.page;
    await page.goto('/');
    await expectText(page.locator('h1'), 'Mine planer');
    const list = await waitFor(async () => {
      const current = await cards(page);
      return current.length === 8 ? current : false;
    });
    expect(list.map((card) => card.child)).toEqual([
      'Emma Nilsen',
      'Bo Hansen',
      'Ali Khan',
      'Mia Berg',
      'Jon Vik',
      'Sara Lie',
      'Lea Moe',
      'Noah Dahl',
    ]);
    expect(list[0]!.items).toEqual(['Evaluering av «Gå selv i skolebygget» er 30 dager på overtid']);
    expect(list[1]!.items).toEqual([`Revisjon ${norwegian(daysFromNow(-10))} er passert`]);
    expect(list[2]!.items).toEqual(['Oppgaven «Søke om støttekontakt» er 5 dager på overtid']);
    expect(list[3]!.items).toEqual(['Venter på samtykke fra familien']);
    expect(list[4]!.items).toEqual(['1 deltaker venter på samtykke fra familien']);
    expect(list[5]!.items).toEqual([`Evaluering av «Svømme 25 meter» om 7 dager (${norwegian(daysFromNow(7))})`]);
    expect(list[6]!.items).toEqual([`Revisjon ${norwegian(daysFromNow(20))}, om 20 dager`]);
    expect(list[7]!.items).toEqual([]);
    await expectText(page.locator('.plan-card').first(), 'Sist endret');
    await saveScreenshot(page, 'caseload');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Vis').selectOption({ label: 'Noe er på overtid' });
    await expect
      .poll(async () => (await cards(page)).map((card) => card.child))
      .toEqual(['Emma Nilsen', 'Bo Hansen', 'Ali Khan']);
    await expectText(page.locator('.caseload-tools__count'), 'Viser 3 av 8 planer');
    await page.getByLabel('Vis').selectOption({ label: 'Alle planer' });
    await page.getByLabel('Søk etter barnets navn').fill('bo h');
    await expect.poll(async () => (await cards(page)).map((card) => card.child)).toEqual(['Bo Hansen']);
    await page.getByLabel('Søk etter barnets navn').fill('');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'caseload-phone', { fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);

    // The passed revision is flagged in the plan too.
    await page.goto(`/planer/${bo}/periode`);
    await expectText(page.locator('.plan-section'), `Revisjonen ${norwegian(daysFromNow(-10))} er passert.`);
    await expectText(page.locator('.overview'), 'Datoen er passert');
    // The evaluation interval is chosen as every N weeks or months, written as plan-model reads it.
    await page.getByRole('button', { name: 'Sett hvor ofte' }).click();
    await expect.poll(() => page.getByLabel('Antall').inputValue()).toBe('3');
    await page.getByLabel('Enhet').selectOption('uker');
    await page.getByLabel('Antall').fill('6');
    await page.getByRole('group', { name: 'Hvor ofte målene evalueres' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'periode-intervall-phone', { fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
    const stored = await waitFor(async () => {
      const doc = await app.server.app.samplan.documentLog.currentDoc(bo);
      const value = doc.getMap('meta').get('evaluationInterval');
      doc.destroy();
      return value === 'P6W' ? value : false;
    });
    expect(stored).toBe('P6W');
    for (const context of [koordinator.context, parent.context, teacher.context]) await context.close();
  });

  it('tells a teacher in Varsler about a task given to her, and she chooses what she gets by mail', async () => {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const teacher = await newUserContext(app.browser, app.server.url, 'Lærer Lise');
    const planId = await createPlanViaApi(parent.context, { childName: 'Emma Nilsen', creatorRole: 'foresatt' });
    const invite = await parent.context.request.post(`/api/plans/${planId}/invites`, {
      headers: CSRF,
      data: { email: teacher.user.email, role: 'deltaker', consent: { givenBy: 'Kari Nilsen (mor)' } },
    });
    const { token } = (await invite.json()) as { token: string };
    await teacher.context.request.post('/api/invites/accept', { headers: CSRF, data: { token } });
    await editStoredPlan(app.server, planId, parent.user.id, (doc) => {
      const lise = addItem(doc, 'participants', { name: 'Lærer Lise', contact: teacher.user.email });
      addItem(doc, 'tasks', { title: 'Lage ukeplan', responsibleId: lise, dueDate: daysFromNow(7) });
    });

    const page = teacher.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await waitFor(async () => {
      await page.goto('/');
      return (await page.getByRole('link', { name: 'Varsler (1 ny)' }).count()) === 1;
    });
    await page.getByRole('link', { name: 'Varsler (1 ny)' }).click();
    await expectText(page.locator('h1'), 'Varsler');
    const text = `Du har fått oppgaven «Lage ukeplan» i planen for Emma Nilsen, frist ${norwegian(daysFromNow(7))}.`;
    await expectText(page.locator('.notification-list'), text);
    await saveScreenshot(page, 'varsler-phone');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Når noen gir meg en oppgave').uncheck();
    await page.getByLabel('Hver uke').check();
    await page.getByRole('button', { name: 'Lagre valgene' }).click();
    await expectText(page.getByRole('status'), 'Valgene er lagret.');
    const saved = await teacher.context.request.get('/api/notification-settings');
    expect(await saved.json()).toEqual({
      mail: { task: false, meeting: true, due: true, consentRequest: true },
      digest: 'ukentlig',
    });
    await page.getByRole('button', { name: 'Merk alle som lest' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Varsler', exact: true }).count()).toBe(1);
    await page.getByRole('link', { name: text }).click();
    await page.waitForURL(new RegExp(`/planer/${planId}/oppgaver$`));
    for (const context of [parent.context, teacher.context]) await context.close();
  });
});
