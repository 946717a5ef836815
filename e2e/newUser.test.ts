import { addItem } from '@samplan/plan-model';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allViolations, seriousViolations } from './support/axe.ts';
import { CSRF, createPlanViaApi, inviteToPlan, newUserContext, newUserDetails, newContext } from './support/browser.ts';
import { collectPageErrors, expectText, openItem, openPlan } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { editStoredPlan } from './support/storedPlan.ts';
import { useWebApp } from './support/webApp.ts';

/** The look of an input: the page's field style, or the browser's bare one. */
const inputLook = (page: Page, label: string) =>
  page.getByLabel(label).evaluate((input) => {
    const style = getComputedStyle(input);
    return {
      border: style.borderTopWidth,
      radius: style.borderTopLeftRadius,
      height: input.getBoundingClientRect().height,
    };
  });

// Issue 12, found when tried as a new user would: unstyled name fields, the browser's own (English) bubble for a
// short password, and "Jeg er" set to parent for everyone.
describe('a new user registers and makes a plan', () => {
  const app = useWebApp();

  for (const [device, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1366, height: 900 }],
  ] as const) {
    it(`gets styled fields, our own message for a short password, and is asked who they are (${device})`, async () => {
      const context = await newContext(app.browser, { baseURL: app.server.url, viewport });
      const page = await context.newPage();
      try {
        await page.goto('/registrer');
        await page.getByRole('heading', { name: 'Opprett konto' }).waitFor();
        // The name field (no type of its own) looks like the e-mail field next to it.
        const email = await inputLook(page, 'E-post');
        expect(email.border).toBe('1px');
        expect(await inputLook(page, 'Navnet ditt')).toEqual(email);

        const details = newUserDetails('Ingrid Berg');
        await page.getByLabel('Navnet ditt').fill(details.name);
        await page.getByLabel('E-post').fill(details.email);
        await page.getByLabel('Passord').fill('kort');
        await page.getByRole('button', { name: 'Opprett konto' }).click();
        // Our message, in Norwegian, under the field; the browser has no rule of its own to show a bubble for.
        await expectText(page.locator('.field-error'), 'Passordet må ha minst 10 tegn.');
        expect(await page.getByLabel('Passord').evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(true);
        await saveScreenshot(page, `new-user-short-password-${device}`, { fullPage: false });
        await page.getByLabel('Passord').fill(details.password);
        await page.getByRole('button', { name: 'Opprett konto' }).click();
        await page.getByRole('heading', { name: 'Mine planer' }).waitFor();
        // The empty list offers the example plan it speaks of: the form opens with it chosen.
        await page.getByRole('link', { name: 'Lag en eksempelplan' }).click();
        await page.getByRole('heading', { name: 'Ny individuell plan' }).waitFor();
        expect(await page.getByLabel('Fyll planen med eksempelinnhold').isChecked()).toBe(true);
        await page.goto('/planer/ny');
        await page.getByRole('heading', { name: 'Ny individuell plan' }).waitFor();
        expect(await page.getByLabel('Fyll planen med eksempelinnhold').isChecked()).toBe(false);
        expect(await inputLook(page, 'Barnets navn')).toEqual(await inputLook(page, 'Navn på planen'));
        expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
        await page.getByLabel('Barnets navn').fill('Emma Nilsen');
        await page.getByRole('button', { name: 'Opprett planen' }).click();
        await expectText(page.locator('#role-error'), 'Velg om du er forelder eller koordinator for barnet.');
        expect(new URL(page.url()).pathname).toBe('/planer/ny');
        expect(await seriousViolations(page)).toEqual([]);
        await saveScreenshot(page, `new-user-role-missing-${device}`, { fullPage: false });

        await page.getByLabel('Barnekoordinator eller koordinator').check();
        await expect.poll(() => page.locator('#role-error').count()).toBe(0);
        // Offline the plan cannot be made yet: said so in words, and what was filled in stays for later.
        await context.setOffline(true);
        await page.getByRole('button', { name: 'Opprett planen' }).click();
        await expectText(page.locator('main'), 'Du er ikke på nett. En ny plan lages på serveren');
        expect(await page.getByLabel('Barnets navn').inputValue()).toBe('Emma Nilsen');
        await saveScreenshot(page, `new-user-create-offline-${device}`, { fullPage: false });
        await context.setOffline(false);
        await page.getByRole('button', { name: 'Opprett planen' }).click();
        await page.waitForURL((url) => /^\/planer\/[^/]+$/.test(url.pathname) && url.pathname !== '/planer/ny', {
          waitUntil: 'commit',
        });
        const planId = new URL(page.url()).pathname.split('/')[2]!;
        const plan = (await (await context.request.get(`/api/plans/${planId}`)).json()) as { plan: { role: string } };
        expect(plan.plan.role).toBe('koordinator');
      } finally {
        await context.close();
      }
    });
  }

  it("a teacher who waits for the family's consent is told so under a heading that says the plan cannot open", async () => {
    const koordinator = await newUserContext(app.browser, app.server.url, 'Ingrid Berg');
    const teacher = await newUserContext(app.browser, app.server.url, 'Lærer Lise');
    try {
      const planId = await createPlanViaApi(koordinator.context, { creatorRole: 'koordinator' });
      const invite = await koordinator.context.request.post(`/api/plans/${planId}/invites`, {
        headers: CSRF,
        data: { email: teacher.user.email, role: 'deltaker' },
      });
      expect(invite.status()).toBe(201);
      const { token } = (await invite.json()) as { token: string };
      const accepted = await teacher.context.request.post('/api/invites/accept', { headers: CSRF, data: { token } });
      expect(accepted.status()).toBe(200);

      const page = await teacher.context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/planer/${planId}`);
      await expectText(page.locator('h1'), 'Planen kan ikke åpnes');
      await expectText(page.getByRole('alert'), /Familien må samtykke/);
      expect(await page.getByText('Henter planen').count()).toBe(0);
      expect(await page.title()).toContain('Planen kan ikke åpnes');
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, 'plan-waits-for-consent-phone', { fullPage: false });
    } finally {
      await koordinator.context.close();
      await teacher.context.close();
    }
  });

  it('keeps a date typed wrongly, with the message, when the field is left with Tab (phone)', async () => {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    try {
      const planId = await createPlanViaApi(parent.context, { creatorRole: 'foresatt' });
      const page = parent.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await openPlan(page, planId, 'periode');
      const field = page.getByLabel('Planen gjelder fra');
      await field.fill('31.02.2026');
      await page.keyboard.press('Tab');
      await expectText(page.getByRole('alert'), 'Skriv datoen som dd.mm.åååå, for eksempel 20.06.2027.');
      expect(await field.inputValue()).toBe('31.02.2026');
      await saveScreenshot(page, 'date-typed-wrongly-phone', { fullPage: false });
      const stored = async () => {
        const doc = await app.server.app.samplan.documentLog.currentDoc(planId);
        const start = doc.getMap('meta').get('periodStart') ?? null;
        doc.destroy();
        return start;
      };
      expect(await stored()).toBe(null);
      await field.fill('01.03.2026');
      await page.keyboard.press('Tab');
      await expect.poll(() => page.getByRole('alert').count()).toBe(0);
      await expect.poll(stored, { timeout: 10_000 }).toBe('2026-03-01');
      expect(await field.inputValue()).toBe('01.03.2026');
    } finally {
      await parent.context.close();
    }
  });

  it('keeps a date typed and not yet left when the page changes: the back button, leaving the plan, closing it', async () => {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    try {
      const planId = await createPlanViaApi(parent.context, { creatorRole: 'foresatt' });
      const page = parent.page;
      const stored = async (key: string) => {
        const doc = await app.server.app.samplan.documentLog.currentDoc(planId);
        const value = doc.getMap('meta').get(key) ?? null;
        doc.destroy();
        return value;
      };
      const periodSection = async () => {
        await page.locator('.section-nav a[data-section="periode"]').first().click();
        await page.waitForURL(`**/planer/${planId}/periode`);
      };
      // In the app from the plan list, so that the back button stays in it.
      await page.goto('/');
      await page.locator(`a[href="/planer/${planId}"]`).first().click();
      await page.locator('.connection[data-state="connected"]').waitFor();

      // The browser's back button while the date is typed: the section goes, the plan stays open.
      await periodSection();
      await page.getByLabel('Planen gjelder fra').fill('01.03.2026');
      await page.goBack();
      await page.waitForURL(`**/planer/${planId}`);
      await expect.poll(() => stored('periodStart'), { timeout: 10_000 }).toBe('2026-03-01');

      // Back to the plan list while the date is typed: the plan itself closes.
      await periodSection();
      await page.getByLabel('Planen gjelder til').fill('28.02.2027');
      await page.evaluate(() => history.go(-2));
      await page.waitForURL((url) => url.pathname === '/');
      await expect.poll(() => stored('periodEnd'), { timeout: 10_000 }).toBe('2027-02-28');

      // The page itself goes (another address, or the tab closed) while the date is typed.
      await openPlan(page, planId, 'periode');
      await page.getByLabel('Neste revisjon').fill('15.09.2026');
      await page.goto('about:blank');
      await expect.poll(() => stored('nextRevision'), { timeout: 10_000 }).toBe('2026-09-15');

      // A date typed wrongly is not written anywhere; what the plan had stays.
      await openPlan(page, planId, 'periode');
      await page.getByLabel('Neste revisjon').fill('31.02.2026');
      await page.goto('about:blank');
      await openPlan(page, planId, 'periode');
      expect(await page.getByLabel('Neste revisjon').inputValue()).toBe('15.09.2026');
    } finally {
      await parent.context.close();
    }
  });

  it('writes nothing from a field only clicked into when the page changes: what someone set meanwhile stays', async () => {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    try {
      const planId = await createPlanViaApi(parent.context, { creatorRole: 'foresatt' });
      const page = parent.page;
      await openPlan(page, planId, 'periode');
      // In the field, nothing typed (as a reader who clicks in to copy the date would be).
      await page.getByLabel('Planen gjelder fra').click();

      // Meanwhile the same plan is changed in another tab.
      const other = await parent.context.newPage();
      await openPlan(other, planId, 'periode');
      await other.getByLabel('Planen gjelder fra').fill('01.03.2026');
      await other.getByLabel('Planen gjelder til').fill('28.02.2027');
      await other.getByLabel('Planen gjelder til').press('Tab');
      // The first tab has it (its field not clicked into shows it; the one clicked into waits).
      await expect
        .poll(() => page.getByLabel('Planen gjelder til').inputValue(), { timeout: 10_000 })
        .toBe('28.02.2027');
      await other.close();

      // Leaving the page from the field clicked into writes nothing: the date set in the other tab stays.
      await page.goto('about:blank');
      await openPlan(page, planId, 'periode');
      expect(await page.getByLabel('Planen gjelder fra').inputValue()).toBe('01.03.2026');
    } finally {
      await parent.context.close();
    }
  });

  it('keeps the page when an item whose date is typed and not yet left is deleted by someone else', async () => {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    try {
      const planId = await createPlanViaApi(parent.context, { creatorRole: 'foresatt' });
      await editStoredPlan(app.server, planId, parent.user.id, (doc) => {
        addItem(doc, 'tasks', { title: 'Lage ukeplan' });
      });
      const page = parent.page;
      const errors = collectPageErrors(page);
      await openPlan(page, planId, 'oppgaver');
      const task = page.locator('li[data-task-id]', { hasText: 'Lage ukeplan' });
      await openItem(task.locator(':scope > article'));
      await task.getByLabel('Frist').fill('01.03.2026');

      // The same user in another tab deletes the task: the card goes from the first tab while its date is typed.
      const other = await parent.context.newPage();
      await openPlan(other, planId, 'oppgaver');
      const there = other.locator('li[data-task-id]', { hasText: 'Lage ukeplan' });
      await openItem(there.locator(':scope > article'));
      await there.getByRole('button', { name: 'Slett oppgaven «Lage ukeplan»' }).click();
      await other.getByRole('alertdialog').getByRole('button', { name: 'Ja, slett' }).click();
      await expect.poll(() => task.count(), { timeout: 10_000 }).toBe(0);

      // The plan stays on screen: there is nothing to write the date to, and that is no failure of the page.
      expect(await page.getByRole('heading', { name: 'Siden kunne ikke vises' }).count()).toBe(0);
      await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 5000 });
      expect(await page.getByRole('button', { name: 'Ny oppgave' }).count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await parent.context.close();
    }
  });

  it('asks before deleting a goal someone has written in, and deletes an empty one at once (phone)', async () => {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    try {
      const planId = await createPlanViaApi(parent.context, { creatorRole: 'foresatt', demo: true });
      const page = parent.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await openPlan(page, planId, 'mal');
      const goals = page.locator('li[data-goal-id]');
      await goals.first().waitFor();
      const before = await goals.count();
      const firstId = await goals.first().getAttribute('data-goal-id');
      const deleteFirst = goals
        .first()
        .getByRole('button', { name: /^Slett målet/ })
        .first();

      // Deleting is part of editing: the goal is opened first.
      await openItem(goals.first().locator(':scope > article'));
      await deleteFirst.click();
      const dialog = page.getByRole('alertdialog');
      // What goes with it, what loses its link, and that it can be brought back; the name without its full stop.
      await expectText(
        dialog,
        /^Slette «[^»]*[^.]»\? De 2 delmålene under det blir også slettet\. \d+ tiltak eller punkter/,
      );
      await expectText(dialog, /Du kan angre rett etterpå, og hente det tilbake fra Historikk senere\./);
      // The safe answer has the focus.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nei, behold');
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'delete-goal-confirm-phone', { fullPage: false });
      await dialog.getByRole('button', { name: 'Nei, behold' }).click();
      await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
      expect(await goals.count()).toBe(before);

      await deleteFirst.click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, slett' }).click();
      await expect.poll(() => page.locator(`li[data-goal-id="${firstId}"]`).count()).toBe(0);
      await expectText(page.getByRole('status').filter({ hasText: 'slettet' }), 'Målet ble slettet.');

      // A new goal nobody has written in yet goes at once.
      const ids = async () => goals.evaluateAll((items) => items.map((item) => item.getAttribute('data-goal-id')));
      const known = new Set(await ids());
      await page.getByRole('button', { name: 'Nytt hovedmål' }).first().click();
      await expect.poll(async () => (await ids()).length).toBe(known.size + 1);
      const addedId = (await ids()).find((id) => !known.has(id))!;
      const added = page.locator(`li[data-goal-id="${addedId}"]`);
      await added
        .getByRole('button', { name: /^Slett målet/ })
        .first()
        .click();
      await expect.poll(() => added.count()).toBe(0);
      expect(await page.getByRole('alertdialog').count()).toBe(0);

      // An empty hovedmål with a delmål someone wrote in asks first: the delmål would go with it.
      known.clear();
      for (const id of await ids()) known.add(id);
      await page.getByRole('button', { name: 'Nytt hovedmål' }).first().click();
      await expect.poll(async () => (await ids()).length).toBe(known.size + 1);
      const emptyId = (await ids()).find((id) => !known.has(id))!;
      const empty = page.locator(`li[data-goal-id="${emptyId}"]`);
      await empty.locator(':scope > article').getByRole('button', { name: 'Nytt delmål' }).click();
      await empty.locator('li.goal--sub[data-open] textarea').waitFor();
      await page.keyboard.type('Gå alene til bussen');
      const emptyCard = empty.locator(':scope > article');
      await openItem(emptyCard);
      await emptyCard.getByRole('button', { name: /^Slett målet/ }).click();
      await expectText(page.getByRole('alertdialog'), /Delmålet under det blir også slettet\./);
    } finally {
      await parent.context.close();
    }
  });

  it('takes away the link of an invitation once it is withdrawn, and shows the form again', async () => {
    const koordinator = await newUserContext(app.browser, app.server.url, 'Ingrid Berg');
    try {
      const planId = await createPlanViaApi(koordinator.context, { creatorRole: 'koordinator' });
      const page = koordinator.page;
      await page.goto(`/planer/${planId}/tilgang`);
      await page.getByRole('heading', { name: 'Deltakere og tilgang', level: 1 }).waitFor();
      const email = newUserDetails('Lærer Lise').email;
      await page.getByLabel('E-postadressen til personen').fill(email);
      await page.getByRole('radio', { name: /^Deltaker/ }).check();
      await page.getByRole('button', { name: 'Lag invitasjon' }).click();
      await page.getByLabel('Invitasjonslenke').waitFor();

      await page.getByRole('button', { name: `Trekk tilbake invitasjonen til ${email}` }).click();
      await expectText(page.getByRole('status').filter({ hasText: 'trukket tilbake' }), /Lenken virker ikke lenger/);
      await expect.poll(() => page.getByLabel('Invitasjonslenke').count()).toBe(0);
      await page.getByLabel('E-postadressen til personen').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(page, 'invite-withdrawn-phone', { fullPage: false });
      // The innsynslogg of it, on the phone.
      await page.goto(`/planer/${planId}/innsynslogg`);
      await page.getByRole('heading', { name: 'Innsynslogg', level: 1 }).waitFor();
      await page.locator('.log-table').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, 'innsynslogg-phone', { fullPage: false });
    } finally {
      await koordinator.context.close();
    }
  });

  it('prints the plan as a document: marked, with the child and page numbers on every page, no empty fields', async () => {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    try {
      const planId = await createPlanViaApi(parent.context, { creatorRole: 'foresatt', demo: true });
      const page = parent.page;
      await page.goto(`/planer/${planId}/utskrift`);
      await page.getByRole('heading', { name: 'Individuell plan for Emma Nilsen', level: 1 }).waitFor();
      await page.locator('.consent-list').first().waitFor();
      const print = page.locator('.print-plan');
      await expectText(print.locator('.print-plan__marking'), 'Unntatt offentlighet, jf. offl. § 13 og fvl. § 13');
      expect(await print.getByText('Tomt', { exact: true }).count()).toBe(0);
      // The evaluations' own words are printed, under their label.
      expect(await print.locator('h4', { hasText: 'Hvordan går det' }).count()).toBeGreaterThan(0);
      const pageStyle = await page.locator('.print-page > style').textContent();
      expect(pageStyle).toContain('@top-left { content: "Individuell plan for Emma Nilsen"');
      expect(pageStyle).toContain('counter(page)');
      expect(pageStyle).toContain('counter(pages)');
      expect(await allViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(page, 'print-phone', { fullPage: false });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ media: 'print' });
      await saveScreenshot(page, 'print-marked', { fullPage: false });
      // The browser makes a PDF of it (Chromium 131 and later print the page boxes).
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.emulateMedia({ media: 'screen' });
    } finally {
      await parent.context.close();
    }
  });

  it('keeps "Ikke på nett" in sight on a phone while typing further down, and tells a reader nothing about saving', async () => {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const reader = await newUserContext(app.browser, app.server.url, 'Helsesykepleier Hanne');
    try {
      const planId = await createPlanViaApi(parent.context, { creatorRole: 'foresatt', demo: true });
      const page = parent.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await openPlan(page, planId, 'mal');
      expect(await page.getByText('Alt du skriver lagres automatisk.').count()).toBe(1);
      await parent.context.setOffline(true);
      const status = page.locator('.plan-toolbar > .connection');
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toBe('offline');
      // At the top of the page the status sits in the plan's toolbar, and the app's header (Mine planer, Logg ut)
      // is not covered by anything.
      await page.evaluate(() => window.scrollTo(0, 0));
      const bar = page.locator('.connection-bar');
      expect(await bar.count()).toBe(0);
      await expectText(status, 'Ikke på nett');
      const logout = page.getByRole('button', { name: 'Logg ut', exact: true });
      expect(
        await logout.evaluate((button) => {
          const box = button.getBoundingClientRect();
          return button.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
        }),
      ).toBe(true);
      // Typing further down, the status has scrolled away: a bar across the top of the screen says it.
      await page.locator('li[data-goal-id]').last().scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 3000);
      await bar.waitFor();
      const box = (await bar.boundingBox())!;
      expect(box.y).toBe(0);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      await expectText(bar, 'Ikke på nett');
      // It says what the status says (screen readers hear the status itself, not the copy).
      expect(await bar.getAttribute('aria-hidden')).toBe('true');
      expect(await bar.textContent()).toBe(await status.textContent());
      await saveScreenshot(page, 'offline-in-sight-phone', { fullPage: false });
      await parent.context.setOffline(false);
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('connected');

      await inviteToPlan(parent.context, reader, planId, 'lesetilgang', 'Kari Nilsen');
      await openPlan(reader.page, planId, 'mal');
      await expectText(reader.page.locator('.plan-header'), 'Du har lesetilgang til denne planen.');
      expect(await reader.page.getByText('Alt du skriver lagres automatisk.').count()).toBe(0);
    } finally {
      await parent.context.close();
      await reader.context.close();
    }
  });
});
