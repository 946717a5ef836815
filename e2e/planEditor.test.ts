import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { createPlanViaApi, inviteToPlan, newUserContext, type TestUser } from './support/browser.ts';
import {
  closeItems,
  collectPageErrors,
  editorText,
  expectText,
  openItem,
  openPlan,
  waitForConnected,
} from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { sectionSnapshot } from './support/snapshot.ts';
import { waitFor } from './support/waitFor.ts';
import { useWebApp } from './support/webApp.ts';

interface Person {
  context: BrowserContext;
  page: Page;
  user: TestUser;
  errors: string[];
}

const goalCard = (page: Page, goalId: string) => page.locator(`li[data-goal-id="${goalId}"] > article`);

async function descriptionEditor(page: Page, goalId: string) {
  await openItem(goalCard(page, goalId));
  const field = goalCard(page, goalId).locator('.goal-description');
  await field.scrollIntoViewIfNeeded();
  const editor = field.locator('.ProseMirror');
  // On screen the editor mounts by itself; focusing the static view mounts it too.
  const mounted = await editor.waitFor({ timeout: 3000 }).then(
    () => true,
    () => false,
  );
  if (!mounted) await field.locator('.rich-text__static').focus();
  await editor.waitFor();
  return editor;
}

async function sameSection(a: Page, b: Page, message: string): Promise<string[][]> {
  let last: unknown = null;
  try {
    return await waitFor(
      async () => {
        const [left, right] = await Promise.all([sectionSnapshot(a), sectionSnapshot(b)]);
        last = { left, right };
        return JSON.stringify(left) === JSON.stringify(right) ? left : false;
      },
      { message },
    );
  } catch (error) {
    (await import('node:fs')).writeFileSync('/tmp/samesection.json', JSON.stringify(last));
    throw new Error(`${(error as Error).message}\n${JSON.stringify(last, null, 1)}`);
  }
}

async function goToSection(page: Page, section: string): Promise<void> {
  await page.locator(`.section-nav a[data-section="${section}"]`).click();
  await page.waitForURL(`**/${section}`);
  await page.locator('#section-heading').waitFor();
}

// Issue 4, "Done when": two people edit the same plan live, offline and back, reload, and the overview agrees.
describe('the plan editor with two people', () => {
  const app = useWebApp();
  let coordinator: Person;
  let parent: Person;
  let planId: string;

  beforeAll(async () => {
    const sofie = await newUserContext(app.browser, app.server.url, 'Sofie Andersen');
    const kari = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    coordinator = { ...sofie, errors: collectPageErrors(sofie.page) };
    parent = { ...kari, errors: collectPageErrors(kari.page) };
    // Kari (mor) creates the plan and invites the barnekoordinator, consenting to share the plan with her.
    planId = await createPlanViaApi(parent.context, {
      title: 'Individuell plan for Emma',
      demo: true,
      creatorRole: 'foresatt',
    });
    await inviteToPlan(parent.context, coordinator, planId, 'koordinator', 'Kari Nilsen (mor)');
    await Promise.all([openPlan(coordinator.page, planId, 'mal'), openPlan(parent.page, planId, 'mal')]);
  });

  it('shows each person in the presence list with the section they are in', async () => {
    await coordinator.page.locator('.presence__person[data-user-name="Kari Nilsen"]').getByText('i Mål').waitFor();
    await parent.page.locator('.presence__person[data-user-name="Sofie Andersen"]').getByText('i Mål').waitFor();
  });

  it('adds a goal and a linked measure while the other types in the goal’s description; both end with the same plan', async () => {
    const a = coordinator.page;
    const b = parent.page;
    await a.getByRole('button', { name: 'Nytt hovedmål' }).first().click();
    const goalId = await waitFor(() =>
      a.evaluate(
        () => (document.activeElement?.closest('[data-goal-id]') as HTMLElement | null)?.dataset.goalId ?? false,
      ),
    );
    await a.keyboard.type('Emma skal sykle med støttehjul', { delay: 10 });

    // Kari sees the new goal appear and starts describing it while Sofie adds a measure for it.
    const descriptionB = await descriptionEditor(b, goalId);
    await descriptionB.click();
    const description = 'Vi øver i gården hver helg, og Henrik vil gjerne være med.';
    const typing = descriptionB.pressSequentially(description, { delay: 25 });

    await goToSection(a, 'tiltak');
    await a.getByRole('button', { name: 'Nytt tiltak' }).first().click();
    // Typed once the new measure's title has the focus, as for the goal above (and as a person sees it first): on a
    // busy machine the keys came before the form and went to the button.
    await waitFor(() =>
      a.evaluate(
        () => document.activeElement?.tagName === 'TEXTAREA' && !!document.activeElement.closest('[data-measure-id]'),
      ),
    );
    await a.keyboard.type('Sykkeltrening med fysioterapeut', { delay: 10 });
    const measure = a.locator('li[data-measure-id]').last();
    await measure.locator('summary', { hasText: 'Velg hvilke mål tiltaket gjelder' }).click();
    await measure.getByLabel(/Hovedmål 4: Emma skal sykle med støttehjul/).check();
    await measure.locator('.goal-links__linked').getByText('Hovedmål 4: Emma skal sykle med støttehjul').waitFor();
    await typing;

    // Both see the same measure list, linked to the new goal…
    await closeItems(a);
    await goToSection(b, 'tiltak');
    const measures = await sameSection(a, b, 'the same measures in both browsers');
    expect(measures.at(-1)).toContain('Sykkeltrening med fysioterapeut');

    // …and the same goals, with Kari's description in full.
    await Promise.all([goToSection(a, 'mal'), goToSection(b, 'mal')]);
    const goals = await sameSection(a, b, 'the same goals in both browsers');
    expect(goals.some((card) => card.includes(description))).toBe(true);
    expect(goals.filter((card) => card[0] === 'Hovedmål 4')).toHaveLength(1);

    // The server has it too: the measure points at the goal, the description is stored.
    const exported = (await (await a.request.get(`/api/plans/${planId}/export.json`)).json()) as {
      content: { goals: Array<{ id: string; title: string }>; measures: Array<{ title: string; goalIds: string[] }> };
    };
    expect(exported.content.goals.find((goal) => goal.id === goalId)?.title).toBe('Emma skal sykle med støttehjul');
    expect(exported.content.measures.find((m) => m.title === 'Sykkeltrening med fysioterapeut')?.goalIds).toEqual([
      goalId,
    ]);

    // Each sees the other's caret, with their name, in the description they share.
    const descriptionA = await descriptionEditor(a, goalId);
    const descriptionB2 = await descriptionEditor(b, goalId);
    await descriptionB2.click();
    await descriptionB2.press('End');
    await descriptionA.click();
    await descriptionA.press('Home');
    await descriptionA.locator('.collaboration-carets__label', { hasText: 'Kari Nilsen' }).waitFor();
    await descriptionB2.locator('.collaboration-carets__label', { hasText: 'Sofie Andersen' }).waitFor();
    expect(await editorText(descriptionA)).toBe(await editorText(descriptionB2));
    await saveScreenshot(a, '20-to-personer-caret', { fullPage: false });

    const violations = await seriousViolations(a);
    expect(violations).toEqual([]);
  });

  it('converges after one person edits offline while the other keeps editing, with nothing duplicated', async () => {
    const a = coordinator.page;
    const b = parent.page;
    await Promise.all([openPlan(a, planId, 'mal'), openPlan(b, planId, 'mal')]);
    const goalsBefore = await sectionSnapshot(a);

    await parent.context.setOffline(true);
    await b.locator('.connection[data-state="offline"]').waitFor();

    // Kari (offline) adds a delmål under goal 3 and edits goal 1's title; Sofie (online) edits goal 2's title.
    const cardsB = b.locator('li.goal:not(.goal--sub) > article');
    await cardsB.nth(2).getByRole('button', { name: 'Nytt delmål' }).click();
    await b.locator('li.goal--sub[data-open] textarea').waitFor();
    await b.keyboard.type('Svømme 10 meter med flytebelte', { delay: 5 });
    await openItem(cardsB.nth(0));
    const title1B = cardsB.nth(0).getByLabel('Målet', { exact: true }).first();
    await title1B.click();
    await title1B.press('End');
    await title1B.pressSequentially(' (med assistent)', { delay: 5 });
    await b
      .locator('.connection[data-state="offline"]')
      .getByText(/ikke sendt ennå/)
      .waitFor();
    await saveScreenshot(b, '21-frakoblet', { fullPage: false });

    const card2A = a.locator('li.goal:not(.goal--sub) > article').nth(1);
    await openItem(card2A);
    const title2A = card2A.getByLabel('Målet', { exact: true }).first();
    await title2A.click();
    await title2A.press('Home');
    await title2A.pressSequentially('Mål 2: ', { delay: 5 });
    // Sofie also changes goal 1's title, which Kari is changing offline.
    const card1A = a.locator('li.goal:not(.goal--sub) > article').nth(0);
    await openItem(card1A);
    const title1A = card1A.getByLabel('Målet', { exact: true }).first();
    await title1A.click();
    await title1A.press('Home');
    await title1A.pressSequentially('Viktig: ', { delay: 5 });

    await parent.context.setOffline(false);
    await waitForConnected(b);
    // Kari is told that a field she changed while offline was changed by someone else too; Sofie, who was online
    // and saw Kari's change arrive, is not.
    await expectText(b.locator('.notice'), 'Mens du var uten nett, ble målet «Viktig: ');
    await expectText(b.locator('.notice'), 'også endret av noen andre. Begge endringene er tatt med.');
    await saveScreenshot(b, '21b-endret-begge-steder', { fullPage: false });
    expect(await a.locator('.notice', { hasText: 'Mens du var uten nett' }).count()).toBe(0);
    await Promise.all([closeItems(a), closeItems(b)]);
    const goalsAfter = await sameSection(a, b, 'converged after going back online');

    const all = JSON.stringify(goalsAfter);
    const occurrences = (text: string): number => all.split(text).length - 1;
    expect(occurrences('Svømme 10 meter med flytebelte')).toBe(1);
    expect(occurrences('(med assistent)')).toBe(1);
    expect(occurrences('Mål 2: Familien')).toBe(1);
    expect(occurrences('Viktig: ')).toBe(1);
    expect(goalsAfter).toHaveLength(goalsBefore.length + 1);
    await b.locator('.connection[data-state="connected"]').getByText('Alle endringer er lagret').waitFor();
  });

  it('shows the same content after a reload', async () => {
    const before = await sectionSnapshot(parent.page);
    await parent.page.reload();
    await waitForConnected(parent.page);
    await parent.page.locator('li[data-goal-id]').first().waitFor();
    const after = await waitFor(
      async () => {
        const snapshot = await sectionSnapshot(parent.page);
        return JSON.stringify(snapshot) === JSON.stringify(before) ? snapshot : false;
      },
      { message: 'same content after reload' },
    );
    expect(after).toEqual(before);
  });

  it('keeps the overview counts equal to the goals’ statuses, live', async () => {
    const a = coordinator.page;
    const b = parent.page;
    await Promise.all([openPlan(a, planId, 'mal'), openPlan(b, planId, 'mal')]);
    // Each goal's own status, as its card reads it.
    const countStatuses = (page: Page) =>
      page.evaluate(() => {
        const counts: Record<string, number> = {};
        for (const badge of document.querySelectorAll<HTMLElement>(
          // The goal's status, not the badge saying its evaluation is due.
          'li.goal > article > .item-card__header > .status-badge:not(.status-badge--overtid):not(.status-badge--snart)',
        )) {
          const status = badge.dataset.status ?? '';
          counts[status] = (counts[status] ?? 0) + 1;
        }
        return counts;
      });
    const overviewCounts = (page: Page) =>
      page.evaluate(() => {
        const counts: Record<string, number> = {};
        for (const chip of document.querySelectorAll<HTMLElement>('.overview__statuses [data-status]')) {
          counts[chip.dataset.status ?? ''] = Number(chip.dataset.count);
        }
        return counts;
      });

    // Sofie marks goal 1 as reached; Kari's overview follows.
    const firstGoal = a.locator('li.goal > article').first();
    await openItem(firstGoal);
    await firstGoal.locator('.goal-status select').selectOption('naadd');
    await closeItems(a);
    for (const page of [a, b]) {
      await waitFor(
        async () => {
          const [overview, statuses] = await Promise.all([overviewCounts(page), countStatuses(page)]);
          const same = Object.keys({ ...overview, ...statuses }).every((key) => overview[key] === statuses[key]);
          if (!same) throw new Error(JSON.stringify({ overview, statuses }));
          return true;
        },
        { message: 'overview matches the statuses' },
      );
      const counts = await countStatuses(page);
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      await page
        .getByTestId('overview-goals')
        .getByText(`${counts['naadd'] ?? 0} av ${total} nådd`)
        .waitFor();
    }
    expect((await countStatuses(b))['naadd']).toBe(1);

    // Evaluations overdue by the plan's interval: the overview counts what Mine planer (and the mails) name.
    const overdueInList = async () => {
      const response = await a.request.get('/api/plans');
      const { plans } = (await response.json()) as {
        plans: Array<{ id: string; attention?: Array<{ kind: string }> }>;
      };
      return (plans.find((plan) => plan.id === planId)?.attention ?? []).filter(
        (item) => item.kind === 'evaluationOverdue',
      ).length;
    };
    const expected = await overdueInList();
    expect(expected).toBeGreaterThan(0);
    await a.getByTestId('overview-evaluations-overdue').getByText(String(expected), { exact: true }).waitFor();
    // ... and each such goal's card says so, with the date it was due.
    const overdueCards = a.locator('li.goal > article', {
      has: a.locator(':scope > .item-card__header .status-badge--overtid'),
    });
    await waitFor(async () => (await overdueCards.count()) === expected, { message: 'overdue goals marked' });
    await expectText(overdueCards.first(), /Evaluering\s*På overtid siden \d\d\.\d\d\.\d{4}/);
  });

  it('undoes only my own edits', async () => {
    const a = coordinator.page;
    const b = parent.page;
    await Promise.all([openPlan(a, planId, 'mal'), openPlan(b, planId, 'mal')]);
    const cardA = a.locator('li.goal:not(.goal--sub) > article').nth(2);
    const cardB = b.locator('li.goal:not(.goal--sub) > article').nth(2);
    await Promise.all([openItem(cardA), openItem(cardB)]);
    const titleA = cardA.getByLabel('Målet', { exact: true }).first();
    const titleB = cardB.getByLabel('Målet', { exact: true }).first();
    await titleB.click();
    await titleB.press('End');
    await titleB.pressSequentially(' Kari skrev dette.', { delay: 5 });
    await waitFor(async () => (await titleA.inputValue()).endsWith(' Kari skrev dette.'));
    await titleA.click();
    await titleA.press('Home');
    await titleA.pressSequentially('Sofie: ', { delay: 5 });
    await waitFor(async () => (await titleB.inputValue()).startsWith('Sofie: '));

    await a.getByRole('button', { name: 'Angre', exact: true }).click();
    await waitFor(
      async () => {
        const value = await titleB.inputValue();
        return !value.startsWith('Sofie: ') && value.endsWith(' Kari skrev dette.');
      },
      { message: 'Sofie’s undo removes only her own text' },
    );
    await a.getByRole('button', { name: 'Gjør om', exact: true }).click();
    await waitFor(async () => (await titleB.inputValue()).startsWith('Sofie: '));

    // Typed slowly, as a parent may, a run of typing is still one step back.
    await titleA.click();
    await titleA.press('End');
    const before = await titleA.inputValue();
    await titleA.pressSequentially(' sakte', { delay: 700 });
    await waitFor(async () => (await titleB.inputValue()) === `${before} sakte`);
    await a.getByRole('button', { name: 'Angre', exact: true }).click();
    await waitFor(async () => (await titleB.inputValue()) === before, { message: 'one undo takes back « sakte»' });
  });

  it('had no errors in either browser', () => {
    expect(coordinator.errors).toEqual([]);
    expect(parent.errors).toEqual([]);
  });
});
