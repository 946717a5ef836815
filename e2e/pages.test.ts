import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allViolations } from './support/axe.ts';
import { createPlanViaApi, newUserContext, newUserDetails, newContext } from './support/browser.ts';
import { collectPageErrors, waitForConnected } from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWebApp } from './support/webApp.ts';

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
  const app = useWebApp();

  it('registers, creates the demo plan, and shows every page, on a desktop and a phone, without accessibility problems', async () => {
    const context = await newContext(app.browser, { baseURL: app.server.url, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const violations: Record<string, unknown> = {};
    const check = async (name: string): Promise<void> => {
      // Every impact, best practices included (issue 12).
      const found = await allViolations(page);
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

    await page.getByRole('link', { name: 'Ny plan', exact: true }).click();
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

    // The same parts on a phone, where they are behind one menu line.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const section of SECTIONS) {
      await page.locator('.section-menu > summary').click();
      await check(`menu:mobile:${section}`);
      await page.locator(`.section-nav a[data-section="${section}"]`).click();
      await page
        .locator(`.section-nav a[data-section="${section}"][aria-current="page"]`)
        .waitFor({ state: 'attached' });
      await page.locator('#section-heading').waitFor();
      await check(`plan:mobile:${section}`);
    }
    await page.locator('.section-menu > summary').click();
    await page.locator('.section-nav a[data-section="mal"]').click();
    await page.locator('li[data-goal-id]').first().waitFor();
    await saveScreenshot(page, '16-plan-mal-mobil', { fullPage: false });
    await check('plan:mobile');
    // Links that stand alone are targets for a thumb (WCAG 2.5.8 asks 24 px at the least): back, print, history.
    await page.locator('.section-menu > summary').click();
    for (const link of [
      page.getByRole('link', { name: 'Tilbake til Mine planer' }),
      page.locator('.section-menu__tools').getByRole('link', { name: 'Utskrift og PDF' }),
      page.locator('.section-menu__tools').getByRole('link', { name: 'Historikk' }),
    ]) {
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await page.locator('.section-menu > summary').click();

    // The plan's other pages, on a phone and then a desktop.
    for (const size of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      await page.setViewportSize(size);
      for (const [name, path, heading] of [
        ['history', 'historikk', 'Historikk'],
        ['access', 'tilgang', 'Deltakere og tilgang'],
        ['accessLog', 'innsynslogg', 'Innsynslogg'],
      ] as const) {
        await page.goto(`${planUrl}/${path}`);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await page.waitForFunction(() => document.querySelector('main .spinner') === null);
        await check(`${name}:${size.width}`);
        // The tabs between these pages stay on one line, on a phone too.
        const tops = await page
          .locator('.access-tabs a')
          .evaluateAll((tabs) => tabs.map((tab) => (tab as HTMLElement).offsetTop));
        expect(new Set(tops).size, `${name}:${size.width}`).toBe(1);
        const fits = await page.locator('.access-tabs').evaluate((tabs) => tabs.scrollWidth <= tabs.clientWidth);
        expect(fits, `${name}:${size.width}: the tabs fit without scrolling`).toBe(true);
      }
      await page.goto('/varsler');
      await page.getByRole('heading', { name: 'Varsler', level: 1 }).waitFor();
      await check(`notifications:${size.width}`);
    }

    await page.goto(planUrl);
    await waitForConnected(page);
    await page.getByRole('link', { name: 'Utskrift og PDF' }).click();
    await page.getByRole('heading', { name: 'Individuell plan for Emma Nilsen', level: 1 }).waitFor();
    await page.locator('.consent-list').first().waitFor();
    await saveScreenshot(page, '16-utskrift-topp', { fullPage: false });
    await saveScreenshot(page, '16-utskrift');
    await check('print');
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, '17-utskrift-som-pdf');
    await page.emulateMedia({ media: 'screen' });
    // On a phone the print page fits the screen: its tables wrap, the page does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('.consent-list').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('.print-table').first().scrollIntoViewIfNeeded();
    await saveScreenshot(page, '16-utskrift-mobil', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto('/');
    await page.locator('.plan-card').first().waitFor();
    await saveScreenshot(page, '18-mine-planer');
    await check('plans');

    expect(violations).toEqual({});
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('keyboard only', () => {
  const app = useWebApp();

  it('reaches and uses the plan with Tab, Enter, arrow keys and Ctrl+Z, with focus always visible', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const errors = collectPageErrors(page);
    const planId = await createPlanViaApi(context, { demo: true, creatorRole: 'foresatt' });
    await page.goto(`/planer/${planId}`);
    await waitForConnected(page);

    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const style = element ? getComputedStyle(element) : null;
        return {
          text: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim().slice(0, 60),
          tag: element?.tagName ?? '',
          visible: style ? style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 : false,
        };
      });
    /** Presses Tab until the focused element matches, checking that every stop shows where focus is. */
    const tabTo = async (match: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 80): Promise<void> => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        expect(f.visible, `focus is visible on ${f.tag} "${f.text}"`).toBe(true);
        if (match(f)) return;
      }
      throw new Error('not reached by Tab');
    };

    // The skip link comes first and leads to the content.
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Hopp til innholdet');

    // The section list, then Mål with Enter.
    await tabTo((f) => f.tag === 'A' && f.text.startsWith('Mål'));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/planer/${planId}/mal`);
    expect((await focused()).text).toBe('Mål');

    // Add a goal with the keyboard: focus lands in its title.
    await tabTo((f) => f.tag === 'BUTTON' && f.text.includes('Nytt hovedmål'));
    const goalCount = await page.locator('li.goal:not(.goal--sub)').count();
    await page.keyboard.press('Enter');
    const goal = page.locator('li.goal:not(.goal--sub)').nth(goalCount);
    const newTitle = goal.getByLabel('Målet', { exact: true });
    await expect.poll(() => newTitle.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('Emma skal bade i havet');
    await expectValue(goal.getByLabel('Målet', { exact: true }), 'Emma skal bade i havet');

    // Status with the arrow keys, a date typed the Norwegian way, then the description (Enter opens the editor).
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expectValue(goal.locator('.goal-status select'), 'pagar');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1.7.2027');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Emma');
    // Next stop is the description: its editor when on screen, else the static view, which Enter turns into one.
    await page.keyboard.press('Tab');
    if ((await focused()).text.startsWith('Tomt')) await page.keyboard.press('Enter');
    const description = goal.locator('.goal-description .ProseMirror');
    await description.waitFor();
    // The editor takes the focus from the view it replaces once it is mounted (on a busy machine a moment after it
    // appears): type only then, as a person would see the caret first.
    await expect.poll(() => description.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.type('Vi begynner i grunna.');
    await expect
      .poll(() => goal.locator('.goal-description .ProseMirror').textContent())
      .toContain('Vi begynner i grunna.');
    await expectValue(goal.getByLabel('Måldato'), '01.07.2027');

    // Undo with the keyboard removes the last own change.
    await page.keyboard.press('Control+z');
    await expect.poll(() => goal.locator('.goal-description .ProseMirror').textContent()).not.toContain('grunna.');
    expect(errors).toEqual([]);
    await context.close();
  });
});

async function expectValue(locator: Locator, value: string): Promise<void> {
  await expect.poll(() => locator.inputValue()).toBe(value);
}
