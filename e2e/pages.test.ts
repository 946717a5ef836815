import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, newUserDetails } from './support/browser.ts';
import { collectPageErrors, waitForConnected } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, tempDataDir, type RunningServer } from './support/testServer.ts';
import { ensureWebBuild } from './support/webBuild.ts';

const SECTIONS = [
  'barnet',
  'mal',
  'tiltak',
  'evaluering',
  'deltakere',
  'samarbeid',
  'periode',
  'samtykke',
  'moter',
  'oppgaver',
  'tjenester',
] as const;

// Walks every page as a new parent would (register, create the demo plan, open every section, print), saves a
// screenshot of each, and checks each with axe.
describe('every page, as a parent sees it', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    const webDist = await ensureWebBuild();
    server = await startServer({ dataDir: tempDataDir(), webDist });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('registers, creates the demo plan, and shows every page without serious accessibility problems', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const violations: Record<string, unknown> = {};
    const check = async (name: string): Promise<void> => {
      const found = await seriousViolations(page);
      if (found.length > 0) violations[name] = found;
    };

    await page.goto('/');
    await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    await saveScreenshot(page, '01-logg-inn');
    await check('login');

    await page.getByRole('link', { name: 'Opprett en konto' }).click();
    await page.getByRole('heading', { name: 'Opprett konto' }).waitFor();
    const details = newUserDetails('Kari Nilsen');
    await page.getByLabel('Navnet ditt').fill(details.name);
    await page.getByLabel('E-post').fill(details.email);
    await page.getByLabel('Passord').fill(details.password);
    await saveScreenshot(page, '02-opprett-konto');
    await check('register');
    await page.getByRole('button', { name: 'Opprett konto' }).click();

    await page.getByRole('heading', { name: 'Mine planer' }).waitFor();
    await page.getByText('Du er ikke med i noen planer ennå.').waitFor();
    await saveScreenshot(page, '03-mine-planer-tom');

    await page.getByRole('link', { name: 'Ny plan' }).click();
    await page.getByRole('heading', { name: 'Ny individuell plan' }).waitFor();
    await page.getByLabel('Barnets navn').fill('Emma Nilsen');
    await page.getByLabel('Forelder eller foresatt').check();
    await page.getByLabel('Fyll planen med eksempelinnhold').check();
    await saveScreenshot(page, '04-ny-plan');
    await check('createPlan');
    await page.getByRole('button', { name: 'Opprett planen' }).click();

    await waitForConnected(page);
    await page.getByRole('heading', { name: 'Om barnet og familien', level: 2 }).waitFor();
    const planUrl = new URL(page.url()).pathname;

    for (const [index, section] of SECTIONS.entries()) {
      if (section !== 'barnet') {
        await page.locator(`.section-nav a[data-section="${section}"]`).click();
        await page.waitForURL(`**${planUrl}/${section}`);
      }
      await page.locator('#section-heading').waitFor();
      // Let visible editors mount before the picture and the check.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.rich-text__static')].every((element) => {
          const box = element.getBoundingClientRect();
          return box.top > window.innerHeight || box.bottom < 0;
        }),
      );
      await saveScreenshot(page, `${String(index + 5).padStart(2, '0')}-plan-${section}`);
      await check(`plan:${section}`);
    }

    await page.getByRole('link', { name: 'Utskrift og PDF' }).click();
    await page.getByRole('heading', { name: 'Individuell plan for Emma Nilsen', level: 1 }).waitFor();
    await saveScreenshot(page, '16-utskrift');
    await check('print');
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, '17-utskrift-som-pdf');
    await page.emulateMedia({ media: 'screen' });

    await page.goto('/');
    await page.locator('.plan-card').first().waitFor();
    await saveScreenshot(page, '18-mine-planer');
    await check('plans');

    expect(violations).toEqual({});
    expect(errors).toEqual([]);
    await context.close();
  });
});
