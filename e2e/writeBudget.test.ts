import { describe, expect, it } from 'vitest';
import { createPlanViaApi, newUserContext } from './support/browser.ts';
import { collectPageErrors, openItem, openPlan } from './support/planPage.ts';
import { waitFor } from './support/waitFor.ts';
import { useWebApp } from './support/webApp.ts';

describe('writing very much at once', () => {
  // 256 KiB of updates at once per member and plan, filled again in 3 s.
  const app = useWebApp({
    env: () => ({ MAX_MESSAGE_BYTES: '262144', WRITE_BUDGET_BYTES: '262144', WRITE_BUDGET_MINUTES: '0.05' }),
  });

  it('holds what is past the budget in the browser and sends it after the wait: nothing is lost', async () => {
    const parent = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const errors = collectPageErrors(parent.page);
    const closes: number[] = [];
    parent.page.on('websocket', (socket) => socket.on('close', () => closes.push(Date.now())));
    try {
      const planId = await createPlanViaApi(parent.context, { demo: true, creatorRole: 'foresatt' });
      await openPlan(parent.page, planId, 'mal');
      const card = parent.page.locator('li.goal:not(.goal--sub) > article').first();
      await openItem(card);
      const title = card.getByLabel('Målet', { exact: true }).first();
      // Four texts of 100 KB put in the goal one after the other (pasted over it): 400 KB, past the budget.
      const texts = ['a', 'b', 'c', 'd'].map((letter) => letter.repeat(100_000));
      for (const text of texts) await title.fill(text);
      const stored = async () => {
        const res = await parent.context.request.get(`/api/plans/${planId}/export.json`);
        const { content } = (await res.json()) as { content: { goals: Array<{ title: string }> } };
        return content.goals.map((g) => g.title);
      };
      // The server held some back (the socket closed), and the last text arrives once the budget has filled.
      await waitFor(async () => (await stored()).includes(texts[3]!), { timeout: 30_000 });
      expect(closes.length).toBeGreaterThan(0);
      // Each time, the app waited as the server said (a second or more) before connecting again, rather than
      // knocking again at once to be held back again.
      for (let i = 1; i < closes.length; i++) expect(closes[i]! - closes[i - 1]!).toBeGreaterThanOrEqual(900);
      await parent.page
        .locator('.connection[data-state="connected"]')
        .getByText('Alle endringer er lagret')
        .waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
    } finally {
      await parent.context.close();
    }
  });
});
