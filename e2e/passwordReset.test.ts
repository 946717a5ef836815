import { startMailbox, type Mailbox } from '@samplan/server/testing/mailbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { CSRF, newUserContext } from './support/browser.ts';
import { expectText } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { waitFor } from './support/waitFor.ts';
import { useWebApp } from './support/webApp.ts';

// Issue 10: a parent who forgot the password (and locked the account trying) makes a new one from the mail's link.
describe('a forgotten password', () => {
  let mailbox: Mailbox;
  beforeAll(async () => {
    mailbox = await startMailbox();
  });
  const app = useWebApp({ env: () => ({ SMTP_URL: mailbox.url, LOGIN_MAX_FAILURES: '3' }) });
  afterAll(() => mailbox?.close());

  it('is reset from the link in the mail, on a phone', async () => {
    const { context, user } = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    await context.clearCookies();
    const page = await app.browser.newPage({
      baseURL: app.server.url,
      locale: 'nb-NO',
      viewport: { width: 390, height: 844 },
    });

    await page.goto('/logg-inn');
    await page.getByLabel('E-post').fill(user.email);
    for (let i = 0; i < 4; i++) {
      await page.getByLabel('Passord').fill(`feil-passord-${i}`);
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    }
    await expectText(page.getByRole('alert'), /låst en liten stund/);
    await saveScreenshot(page, 'login-locked-phone', { fullPage: false });
    await page.getByRole('alert').getByRole('link', { name: 'Lag nytt passord' }).click();

    await page.waitForURL(/\/glemt-passord$/);
    await expectText(page.locator('h1'), 'Glemt passordet?');
    await page.getByLabel('E-post').fill(user.email);
    await page.getByRole('button', { name: 'Send lenke' }).click();
    await expectText(page.getByRole('status'), `Hvis det finnes en konto for ${user.email}`);
    await saveScreenshot(page, 'password-reset-sent-phone', { fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);

    const mail = await waitFor(() => mailbox.mails.find((m) => m.to.includes(user.email)) ?? false);
    expect(mail.text).not.toContain('Kari');
    const link = /https?:\/\/\S+/.exec(mail.text)![0];
    expect(link.startsWith(`${app.server.url}/nytt-passord#`)).toBe(true);

    await page.goto(link);
    await expectText(page.locator('h1'), 'Lag nytt passord');
    // The token is taken out of the address bar at once.
    expect(new URL(page.url()).hash).toBe('');
    await page.getByLabel('Nytt passord').fill('kort');
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await expectText(page.locator('.field-error'), 'Passordet må ha minst 10 tegn.');
    await page.getByLabel('Nytt passord').fill('et-nytt-og-langt-passord');
    await saveScreenshot(page, 'password-reset-new-phone', { fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();

    await page.waitForURL(/\/logg-inn\?passord=endret$/);
    await expectText(page.getByRole('status'), 'Passordet er endret. Logg inn med det nye passordet.');
    await page.getByLabel('E-post').fill(user.email);
    await page.getByLabel('Passord').fill('et-nytt-og-langt-passord');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expectText(page.locator('h1'), 'Mine planer');

    // The link worked once.
    await page.goto(link);
    await page.getByLabel('Nytt passord').fill('enda-et-nytt-passord');
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await expectText(page.getByRole('alert'), 'Lenken er allerede brukt, eller den er for gammel.');
    await expect.poll(() => page.getByRole('alert').getByRole('link', { name: 'Be om en ny lenke' }).count()).toBe(1);
    const old = await page.request.post('/api/auth/login', {
      headers: CSRF,
      data: { email: user.email, password: user.password },
    });
    expect(old.status()).toBe(401);
    await page.close();
    await context.close();
  });

  it('after an OpenID login refused for an unconfirmed address, the login page says what to do (phone)', async () => {
    const page = await app.browser.newPage({
      baseURL: app.server.url,
      locale: 'nb-NO',
      viewport: { width: 390, height: 844 },
    });
    await page.goto('/logg-inn?feil=oidc-bekreft');
    const alert = page.getByRole('alert');
    await expectText(alert, 'vi vet ikke ennå at den er din');
    await saveScreenshot(page, 'login-oidc-unconfirmed-phone', { fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
    await alert.getByRole('link', { name: 'Lag nytt passord' }).click();
    await page.waitForURL(/\/glemt-passord$/);
    await page.close();
  });

  it("opened in a browser where someone is logged in, ends only the reset account's session there", async () => {
    const kari = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const ola = await newUserContext(app.browser, app.server.url, 'Ola Nilsen');
    const resetLink = async (email: string): Promise<string> => {
      const asked = await kari.page.request.post('/api/auth/password-reset', { headers: CSRF, data: { email } });
      expect(asked.status()).toBe(202);
      const mail = await waitFor(() => mailbox.mails.find((m) => m.to.includes(email)) ?? false);
      return /https?:\/\/\S+/.exec(mail.text)![0];
    };
    const setNewPassword = async (link: string, password: string): Promise<void> => {
      await kari.page.goto(link);
      await expectText(kari.page.locator('h1'), 'Lag nytt passord');
      await kari.page.getByLabel('Nytt passord').fill(password);
      await kari.page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    };

    // Ola's link, opened on Kari's computer while she is logged in: Ola's password changes, Kari stays logged in.
    await setNewPassword(await resetLink(ola.user.email), 'olas-nye-lange-passord');
    await kari.page.waitForURL((url) => url.pathname === '/');
    await expectText(kari.page.locator('h1'), 'Mine planer');
    expect((await kari.context.request.get('/api/me')).status()).toBe(200);
    expect((await ola.context.request.get('/api/me')).status()).toBe(401);
    const olaLogin = await ola.context.request.post('/api/auth/login', {
      headers: CSRF,
      data: { email: ola.user.email, password: 'olas-nye-lange-passord' },
    });
    expect(olaLogin.status()).toBe(200);

    // Kari's own link: her session here ends too, and the login page says why.
    await setNewPassword(await resetLink(kari.user.email), 'karis-nye-lange-passord');
    await kari.page.waitForURL(/\/logg-inn\?passord=endret$/);
    await expectText(kari.page.getByRole('status'), 'Passordet er endret. Logg inn med det nye passordet.');
    expect((await kari.context.request.get('/api/me')).status()).toBe(401);
    await kari.context.close();
    await ola.context.close();
  });
});
