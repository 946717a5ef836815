import { describe, expect, it } from 'vitest';
import { CSRF, createPlanViaApi, newUserContext, newContext } from './support/browser.ts';
import { expectText, openPlan } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWebApp } from './support/webApp.ts';

// Issue 9: logging out everywhere ends every session of the account, and closes the plan open on another device.
describe('logging out on every device', () => {
  const app = useWebApp();

  it('closes the plan open on the other device and ends both sessions', async () => {
    const laptop = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const planId = await createPlanViaApi(laptop.context, { demo: true, creatorRole: 'foresatt' });
    const phone = await newContext(app.browser, { baseURL: app.server.url, viewport: { width: 390, height: 844 } });
    const login = await phone.request.post('/api/auth/login', {
      headers: CSRF,
      data: { email: laptop.user.email, password: laptop.user.password },
    });
    expect(login.status()).toBe(200);
    const phonePage = await phone.newPage();
    await openPlan(phonePage, planId, 'mal');

    await laptop.page.goto('/');
    const button = laptop.page.getByRole('button', { name: 'Logg ut på alle enheter' });
    await button.scrollIntoViewIfNeeded();
    await saveScreenshot(laptop.page, 'logout-everywhere', { fullPage: false });
    await laptop.page.setViewportSize({ width: 390, height: 844 });
    await button.scrollIntoViewIfNeeded();
    await saveScreenshot(laptop.page, 'logout-everywhere-phone', { fullPage: false });
    await button.click();
    await laptop.page.waitForURL(/\/logg-inn/);
    await expectText(phonePage.locator('main'), 'Du er logget ut. Logg inn igjen for å fortsette.');
    await saveScreenshot(phonePage, 'logged-out-elsewhere-phone', { fullPage: false });
    // The plan stays to read, but nothing new is typed that could be neither sent nor kept.
    expect(await phonePage.getByRole('button', { name: 'Nytt hovedmål' }).count()).toBe(0);
    expect(await phonePage.locator('[contenteditable="true"]').count()).toBe(0);
    // And it does not say the parent may only read it: they are logged out, which the status says.
    expect(await phonePage.getByText('Du har lesetilgang til denne planen.').count()).toBe(0);
    expect((await phone.request.get('/api/me')).status()).toBe(401);
    expect((await laptop.context.request.get('/api/me')).status()).toBe(401);
    await phone.close();
  });
});

// A school behind one address can meet the server's limit on requests: a busy answer is not a logout.
describe('a server too busy to answer who is logged in', () => {
  const app = useWebApp();

  it('leaves the page as it is when asked at the session’s end, and does not ask again at once', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    let asked = 0;
    await page.route('**/api/me', async (route) => {
      asked += 1;
      // The first answer as the server gives it, but with the session ending 3 s later; then only "too many".
      if (asked === 1) {
        const response = await route.fetch();
        const me = (await response.json()) as object;
        return route.fulfill({ response, json: { ...me, sessionMsLeft: 3_000 } });
      }
      return route.fulfill({
        status: 429,
        json: { error: { code: 'RATE_LIMITED', message: 'For mange forespørsler' } },
      });
    });
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Mine planer' }).waitFor();
      await expect.poll(() => asked, { timeout: 20_000 }).toBe(2);
      await page.waitForTimeout(3_000);
      expect(asked).toBe(2);
      expect(await page.getByRole('heading', { name: 'Mine planer' }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Logg inn' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('opened while the server does not answer, asks again every half minute and shows the plans once it does', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url, 'Kari Nilsen', {
      serviceWorkers: 'block',
    });
    const planId = await createPlanViaApi(context, { creatorRole: 'foresatt', childName: 'Emma Nilsen' });
    const planLink = page.locator(`a[href="/planer/${planId}"]`);
    try {
      // Opened once, so this browser remembers who is logged in.
      await page.goto('/');
      await planLink.waitFor();
      // Then the server does not answer (restarting) when the app is opened again.
      let down = true;
      let asked = 0;
      await page.route(/\/api\/(me|plans)$/, (route) => {
        if (new URL(route.request().url()).pathname === '/api/me') asked += 1;
        return down ? route.fulfill({ status: 503, body: 'Service Unavailable' }) : route.fallback();
      });
      await page.clock.install();
      await page.reload();
      await page.locator('.kept-plans').waitFor();
      expect(await planLink.count()).toBe(0);
      // Back: within half a minute the app asks again by itself, and the plan list is the server's.
      down = false;
      const before = asked;
      await page.clock.fastForward(31_000);
      await expect.poll(() => asked, { timeout: 10_000 }).toBeGreaterThan(before);
      await planLink.waitFor({ timeout: 10_000 });
      expect(await page.locator('.kept-plans').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
