import { createServer } from 'node:net';
import { buildApp, parseConfig } from '@samplan/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import {
  createPlanViaApi,
  CSRF,
  inviteToPlan,
  launchBrowser,
  newUserContext,
  newUserDetails,
  newContext,
} from './support/browser.ts';
import { mailedInvitationLink } from './support/mailedInvitation.ts';
import { collectPageErrors, editorText, expectText, richTextEditor, waitForConnected } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { tempDataDir } from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';
import { useWebApp } from './support/webApp.ts';
import { ensureWebBuild } from './support/webBuild.ts';

// Issue 2, "Done when": a browser test shows a koordinator inviting a parent who accepts and edits. Also the pages
// around it: who has access, consent, the innsynslogg and the invitation page, each checked with axe.

const VIEWPORT = { width: 1280, height: 900 };

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** The rows of the innsynslogg as "who | what". */
async function logRows(page: Page): Promise<string[]> {
  return page.locator('.log-table tbody tr[data-seq]').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim());
      return `${cells[1]} | ${cells[2]}`;
    }),
  );
}

describe('invitations in the browser', () => {
  const app = useWebApp();

  it('a koordinator invites a parent, who registers through the link, lands in the plan and edits; the koordinator sees it live and in the innsynslogg', async () => {
    const koordinator = await newUserContext(app.browser, app.server.url, 'Ingrid Berg');
    const errors = collectPageErrors(koordinator.page);
    const page = koordinator.page;

    // The koordinator creates the plan in the app.
    await page.goto('/planer/ny');
    await page.getByLabel('Barnets navn').fill('Emma Nilsen');
    await page.getByLabel('Barnekoordinator eller koordinator').check();
    await page.getByRole('button', { name: 'Opprett planen' }).click();
    await page.waitForURL((url) => /^\/planer\/[^/]+$/.test(url.pathname) && url.pathname !== '/planer/ny', {
      waitUntil: 'commit',
    });
    const planId = new URL(page.url()).pathname.split('/')[2]!;
    await waitForConnected(page);

    // Deltakere og tilgang, from the plan's side navigation.
    await page
      .getByRole('navigation', { name: 'Tilgang og innsyn' })
      .getByRole('link', { name: 'Deltakere og tilgang' })
      .click();
    await page.getByRole('heading', { name: 'Deltakere og tilgang', level: 1 }).waitFor();
    await page.locator('.member[data-user-id]').first().waitFor();
    await expectText(page.locator('.member-list'), 'Ingrid Berg');
    await expectNoSeriousViolations(page, 'tilgang');

    // Invite the mother as foresatt by e-mail.
    const parent = newUserDetails('Kari Nilsen');
    await page.getByLabel('E-postadressen til personen').fill(parent.email);
    await page.getByRole('radio', { name: /^Foresatt/ }).check();
    await saveScreenshot(page, '30-tilgang-inviter');
    await page.getByRole('button', { name: 'Lag invitasjon' }).click();
    // An invitation into the family from the koordinator: its link goes to the mother's address only.
    await expectText(page.getByTestId('invite-link'), 'sendes lenken bare til denne e-postadressen');
    expect(await page.getByLabel('Invitasjonslenke').count()).toBe(0);
    const link = await mailedInvitationLink(app.dataDir, parent.email);
    expect(link).toMatch(new RegExp(`^${app.server.url.replace(/[.]/g, '\\.')}/invitasjon#.{20,}$`));
    // Focus moves to the new link's heading, so a screen reader hears that it is ready.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(parent.email);
    await expectText(page.locator('.invite[data-invite-status="venter"]'), parent.email);
    await saveScreenshot(page, '31-tilgang-lenke');
    await expectNoSeriousViolations(page, 'tilgang med lenke');

    // The koordinator goes back into the plan, where the parent's edit will appear.
    await page.getByRole('link', { name: /Tilbake til planen/ }).click();
    await waitForConnected(page);

    // The parent opens the link in her own browser, without an account.
    const parentContext = await newContext(app.browser, { baseURL: app.server.url, viewport: VIEWPORT });
    const parentPage = await parentContext.newPage();
    errors.push(...collectPageErrors(parentPage));
    await parentPage.goto(link);
    await expectText(
      parentPage.locator('.invitation-summary'),
      'Ingrid Berg har invitert deg til å være med i planen «Individuell plan».',
    );
    await expectText(parentPage.locator('.invitation-summary'), parent.email);
    await parentPage.getByRole('heading', { name: 'Lag konto og bli med', level: 2 }).waitFor();
    await saveScreenshot(parentPage, '32-invitasjon');
    await expectNoSeriousViolations(parentPage, 'invitasjon');

    // A short password is explained, not sent.
    await parentPage.getByLabel('Navnet ditt').fill(parent.name);
    await parentPage.getByLabel('Velg et passord').fill('kort');
    await parentPage.getByRole('button', { name: 'Lag konto og bli med i planen' }).click();
    await expectText(parentPage.locator('.field-error'), 'Passordet må ha minst 10 tegn.');
    await parentPage.getByLabel('Velg et passord').fill(parent.password);
    await parentPage.getByRole('button', { name: 'Lag konto og bli med i planen' }).click();

    // She lands in the plan, logged in. The koordinator made it, so she is first asked for the family's consent,
    // and shares the plan with the koordinator.
    await parentPage.waitForURL(new RegExp(`/planer/${planId}$`), { waitUntil: 'commit' });
    await expectText(parentPage.locator('h1'), 'Før planen tas i bruk: familiens samtykke');
    await parentPage.getByRole('checkbox', { name: /Del planen med Ingrid Berg/ }).check();
    await parentPage.getByRole('button', { name: 'Gi samtykke' }).click();
    // Then she writes about Emma.
    await waitForConnected(parentPage);
    await expectText(parentPage.locator('.app-header'), `Logget inn som ${parent.name}`);
    const parentEditor = await richTextEditor(parentPage, 'Om barnet');
    await parentEditor.click();
    const words = 'Emma liker å tegne og spille fotball med storebror.';
    await parentEditor.pressSequentially(words, { delay: 10 });

    // The koordinator sees the edit live.
    const koordinatorEditor = await richTextEditor(page, 'Om barnet');
    await waitFor(async () => (await editorText(koordinatorEditor)) === words, {
      message: "the parent's edit in the koordinator's browser",
    });
    await expectText(page.locator('.presence'), parent.name);

    // The innsynslogg names who invited, who accepted, who opened and who changed what.
    await page.getByRole('link', { name: 'Innsynslogg' }).click();
    await page.getByRole('heading', { name: 'Innsynslogg', level: 1 }).waitFor();
    await page.locator('.log-check').waitFor();
    // The check in one plain line; the entries checked and the checksum behind «Vis detaljer».
    await expectText(page.locator('.log-check'), 'Loggen er hel: ingen har endret eller slettet oppføringer i den');
    await expectText(page.locator('.log-toolbar__count'), /^\d+ hendelser$/);
    const rows = await waitFor(
      async () => {
        const current = await logRows(page);
        if (current.some((row) => row.startsWith(`${parent.name} | Endret «Om barnet og familien»`))) return current;
        await page.getByRole('button', { name: 'Oppdater' }).click();
        return false;
      },
      { message: "the parent's change in the innsynslogg", timeout: 20_000 },
    );
    expect(rows).toContain(`Ingrid Berg (deg) | Inviterte ${parent.email} som foresatt`);
    expect(rows).toContain(`${parent.name} | Takket ja til invitasjonen og ble med i planen som foresatt`);
    expect(rows).toContain(`${parent.name} | Åpnet planen`);
    expect(rows).toContain('Ingrid Berg (deg) | Opprettet planen som koordinator');
    expect(rows.findIndex((row) => row.startsWith(`${parent.name} | Endret «Om barnet og familien»`))).toBeLessThan(
      rows.indexOf(`${parent.name} | Takket ja til invitasjonen og ble med i planen som foresatt`),
    );
    await saveScreenshot(page, '33-innsynslogg');
    await expectNoSeriousViolations(page, 'innsynslogg');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, '33-innsynslogg-mobil', { fullPage: false });
    await expectNoSeriousViolations(page, 'innsynslogg på mobil');
    const details = page.locator('.log-details');
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('.log-checksum code').isVisible()).toBe(false);
    await details.getByText('Vis detaljer').click();
    await expectText(details, /Samplan har kontrollert alle de \d+ oppføringene i loggen, og de henger sammen\./);
    await expectText(details, 'Kontrollsum for loggen slik den er nå');
    expect(await page.locator('.log-checksum code').isVisible()).toBe(true);
    expect(await page.locator('.log-checksum code').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await saveScreenshot(page, '33-innsynslogg-detaljer-mobil', { fullPage: false });
    await expectNoSeriousViolations(page, 'innsynslogg med detaljer');
    await page.setViewportSize(VIEWPORT);

    // The filter narrows the log to changes.
    await page.getByLabel('Vis').selectOption('changes');
    const changes = await logRows(page);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((row) => /\| (Endret|Opprettet)/.test(row))).toBe(true);

    // The parent, as foresatt, sees the koordinator's access and the family's consents.
    await parentPage.getByRole('link', { name: 'Deltakere og tilgang' }).click();
    await parentPage.getByRole('heading', { name: 'Deltakere og tilgang', level: 1 }).waitFor();
    await expectText(parentPage.locator('.member-list'), 'Familien har samtykket');
    await expect(parentPage.getByRole('button', { name: 'Fjern tilgang for Ingrid Berg' }).count()).resolves.toBe(1);
    await saveScreenshot(parentPage, '34-tilgang-foresatt');
    await expectNoSeriousViolations(parentPage, 'tilgang som foresatt');

    expect(errors).toEqual([]);
    await parentContext.close();
    await koordinator.context.close();
  });

  it('an invitation accepted through the form by a login made meanwhile in another tab opens the plan, logged in', async () => {
    const mother = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const guest = await newContext(app.browser, { baseURL: app.server.url, viewport: VIEWPORT });
    try {
      const planId = await createPlanViaApi(mother.context, { creatorRole: 'foresatt' });
      const invited = newUserDetails('Lærer Lise');
      const response = await mother.context.request.post(`/api/plans/${planId}/invites`, {
        headers: CSRF,
        data: { email: invited.email, role: 'deltaker', consent: { givenBy: 'Kari Nilsen (mor)' } },
      });
      expect(response.status()).toBe(201);
      const { token } = (await response.json()) as { token: string };
      const page = await guest.newPage();
      await page.goto(`/invitasjon#${token}`);
      await page.getByRole('heading', { name: 'Lag konto og bli med', level: 2 }).waitFor();

      // The account made meanwhile in another tab of this browser, and logged in there: the invitation goes to
      // that login, the form's account is not made, and the answer does not say how long the session lasts.
      const other = { ...invited, name: 'Lise Lærer' };
      const registered = await guest.request.post('/api/auth/register', { data: other, headers: CSRF });
      expect(registered.status()).toBe(201);
      await page.getByLabel('Navnet ditt').fill(invited.name);
      await page.getByLabel('Velg et passord').fill(invited.password);
      await page.getByRole('button', { name: 'Lag konto og bli med i planen' }).click();

      // The plan opens, as the login that accepted it, not the login page.
      await page.waitForURL(new RegExp(`/planer/${planId}$`), { waitUntil: 'commit' });
      await waitForConnected(page);
      await expectText(page.locator('header'), other.name);
    } finally {
      await mother.context.close();
      await guest.close();
    }
  });

  it('the family records and withdraws consent; the member it covered is shut out at once and told why', async () => {
    const mother = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const doctor = await newUserContext(app.browser, app.server.url, 'Per Hansen');
    const errors = [...collectPageErrors(mother.page), ...collectPageErrors(doctor.page)];
    const planId = await createPlanViaApi(mother.context, { creatorRole: 'foresatt', demo: true });
    await inviteToPlan(mother.context, doctor, planId, 'deltaker', 'Kari Nilsen (mor)');

    await doctor.page.goto(`/planer/${planId}`);
    await waitForConnected(doctor.page);

    // The mother records consent to the plan itself in the Samtykke section.
    await mother.page.goto(`/planer/${planId}/samtykke`);
    await waitForConnected(mother.page);
    await expectText(mother.page.locator('.consent-manager'), 'Samtykke til å dele planen med Per Hansen');
    await mother.page.getByRole('button', { name: 'Registrer nytt samtykke' }).click();
    await mother.page
      .getByLabel('Samtykket gjelder', { exact: true })
      .selectOption({ label: 'Selve planen: at det lages en individuell plan' });
    await expect(mother.page.getByLabel('Samtykket er gitt av').inputValue()).resolves.toBe('Kari Nilsen');
    await mother.page.getByLabel('Hva samtykket gjelder (valgfritt)').fill('Gjelder skoleåret 2026/27.');
    await saveScreenshot(mother.page, '35-samtykke-registrer');
    await expectNoSeriousViolations(mother.page, 'samtykke, skjema');
    await mother.page.getByRole('button', { name: 'Registrer samtykket' }).click();
    await expectText(mother.page.locator('.access-notice'), 'Samtykket er registrert.');
    await expectText(mother.page.locator('.consent-list'), 'Gjelder skoleåret 2026/27.');

    // She withdraws the consent to share with the doctor; his open plan closes with an explanation.
    await mother.page.getByRole('button', { name: 'Trekk tilbake samtykket til å dele planen med Per Hansen' }).click();
    await expectText(
      mother.page.locator('.consent-manager .confirm'),
      'Per Hansen mister tilgangen til planen med en gang.',
    );
    await saveScreenshot(mother.page, '36-samtykke-trekk-tilbake');
    await expectNoSeriousViolations(mother.page, 'samtykke, trekk tilbake');
    await mother.page.getByRole('button', { name: 'Ja, trekk tilbake' }).click();
    await expectText(mother.page.locator('.access-notice'), 'Samtykket er trukket tilbake.');

    await expectText(
      doctor.page.locator('main'),
      'Familien har trukket tilbake samtykket til at planen deles med deg.',
      5000,
    );
    await expect(doctor.page.locator('.ProseMirror, .rich-text').count()).resolves.toBe(0);
    await saveScreenshot(doctor.page, '37-tilgang-trukket');
    await expectNoSeriousViolations(doctor.page, 'tilgang trukket');

    // Mine planer tells him the family has answered without him (not that he waits for an answer).
    await doctor.page.goto('/');
    await expectText(doctor.page.locator('.plan-list'), 'Familien har ikke delt planen med deg');

    // The innsynslogg says who withdrew what and whom it shut out.
    await mother.page.goto(`/planer/${planId}/innsynslogg`);
    await mother.page.locator('.log-check').waitFor();
    const rows = await logRows(mother.page);
    expect(rows).toContain(
      'Kari Nilsen (deg) | Trakk tilbake samtykket til å dele planen med Per Hansen. Per Hansen mistet tilgangen',
    );
    expect(rows).toContain('Kari Nilsen (deg) | Registrerte samtykke til planen, gitt av Kari Nilsen');

    expect(errors).toEqual([]);
    await mother.context.close();
    await doctor.context.close();
  });

  it('the family sets an end date and then removes a member; his open plan closes and tells him why', async () => {
    const mother = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const teacher = await newUserContext(app.browser, app.server.url, 'Lise Lærer');
    const errors = [...collectPageErrors(mother.page), ...collectPageErrors(teacher.page)];
    const planId = await createPlanViaApi(mother.context, { creatorRole: 'foresatt' });
    await inviteToPlan(mother.context, teacher, planId, 'deltaker', 'Kari Nilsen (mor)');
    await teacher.page.goto(`/planer/${planId}`);
    await waitForConnected(teacher.page);

    await mother.page.goto(`/planer/${planId}/tilgang`);
    const row = mother.page.locator('.member', { hasText: 'Lise Lærer' });
    await row.getByRole('button', { name: 'Endre sluttdato for Lise Lærer' }).click();
    const nextYear = new Date().getFullYear() + 1;
    await row.getByLabel('Tilgang til og med').fill(`20.6.${nextYear}`);
    await row.getByRole('button', { name: 'Lagre sluttdato' }).click();
    await expectText(mother.page.locator('.access-notice'), 'Sluttdatoen for Lise Lærer er lagret.');
    await expectText(row, `Til og med 20.06.${nextYear}`);
    // Focus goes back to the buttons the form came from.
    expect(await mother.page.evaluate(() => document.activeElement?.closest('.member__actions') !== null)).toBe(true);

    await row.getByRole('button', { name: 'Fjern tilgang for Lise Lærer' }).click();
    await expectText(row.locator('.confirm'), 'Vil du fjerne tilgangen til Lise Lærer?');
    await saveScreenshot(mother.page, '39-tilgang-fjern');
    await expectNoSeriousViolations(mother.page, 'fjern tilgang');
    await row.getByRole('button', { name: 'Ja, fjern tilgangen' }).click();
    await expectText(mother.page.locator('.access-notice'), 'Lise Lærer har ikke lenger tilgang til planen.');
    await waitFor(async () => (await mother.page.locator('.member', { hasText: 'Lise Lærer' }).count()) === 0);

    await expectText(teacher.page.locator('main'), 'Tilgangen din til planen er avsluttet.', 5000);
    expect(errors).toEqual([]);
    await mother.context.close();
    await teacher.context.close();
  });

  it('the koordinator invited both parents; the first to join confirms the other, whose mailed link then works (phone)', async () => {
    const koordinator = await newUserContext(app.browser, app.server.url, 'Sofie Andersen');
    const mother = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const father = await newUserContext(app.browser, app.server.url, 'Ola Nilsen');
    const errors = collectPageErrors(mother.page);
    try {
      const planId = await createPlanViaApi(koordinator.context, { creatorRole: 'koordinator' });
      for (const parent of [mother, father]) {
        const made = await koordinator.context.request.post(`/api/plans/${planId}/invites`, {
          headers: CSRF,
          data: { email: parent.user.email, role: 'foresatt' },
        });
        expect(made.status()).toBe(201);
      }
      const accept = async (parent: typeof mother) => {
        const link = await mailedInvitationLink(app.dataDir, parent.user.email);
        const token = decodeURIComponent(link.split('#')[1]!);
        return parent.context.request.post('/api/invites/accept', { headers: CSRF, data: { token } });
      };
      expect((await accept(mother)).status()).toBe(200);
      const fatherLink = await mailedInvitationLink(app.dataDir, father.user.email);
      // Ola opens his link too early: the page says the family must confirm it first, and asks nothing of him.
      await father.page.goto(fatherLink);
      await expectText(father.page.getByRole('status'), 'en i familien må godkjenne invitasjonen din');
      expect(await father.page.getByRole('button', { name: /Bli med/ }).count()).toBe(0);
      await saveScreenshot(father.page, 'invitation-waits-for-family', { fullPage: false });

      // Kari sees Ola's invitation waiting for the family, with why, under Deltakere og tilgang ...
      const page = mother.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/planer/${planId}/tilgang`);
      const invitation = page.locator('.invite', { hasText: father.user.email });
      await expectText(invitation, 'Venter på familien');
      await expectText(invitation, 'Godkjenn invitasjonen hvis personen skal være med i familien');
      await invitation.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'invite-waits-for-family-phone', { fullPage: false });
      await expectNoSeriousViolations(page, 'invitasjon som venter på familien');
      // ... and in the consent step she is led to on opening the plan, where she confirms it.
      await page.goto(`/planer/${planId}`);
      await page.getByRole('heading', { name: 'Før planen tas i bruk: familiens samtykke' }).waitFor();
      const family = page.locator('.family-consent__family');
      await expectText(
        family,
        `${father.user.email} (Foresatt) ble invitert av Sofie Andersen og kan bli med i familien når en av dere godkjenner det. Godkjenn bare hvis personen hører til familien`,
      );
      await family.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'family-consent-invite-waiting-phone', { fullPage: false });
      await family.getByRole('button', { name: `Godkjenn invitasjonen til ${father.user.email}` }).click();
      await expectText(
        page.getByRole('status').filter({ hasText: 'er godkjent' }),
        `Invitasjonen til ${father.user.email} er godkjent. Lenken i e-posten de har fått, virker nå.`,
      );
      await expectText(family, `${father.user.email} (Foresatt), invitert, har ikke takket ja ennå`);
      await saveScreenshot(page, 'family-consent-invite-confirmed-phone', { fullPage: false });
      await expectNoSeriousViolations(page, 'samtykke med godkjent invitasjon');
      await page.goto(`/planer/${planId}/tilgang`);
      await expectText(invitation, 'Venter på svar');
      expect(await invitation.getByRole('button', { name: /Godkjenn/ }).count()).toBe(0);
      // The family's invitation now: the koordinator who made it sees it, but does not take it back.
      await koordinator.page.goto(`/planer/${planId}/tilgang`);
      const asKoordinator = koordinator.page.locator('.invite', { hasText: father.user.email });
      await expectText(asKoordinator, 'Venter på svar');
      expect(await asKoordinator.getByRole('button', { name: /Trekk tilbake/ }).count()).toBe(0);

      // Ola's mailed link lets him in now.
      await father.page.goto('about:blank');
      await father.page.goto(fatherLink);
      await father.page.getByRole('button', { name: /Bli med/ }).click();
      await father.page.waitForURL(`**/planer/${planId}`);
      // In the family, which has not given its answer yet: the consent step, with both parents in the family.
      await father.page.getByRole('heading', { name: 'Før planen tas i bruk: familiens samtykke' }).waitFor();
      await expectText(father.page.locator('main'), 'Ola Nilsen (Foresatt)');
      expect(errors).toEqual([]);
    } finally {
      await Promise.all([koordinator, mother, father].map((person) => person.context.close()));
    }
  });

  it('a parent who confirmed a waiting invitation under Deltakere og tilgang can still withdraw it there', async () => {
    const koordinator = await newUserContext(app.browser, app.server.url, 'Sofie Andersen');
    const mother = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const errors = collectPageErrors(mother.page);
    try {
      const planId = await createPlanViaApi(koordinator.context, { creatorRole: 'koordinator' });
      const stranger = 'ukjent-adresse@eksempel.no';
      for (const email of [mother.user.email, stranger]) {
        const made = await koordinator.context.request.post(`/api/plans/${planId}/invites`, {
          headers: CSRF,
          data: { email, role: 'foresatt' },
        });
        expect(made.status()).toBe(201);
      }
      const link = await mailedInvitationLink(app.dataDir, mother.user.email);
      const token = decodeURIComponent(link.split('#')[1]!);
      const accepted = await mother.context.request.post('/api/invites/accept', { headers: CSRF, data: { token } });
      expect(accepted.status()).toBe(200);

      const page = mother.page;
      await page.goto(`/planer/${planId}/tilgang`);
      const invitation = page.locator('.invite', { hasText: stranger });
      await expectText(invitation, 'Venter på familien');
      await invitation.getByRole('button', { name: `Godkjenn invitasjonen til ${stranger}` }).click();
      await expectText(page.locator('.access-notice'), `Invitasjonen til ${stranger} er godkjent.`);
      await expectText(invitation, 'Venter på svar');
      // She thinks again: the invitation she vouches for now can still be withdrawn, with its button.
      const withdraw = invitation.getByRole('button', { name: `Trekk tilbake invitasjonen til ${stranger}` });
      await waitFor(() => withdraw.isEnabled(), { timeout: 5000, message: 'the withdraw button enabled' });
      await withdraw.click();
      await expectText(page.locator('.access-notice'), `Invitasjonen til ${stranger} er trukket tilbake.`);
      expect(errors).toEqual([]);
    } finally {
      await Promise.all([koordinator, mother].map((person) => person.context.close()));
    }
  });

  it('a withdrawn invitation and a cut-off link are explained, not shown as an error page', async () => {
    const mother = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const planId = await createPlanViaApi(mother.context, { creatorRole: 'foresatt' });
    const response = await mother.context.request.post(`/api/plans/${planId}/invites`, {
      headers: CSRF,
      data: { email: 'bestemor@eksempel.no', role: 'lesetilgang' },
    });
    const { link } = (await response.json()) as { link: string };

    // Withdrawn from the access page.
    await mother.page.goto(`/planer/${planId}/tilgang`);
    await mother.page.getByRole('button', { name: 'Trekk tilbake invitasjonen til bestemor@eksempel.no' }).click();
    await expectText(
      mother.page.locator('.access-notice'),
      'Invitasjonen til bestemor@eksempel.no er trukket tilbake.',
    );
    await expectText(mother.page.locator('.invites__older'), 'Tidligere invitasjoner (1)');

    const guest = await newContext(app.browser, { baseURL: app.server.url, viewport: VIEWPORT });
    const guestPage = await guest.newPage();
    await guestPage.goto(new URL(link, app.server.url).href);
    await expectText(
      guestPage.locator('main'),
      'Invitasjonen er trukket tilbake. Ta kontakt med den som inviterte deg.',
    );
    await expectNoSeriousViolations(guestPage, 'invitasjon trukket');

    // A link with its token cut off, in a new tab (a tab keeps the token it was given).
    const cutPage = await guest.newPage();
    await cutPage.goto('/invitasjon');
    await expectText(cutPage.locator('main'), 'Lenken er ufullstendig.');
    await guest.close();
    await mother.context.close();
  });
});

interface TestIdp {
  issuer: string;
  loginAs: { sub: string; name: string; email?: string; email_verified?: boolean };
  close(): Promise<void>;
}

/**
 * The real OpenID provider (oidc-provider on loopback) of the server's OIDC tests. Loaded at run time: its types
 * live with the server's tests.
 */
async function startTestIdp(client: { clientId: string; clientSecret: string; redirectUri: string }): Promise<TestIdp> {
  const url = new URL('../apps/server/test/support/oidcProvider.ts', import.meta.url).href;
  const module = (await import(/* @vite-ignore */ url)) as { startTestIdp(c: typeof client): Promise<TestIdp> };
  return module.startTestIdp(client);
}

/** A port nobody listens on now: the OIDC redirect URI names it before the server starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('login with an external provider (OIDC) in the browser', () => {
  let browser: Browser;
  let idp: TestIdp;
  let close: () => Promise<void>;
  // The app on "localhost" and the provider on 127.0.0.1: two sites, each with its own cookies, as in real life.
  let baseUrl: string;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    const webDist = await ensureWebBuild();
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    const redirectUri = `${baseUrl}/api/auth/oidc/idporten/callback`;
    idp = await startTestIdp({ clientId: 'samplan', clientSecret: 'en-hemmelighet-for-klienten', redirectUri });
    const app = await buildApp(
      parseConfig({
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        WEB_DIST: webDist,
        LOG_LEVEL: 'silent',
        OIDC_PROVIDERS: 'idporten',
        OIDC_IDPORTEN_ISSUER: idp.issuer,
        OIDC_IDPORTEN_CLIENT_ID: 'samplan',
        OIDC_IDPORTEN_CLIENT_SECRET: 'en-hemmelighet-for-klienten',
        OIDC_IDPORTEN_LABEL: 'ID-porten',
        OIDC_IDPORTEN_REDIRECT_URI: redirectUri,
      }),
    );
    await app.listen({ port, host: '127.0.0.1' });
    close = () => app.close();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
    await idp?.close();
  });

  it('logs in with ID-porten from the login page, and accepts an invitation after logging in there', async () => {
    idp.loginAs = {
      sub: '01017012345',
      name: 'Kari Nordmann',
      email: 'kari.nordmann@eksempel.no',
      email_verified: true,
    };
    const context = await newContext(browser, { baseURL: baseUrl, viewport: VIEWPORT });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    // A failed provider login comes back to the login page with a message.
    await page.goto('/logg-inn?feil=oidc');
    await expectText(page.locator('main'), 'Innloggingen ble ikke fullført.');

    await page.goto('/logg-inn');
    const button = page.getByRole('link', { name: 'Logg inn med ID-porten' });
    await button.waitFor();
    await saveScreenshot(page, '38-logg-inn-id-porten');
    await expectNoSeriousViolations(page, 'logg inn med ID-porten');
    await button.click();
    await expectText(page.locator('.app-header'), 'Logget inn som Kari Nordmann');
    expect(new URL(page.url()).pathname).toBe('/');

    // Someone invites her address; she opens the link logged out and logs in with ID-porten there.
    await context.clearCookies();
    const coordinator = await newContext(browser, { baseURL: baseUrl });
    const details = newUserDetails('Ingrid Berg');
    await coordinator.request.post('/api/auth/register', { data: details, headers: CSRF });
    const planId = await createPlanViaApi(coordinator, { creatorRole: 'koordinator' });
    const response = await coordinator.request.post(`/api/plans/${planId}/invites`, {
      headers: CSRF,
      data: { email: 'kari.nordmann@eksempel.no', role: 'foresatt' },
    });
    expect(response.status()).toBe(201);
    // Into the family from outside it: the link is in her mail only (this server has no PUBLIC_URL, so the mail
    // names the address it listens on, 127.0.0.1; she opens it on the app's own host, where she logs in).
    const mailed = new URL(await mailedInvitationLink(dataDir, 'kari.nordmann@eksempel.no'));
    const link = `${mailed.pathname}${mailed.hash}`;

    await page.goto(new URL(link, baseUrl).href);
    await page.getByRole('heading', { name: 'Logg inn for å bli med', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
    await page.getByRole('heading', { name: 'Bli med i planen', level: 2 }).waitFor();
    await expectText(page.locator('main'), 'Du er logget inn som Kari Nordmann (kari.nordmann@eksempel.no).');
    await page.getByRole('button', { name: 'Bli med i planen' }).click();
    await page.waitForURL(new RegExp(`/planer/${planId}$`), { waitUntil: 'commit' });
    // The family's consent, given as she is logged in: with ID-porten. She shares it with nobody, and confirms that.
    await page.getByRole('button', { name: 'Gi samtykke' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Noen kan ikke åpne planen' });
    await expectText(confirm, 'Ingrid Berg (koordinator) laget planen, men kan ikke åpne den hvis du ikke krysser av.');
    await confirm.getByRole('button', { name: 'Gi samtykke likevel' }).click();
    await waitForConnected(page);
    const consents = (await (await context.request.get(`/api/plans/${planId}/consents`)).json()) as {
      consents: Array<{ kind: string; givenByAccount: { login: { method: string } | null } | null }>;
    };
    expect(consents.consents.map((c) => [c.kind, c.givenByAccount?.login?.method])).toEqual([
      ['plan', 'oidc:idporten'],
    ]);

    expect(errors).toEqual([]);
    await coordinator.close();
    await context.close();
  });
});
