import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { CSRF, createPlanViaApi, newUserContext } from './support/browser.ts';
import { mailedInvitationLink } from './support/mailedInvitation.ts';
import { expectText, waitForConnected } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWebApp } from './support/webApp.ts';

/**
 * An invitation made over the API by `inviter`, accepted by `guest` while logged in: by the link the inviter got,
 * or, for an invitation into the family from outside it, by the link mailed to the guest.
 */
async function inviteAndAccept(
  inviter: BrowserContext,
  guest: BrowserContext,
  email: string,
  planId: string,
  role: string,
  dataDir: string,
) {
  const invite = await inviter.request.post(`/api/plans/${planId}/invites`, { headers: CSRF, data: { email, role } });
  expect(invite.status()).toBe(201);
  const created = (await invite.json()) as { token: string | null };
  const token = created.token ?? new URL(await mailedInvitationLink(dataDir, email)).hash.slice(1);
  const accept = await guest.request.post('/api/invites/accept', { headers: CSRF, data: { token } });
  expect(accept.status()).toBe(200);
}

// Issue 10: a plan a koordinator makes has no consent "from the family" until a parent gives it in the consent step.
describe('the consent step', () => {
  const app = useWebApp();

  it('leads a parent through consent on a phone, after which the invited teacher can open the plan', async () => {
    const koordinator = await newUserContext(app.browser, app.server.url, 'Sofie Andersen');
    const planId = await createPlanViaApi(koordinator.context, { demo: true, childName: 'Emma Nilsen' });
    // The koordinator's new plan says what comes next, and where.
    await koordinator.page.goto(`/planer/${planId}`);
    await expectText(koordinator.page.locator('.next-step'), /^Planen venter på familien: inviter foreldrene/);
    await koordinator.page.locator('.next-step').getByRole('link', { name: 'Gå til «Deltakere og tilgang»' }).click();
    await koordinator.page.waitForURL(`**/planer/${planId}/tilgang`);
    const teacher = await newUserContext(app.browser, app.server.url, 'Lærer Lise');
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    await inviteAndAccept(koordinator.context, teacher.context, teacher.user.email, planId, 'deltaker', app.dataDir);
    await inviteAndAccept(koordinator.context, parent.context, parent.user.email, planId, 'foresatt', app.dataDir);

    // The teacher waits for the family.
    await teacher.page.goto(`/planer/${planId}`);
    await expectText(teacher.page.locator('main'), /samtykke/i);
    expect((await teacher.context.request.get(`/api/plans/${planId}`)).status()).toBe(403);

    const phone = parent.page;
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`/planer/${planId}`);
    await expectText(phone.locator('h1'), 'Før planen tas i bruk: familiens samtykke');
    const choice = phone.getByRole('checkbox', { name: /Del planen med Lærer Lise \(Deltaker\)/ });
    const forKoordinator = phone.getByRole('checkbox', { name: /Del planen med Sofie Andersen \(Koordinator\)/ });
    // Nothing is ticked for the parent in advance.
    expect(await choice.isChecked()).toBe(false);
    expect(await forKoordinator.isChecked()).toBe(false);
    await expectText(phone.locator('.family-consent'), /Kan lese hele planen og skrive i «Tiltak»/);
    await saveScreenshot(phone, 'family-consent-phone');
    expect(await seriousViolations(phone)).toEqual([]);

    // Only those ticked may open the plan: the koordinator who made it too, and the step says so.
    await expectText(
      phone.locator('.family-consent__choices legend'),
      'Det gjelder også Sofie Andersen, som laget planen: uten kryss kan Sofie Andersen ikke lenger åpne den.',
    );

    // Giving consent with someone left unticked asks first, naming who cannot open the plan.
    await choice.check();
    await phone.getByRole('button', { name: 'Gi samtykke' }).click();
    const confirm = phone.getByRole('alertdialog', { name: 'Noen kan ikke åpne planen' });
    await expectText(
      confirm,
      'Sofie Andersen (koordinator) laget planen, men kan ikke åpne den hvis du ikke krysser av.',
    );
    expect(await confirm.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await confirm.locator('li').count()).toBe(1);
    await confirm.scrollIntoViewIfNeeded();
    await saveScreenshot(phone, 'family-consent-confirm-phone', { fullPage: false });
    expect(await seriousViolations(phone)).toEqual([]);
    // Nothing was given yet; going back puts the focus on the box left unticked.
    const before = await parent.context.request.get(`/api/plans/${planId}/consents`);
    expect(((await before.json()) as { consents: unknown[] }).consents).toEqual([]);
    await confirm.getByRole('button', { name: 'Gå tilbake og kryss av' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await forKoordinator.evaluate((element) => element === document.activeElement)).toBe(true);
    // Escape is the same way back.
    await phone.getByRole('button', { name: 'Gi samtykke' }).click();
    await confirm.waitFor();
    await phone.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await forKoordinator.evaluate((element) => element === document.activeElement)).toBe(true);

    // Everyone ticked: consent is given straight away.
    await forKoordinator.check();
    await phone.getByRole('button', { name: 'Gi samtykke' }).click();
    await waitForConnected(phone);
    await expectText(phone.locator('h1'), 'Individuell plan');
    // The plan opens at its top and says the consent is kept, and who can open it now.
    await expectText(phone.locator('.notice'), /^Samtykket er lagret\. 2 andre kan nå åpne planen\./);
    expect(await phone.evaluate(() => window.scrollY)).toBe(0);
    await saveScreenshot(phone, 'family-consent-given-phone', { fullPage: false });

    // The teacher gets in now; the record names the parent's account and how she logged in.
    await teacher.page.reload();
    await waitForConnected(teacher.page);
    const consents = await parent.context.request.get(`/api/plans/${planId}/consents`);
    const { consents: list } = (await consents.json()) as {
      consents: Array<{ kind: string; givenBy: string; givenByAccount: { login: { method: string } } | null }>;
    };
    expect(list.map((c) => c.kind).sort()).toEqual(['plan', 'sharing', 'sharing']);
    expect(list.every((c) => c.givenBy === 'Kari Nilsen' && c.givenByAccount?.login.method === 'password')).toBe(true);

    await phone.goto(`/planer/${planId}/samtykke`);
    await expectText(phone.locator('.consent-list'), 'Innlogget med e-post og passord');
    await saveScreenshot(phone, 'family-consent-recorded-phone');
    for (const context of [koordinator.context, teacher.context, parent.context]) await context.close();
  });

  it('gives consent without the koordinator only when the parent confirms it, after which she cannot open the plan', async () => {
    const koordinator = await newUserContext(app.browser, app.server.url, 'Sofie Andersen');
    const planId = await createPlanViaApi(koordinator.context, { childName: 'Emma Nilsen' });
    const teacher = await newUserContext(app.browser, app.server.url, 'Lærer Lise');
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    await inviteAndAccept(koordinator.context, teacher.context, teacher.user.email, planId, 'deltaker', app.dataDir);
    await inviteAndAccept(koordinator.context, parent.context, parent.user.email, planId, 'foresatt', app.dataDir);

    const page = parent.page;
    await page.goto(`/planer/${planId}`);
    await expectText(page.locator('h1'), 'Før planen tas i bruk: familiens samtykke');
    await page.getByRole('button', { name: 'Gi samtykke' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Noen kan ikke åpne planen' });
    await confirm.waitFor();
    expect(await confirm.locator('li').allTextContents()).toEqual([
      'Sofie Andersen (koordinator) laget planen, men kan ikke åpne den hvis du ikke krysser av.',
      'Lærer Lise (deltaker) kan ikke åpne planen.',
    ]);
    // Ticking a box puts the question away: it is asked again, about who is still left out.
    await page.getByRole('checkbox', { name: /Del planen med Lærer Lise/ }).check();
    expect(await confirm.count()).toBe(0);
    await page.getByRole('button', { name: 'Gi samtykke' }).click();
    await confirm.waitFor();
    expect(await confirm.locator('li').allTextContents()).toEqual([
      'Sofie Andersen (koordinator) laget planen, men kan ikke åpne den hvis du ikke krysser av.',
    ]);
    await confirm.getByRole('button', { name: 'Gi samtykke likevel' }).click();
    await waitForConnected(page);
    await expectText(page.locator('h1'), 'Individuell plan');

    const consents = await parent.context.request.get(`/api/plans/${planId}/consents`);
    const { consents: list } = (await consents.json()) as { consents: Array<{ kind: string }> };
    expect(list.map((c) => c.kind).sort()).toEqual(['plan', 'sharing']);
    expect((await koordinator.context.request.get(`/api/plans/${planId}`)).status()).toBe(403);

    // Her Mine planer says the family answered without her, and what to do; not that she waits for them.
    await koordinator.page.goto('/');
    const card = koordinator.page.locator('.plan-card');
    await expectText(card, 'Familien har ikke delt planen med deg');
    await expectText(card, 'Be familien om å gi deg tilgang under «Deltakere og tilgang»');
    expect(await card.textContent()).not.toContain('Venter på samtykke');
    await saveScreenshot(koordinator.page, 'plan-not-shared-with-you');
    for (const context of [koordinator.context, teacher.context, parent.context]) await context.close();
  });

  it('lets the koordinator ask the family for consent for someone who waits', async () => {
    const koordinator = await newUserContext(app.browser, app.server.url, 'Sofie Andersen');
    const planId = await createPlanViaApi(koordinator.context, { childName: 'Emma Nilsen' });
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const nurse = await newUserContext(app.browser, app.server.url, 'Helse Hanne');
    await inviteAndAccept(koordinator.context, parent.context, parent.user.email, planId, 'foresatt', app.dataDir);
    const given = await parent.context.request.post(`/api/plans/${planId}/family-consent`, {
      headers: CSRF,
      data: { shareWithUserIds: [koordinator.user.id] },
    });
    expect(given.status()).toBe(201);
    await inviteAndAccept(koordinator.context, nurse.context, nurse.user.email, planId, 'deltaker', app.dataDir);

    await koordinator.page.goto(`/planer/${planId}/tilgang`);
    await koordinator.page.getByRole('button', { name: 'Be familien om samtykke for Helse Hanne' }).click();
    await expectText(koordinator.page.getByRole('status').first(), /Familien har fått e-post om at Helse Hanne venter/);
    for (const context of [koordinator.context, parent.context, nurse.context]) await context.close();
  });
});
