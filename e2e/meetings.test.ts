import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allViolations } from './support/axe.ts';
import { createPlanViaApi, inviteToPlan, newUserContext, type TestUser } from './support/browser.ts';
import {
  closeItems,
  collectPageErrors,
  editorText,
  expectText,
  openPlan,
  richTextEditor,
  waitForConnected,
} from './support/planPage.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { waitFor } from './support/waitFor.ts';
import { useWebApp } from './support/webApp.ts';

interface Person {
  context: BrowserContext;
  page: Page;
  user: TestUser;
  errors: string[];
}

/** A day counted from today, as the plan stores it and as a Norwegian types it. */
function day(offset: number): { iso: string; nb: string } {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const [y, m, d] = [date.getFullYear(), pad(date.getMonth() + 1), pad(date.getDate())];
  return { iso: `${y}-${m}-${d}`, nb: `${d}.${m}.${y}` };
}

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const violations = await allViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Scrolls an element to the top of the screen, below the plan's sticky toolbar, for a picture of it. */
async function scrollToTop(element: Locator): Promise<void> {
  await element.evaluate((node) => {
    node.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -90);
  });
}

/** Types into a field and leaves it, so a value written on leaving (a date, a time, a link) is written. */
async function typeAndLeave(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Tab');
}

// Issue 12, deliverable 4: meetings run from the plan. A koordinator plans a meeting with time and place, runs it
// with a teacher (each in their own browser), and marks it held; a reader sees the record. At phone and desktop size.
describe('meetings run from the plan', () => {
  const app = useWebApp();

  for (const [device, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1366, height: 900 }],
  ] as const) {
    it(`a koordinator and a teacher run a meeting from the plan and print its record (${device})`, async () => {
      const people: Person[] = [];
      const person = async (name: string): Promise<Person> => {
        const made = await newUserContext(app.browser, app.server.url, name);
        await made.page.setViewportSize(viewport);
        const one = { ...made, errors: collectPageErrors(made.page) };
        people.push(one);
        return one;
      };
      try {
        const kari = await person('Kari Nilsen');
        const sofie = await person('Sofie Andersen');
        const marte = await person('Marte Olsen');
        const hanne = await person('Helsesykepleier Hanne');
        // The example plan: on any day from December 2026 its task «Avtale samtale for Henrik» (due 15.11.2026) is
        // overdue and its goals are due for evaluation (every 3 months from 01.09.2026).
        const planId = await createPlanViaApi(kari.context, { creatorRole: 'foresatt', demo: true });
        await inviteToPlan(kari.context, sofie, planId, 'koordinator', 'Kari Nilsen (mor)');
        await inviteToPlan(kari.context, marte, planId, 'deltaker', 'Kari Nilsen (mor)');
        await inviteToPlan(kari.context, hanne, planId, 'lesetilgang', 'Kari Nilsen (mor)');
        // The meeting is today: planned this morning, run this afternoon.
        const when = day(0);
        const due = day(21);
        const heading = `Ansvarsgruppemøte ${when.nb}`;

        // 1. The koordinator plans the meeting: date, time, place, video link, who is invited.
        const page = sofie.page;
        await openPlan(page, planId, 'moter');
        await page.getByRole('button', { name: 'Nytt møte' }).click();
        const upcoming = page.getByRole('list', { name: 'Kommende møter' });
        const card = upcoming.locator('li[data-meeting-id]').first();
        await card.waitFor();
        const meetingId = (await card.getAttribute('data-meeting-id'))!;
        // A new meeting opens to be filled in.
        await card.locator('.item-card__form').waitFor();
        await typeAndLeave(card.getByLabel('Dato'), when.nb);
        await typeAndLeave(card.getByLabel('Klokkeslett'), '13.30');
        await typeAndLeave(card.getByLabel('Sted'), 'Solbakken skole, møterom 2');
        // A link that is not https is refused, with a message, and never written.
        await typeAndLeave(card.getByLabel('Lenke til videomøte'), 'javascript:alert(1)');
        await expectText(card.locator('.field-error'), 'Lenken må være en hel nettadresse som begynner med https://');
        await typeAndLeave(card.getByLabel('Lenke til videomøte'), 'https://meet.example.no/emma-nilsen');
        const invited = card.getByRole('group', { name: 'Invitert' });
        for (const name of ['Kari Nilsen', 'Jonas Nilsen', 'Sofie Andersen', 'Lise Berg', 'Marte Olsen']) {
          await invited.getByLabel(name, { exact: true }).check();
        }
        await expect.poll(() => card.locator('.field-error').count()).toBe(0);
        await saveScreenshot(page, `meetings-form-${device}`, { fullPage: false });
        await closeItems(page);
        const facts = card.locator('.item-facts');
        await expectText(facts, 'kl. 13:30');
        await expectText(facts, 'Solbakken skole, møterom 2');
        await expectText(facts, 'Kari Nilsen, Jonas Nilsen, Sofie Andersen, Lise Berg, Marte Olsen');
        const video = card.getByRole('link', { name: 'Bli med i videomøtet' });
        expect(await video.getAttribute('href')).toBe('https://meet.example.no/emma-nilsen');
        expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
        // Upcoming first, then past, the latest first: the example plan's meeting of 03.12.2026 was never marked
        // held, and its day has passed.
        await expectText(card.locator('.item-card__title'), heading);
        const past = page.getByRole('list', { name: 'Tidligere møter' });
        await expect
          .poll(() => past.locator('.item-card__title').allTextContents())
          .toEqual(['Ansvarsgruppemøte 03.12.2026', 'Ansvarsgruppemøte 10.09.2026']);
        const headings = await page.locator('.plan-section h3').allTextContents();
        expect(headings.indexOf('Kommende møter')).toBeLessThan(headings.indexOf(heading));
        expect(headings.indexOf(heading)).toBeLessThan(headings.indexOf('Tidligere møter'));
        // Who came at the held meeting shows beside who was invited.
        await expectText(
          past.locator('li[data-meeting-id]').last().locator('.item-facts'),
          'Til stedeKari Nilsen, Jonas Nilsen, Sofie Andersen, Lise Berg, Marte Olsen',
        );
        await scrollToTop(card);
        await saveScreenshot(page, `meetings-section-${device}`, { fullPage: false });
        await expectNoViolations(page, 'meetings section');
        // The example plan's planned meeting whose day has passed asks to be marked held or cancelled.
        const passed = past.locator('li[data-meeting-id]').first();
        await expectText(passed.locator('.meeting-passed'), 'Datoen er passert. Ble møtet holdt?');
        await scrollToTop(page.locator('#meetings-past'));
        await saveScreenshot(page, `meetings-section-past-${device}`, { fullPage: false });

        // 2. Meeting mode: the agenda the plan suggests, put into the saksliste with one button.
        await card.getByRole('link', { name: `Start møtet: ${heading}` }).click();
        await page.waitForURL(`**/planer/${planId}/moter/${meetingId}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await waitForConnected(page);
        const fromPlan = page.locator('.agenda-from-plan');
        await expectText(
          fromPlan.locator('[data-agenda="tasks"]'),
          /«Avtale samtale for Henrik», ansvarlig: Sofie Andersen, på overtid, frist var 15\.11\.2026/,
        );
        await expectText(
          fromPlan.locator('[data-agenda="goals"]'),
          /Delmål 1\.2: «Gå i trapp med støtte fra én voksen.*», skulle vært evaluert 01\.12\.2026/,
        );
        await saveScreenshot(page, `meetings-mode-agenda-${device}`, { fullPage: false });
        await fromPlan.getByRole('button', { name: 'Legg sakene inn i sakslisten' }).click();
        await expectText(fromPlan.getByRole('status'), 'Sakene er lagt inn nederst i sakslisten.');
        const agenda = await richTextEditor(page, 'Saksliste');
        await waitFor(async () => (await editorText(agenda)).includes('Avtale samtale for Henrik'));
        expect(await editorText(agenda)).toContain('Fra planen:');
        expect(await editorText(agenda)).toContain('Mål som skal evalueres');

        // 3. The teacher joins: both tick who came and write the minutes together, and each sees the other's.
        const school = marte.page;
        await school.goto(`/planer/${planId}/moter/${meetingId}`);
        await waitForConnected(school);
        await waitFor(async () =>
          (await editorText(await richTextEditor(school, 'Saksliste'))).includes('Avtale samtale for Henrik'),
        );
        const present = page.getByRole('group', { name: 'Til stede' });
        for (const name of ['Kari Nilsen', 'Sofie Andersen']) await present.getByLabel(name).check();
        await school.getByRole('group', { name: 'Til stede' }).getByLabel('Marte Olsen').check();
        for (const viewer of [page, school]) {
          const group = viewer.getByRole('group', { name: 'Til stede' });
          await expect.poll(() => group.getByLabel('Marte Olsen').isChecked()).toBe(true);
          await expect.poll(() => group.getByLabel('Kari Nilsen').isChecked()).toBe(true);
          expect(await group.getByLabel('Jonas Nilsen').isChecked()).toBe(false);
        }
        const mine = await richTextEditor(page, 'Referat');
        const theirs = await richTextEditor(school, 'Referat');
        await mine.focus();
        await page.keyboard.type('Emma går til kantina uten pause.');
        // The teacher goes on after what the koordinator wrote, once it is there.
        await waitFor(async () => (await editorText(theirs)).includes('Emma går til kantina uten pause.'));
        // Focused, not clicked: a click could land on the other caret's name label.
        await theirs.focus();
        await school.keyboard.press('Control+End');
        await school.keyboard.press('Enter');
        await school.keyboard.type('Skolen: trappetrening starter i januar.');
        const both = async (editor: Locator): Promise<boolean> => {
          const text = await editorText(editor);
          return (
            text.includes('Emma går til kantina uten pause.') &&
            text.includes('Skolen: trappetrening starter i januar.')
          );
        };
        await waitFor(async () => (await both(mine)) && (await both(theirs))).catch(async (error: Error) => {
          const texts = JSON.stringify(await Promise.all([editorText(mine), editorText(theirs)]));
          throw new Error(`both sentences in both browsers: ${texts} (${error.message})`);
        });

        // 4. A decision becomes a task with who and when: on the meeting, for both, and under Oppgaver.
        const decision = page.locator('.decision-form');
        await decision.getByLabel('Hva skal gjøres').fill('Bestille time hos ortoped');
        await decision.getByLabel('Hvem gjør det').selectOption({ label: 'Kari Nilsen' });
        // A deadline typed wrongly keeps the decision from being added without it.
        await typeAndLeave(decision.getByLabel('Frist'), '2.1');
        await decision.getByRole('button', { name: 'Legg til oppgaven' }).click();
        await expectText(decision, 'Skriv datoen som');
        expect(await decision.getByLabel('Hva skal gjøres').inputValue()).toBe('Bestille time hos ortoped');
        expect(await page.locator('.meeting-task', { hasText: 'Bestille time hos ortoped' }).count()).toBe(0);
        await decision.getByLabel('Frist').fill('');
        await typeAndLeave(decision.getByLabel('Frist'), due.nb);
        await decision.getByRole('button', { name: 'Legg til oppgaven' }).click();
        await expectText(
          decision.getByRole('status'),
          'Oppgaven «Bestille time hos ortoped» er lagt til, også under Oppgaver.',
        );
        expect(await decision.getByLabel('Hva skal gjøres').inputValue()).toBe('');
        for (const viewer of [page, school]) {
          const task = viewer.locator('.meeting-task', { hasText: 'Bestille time hos ortoped' });
          await expectText(task, 'Hvem: Kari Nilsen');
          await expectText(task, `Frist: ${due.nb}`);
        }
        await saveScreenshot(school, `meetings-mode-together-${device}`, { fullPage: false });
        await saveScreenshot(page, `meetings-mode-${device}`);
        await expectNoViolations(page, 'meeting mode');

        // The teacher starts on a decision of their own, and goes to Oppgaver before adding it.
        const meetingUrl = school.url();
        const schoolDecision = () => school.locator('.decision-form').getByLabel('Hva skal gjøres');
        await schoolDecision().fill('Ringe PPT om en sakkyndig vurdering');
        await school.getByRole('link', { name: 'Se alle oppgavene i planen' }).click();
        await school.waitForURL(`**/planer/${planId}/oppgaver`);
        // Under Oppgaver, from this meeting, with who and when.
        const taskCard = school.locator('li[data-task-id]', { hasText: 'Bestille time hos ortoped' });
        const taskFacts = taskCard.locator('.item-facts');
        await expectText(taskFacts, 'AnsvarligKari Nilsen');
        await expectText(taskFacts, `Frist${due.nb}`);
        await expectText(taskFacts, `Fra møte${heading}`);
        // Back on the meeting, what they typed is still there, and closing the page with it would make the browser ask.
        await school.goBack();
        await school.waitForURL(meetingUrl);
        await expect.poll(() => schoolDecision().inputValue()).toBe('Ringe PPT om en sakkyndig vurdering');
        const asksBeforeClosing = () =>
          school.evaluate(() => {
            const event = new Event('beforeunload', { cancelable: true });
            window.dispatchEvent(event);
            return event.defaultPrevented;
          });
        expect(await asksBeforeClosing()).toBe(true);
        await schoolDecision().fill('');
        expect(await asksBeforeClosing()).toBe(false);

        // 5. Marking it held names a version in the history, and offers the record.
        await page.getByRole('button', { name: 'Marker møtet som holdt' }).click();
        const held = page.locator('.mark-held--done');
        const versionName = `Ansvarsgruppemøte (${when.nb})`;
        await expectText(held.getByRole('status'), `lagret i historikken som «${versionName}»`, 30_000);
        await held.getByRole('link', { name: 'Se versjonen i historikken' }).waitFor({ timeout: 30_000 });
        await saveScreenshot(page, `meetings-held-${device}`, { fullPage: false });
        await page.goto(`/planer/${planId}/historikk`);
        const versions = page.getByRole('list', { name: 'Versjoner av planen' });
        const named = versions.locator('li.version', { hasText: versionName });
        await expectText(named, 'Møte holdt');
        await scrollToTop(named);
        await saveScreenshot(page, `meetings-history-${device}`, { fullPage: false });

        // 6. The record: everything, marked and headed like the plan's print, with no axe finding on screen or print.
        await page.goto(`/planer/${planId}/moter/${meetingId}`);
        await page.locator('.mark-held--done').getByRole('link', { name: 'Skriv ut referatet' }).click();
        await page.waitForURL(`**/planer/${planId}/moter/${meetingId}/referat`);
        await page.getByRole('heading', { level: 1, name: `Referat: ${heading}` }).waitFor();
        const record = page.locator('.print-plan');
        await expectText(record.locator('.print-plan__marking'), 'Unntatt offentlighet, jf. offl. § 13 og fvl. § 13');
        const recordFacts = record.locator('.print-facts');
        await expectText(recordFacts, 'kl. 13:30');
        await expectText(recordFacts, 'Solbakken skole, møterom 2');
        await expectText(recordFacts, 'InvitertKari Nilsen, Jonas Nilsen, Sofie Andersen, Lise Berg, Marte Olsen');
        await expectText(recordFacts, 'Til stedeKari Nilsen, Sofie Andersen, Marte Olsen');
        await expectText(recordFacts, 'Ikke til stedeJonas Nilsen, Lise Berg');
        await expectText(recordFacts, 'Holdt');
        await expectText(record, 'https://meet.example.no/emma-nilsen');
        await expectText(record, 'Avtale samtale for Henrik');
        await expectText(record, 'Emma går til kantina uten pause.');
        await expectText(record, 'Skolen: trappetrening starter i januar.');
        const taskRow = record.locator('tr', { hasText: 'Bestille time hos ortoped' });
        await expectText(taskRow, 'Kari Nilsen');
        await expectText(taskRow, due.nb);
        const pageStyle = await page.locator('.print-page > style').textContent();
        expect(pageStyle).toContain('@top-left { content: "Individuell plan for Emma Nilsen"');
        expect(pageStyle).toContain('Unntatt offentlighet');
        expect(pageStyle).toContain('counter(pages)');
        await saveScreenshot(page, `meetings-record-${device}`);
        await expectNoViolations(page, 'record');
        await page.emulateMedia({ media: 'print' });
        await expectNoViolations(page, 'record as printed');
        await saveScreenshot(page, `meetings-record-print-${device}`, { fullPage: false });
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        await page.emulateMedia({ media: 'screen' });

        // The plan's own print lists the meeting first, with its time, place and who came.
        await page.goto(`/planer/${planId}/utskrift`);
        const printed = page.locator('.print-item', { has: page.locator('h3', { hasText: heading }) });
        await expectText(printed, 'kl. 13:30');
        await expectText(printed, 'Solbakken skole, møterom 2');
        await expectText(printed, 'Til stedeKari Nilsen, Sofie Andersen, Marte Olsen');
        const meetingHeadings = await page
          .locator('.print-section', { has: page.locator('h2', { hasText: /^Møter$/ }) })
          .locator('h3')
          .allTextContents();
        expect(meetingHeadings.map((h) => h.trim())).toEqual([
          heading,
          'Ansvarsgruppemøte 03.12.2026',
          'Ansvarsgruppemøte 10.09.2026',
        ]);

        // 7. A reader sees the record in the meeting, and nothing to change.
        const reader = hanne.page;
        await reader.goto(`/planer/${planId}/moter/${meetingId}`);
        await reader.getByRole('heading', { level: 1, name: heading }).waitFor();
        await expectText(reader.locator('.meeting-record'), 'Emma går til kantina uten pause.');
        await expectText(reader.locator('.meeting-record'), 'Bestille time hos ortoped');
        for (const control of ['Marker møtet som holdt', 'Legg til oppgaven', 'Legg sakene inn i sakslisten']) {
          expect(await reader.getByRole('button', { name: control }).count(), control).toBe(0);
        }
        expect(await reader.locator('input[type="checkbox"]:not([disabled]), [contenteditable="true"]').count()).toBe(
          0,
        );
        await saveScreenshot(reader, `meetings-reader-${device}`, { fullPage: false });
        await expectNoViolations(reader, 'meeting for a reader');

        for (const one of people) expect(one.errors, one.user.name).toEqual([]);
      } finally {
        for (const one of people) await one.context.close();
      }
    });
  }
});
