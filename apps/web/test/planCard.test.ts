import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PlanSummary } from '@samplan/api';
import type { AttentionItem } from '@samplan/plan-model';
import { PlanCard } from '../src/pages/PlanCard.tsx';
import { attentionOrder, lockedText } from '../src/pages/planCardItems.ts';

const overdue = (title: string): AttentionItem => ({ kind: 'taskOverdue', title, days: 3 }) as AttentionItem;
const items: AttentionItem[] = [
  overdue('Avtale samtale'),
  overdue('Søke om støttekontakt'),
  overdue('Lage ukeplan'),
  overdue('Ringe skolen'),
  { kind: 'consentWaiting', count: 1 },
];

const openPlan = (role: PlanSummary['role'], attention: AttentionItem[]): PlanSummary =>
  ({
    id: 'p1',
    title: 'Individuell plan for Emma',
    childName: 'Emma Nilsen',
    createdAt: '2026-12-07T10:00:00.000Z',
    role,
    access: 'apen',
    progress: { goalsTotal: 0, goalsReached: 0, nextRevision: null, nextMeeting: null, openTasks: 0 },
    attention,
    urgency: 1,
    lastChange: null,
  }) as unknown as PlanSummary;

const lockedPlan = (familyConsent?: string): PlanSummary =>
  ({
    id: 'p1',
    title: 'Individuell plan for Emma',
    childName: null,
    createdAt: '2026-12-07T10:00:00.000Z',
    role: 'koordinator',
    access: 'venter-samtykke',
    progress: null,
    ...(familyConsent ? { familyConsent } : {}),
  }) as PlanSummary;

describe('a plan card in Mine planer', () => {
  it("puts someone waiting for the family's consent first for the family, who alone can give it", () => {
    expect(attentionOrder(items, 'foresatt')[0]).toEqual({ kind: 'consentWaiting', count: 1 });
    expect(attentionOrder(items, 'foresatt').slice(1)).toEqual(items.slice(0, 4));
    // The koordinator's card keeps the server's order, most pressing first.
    expect(attentionOrder(items, 'koordinator')).toEqual(items);
  });

  it('names the consent request among the first four for a parent, and opens the rest with a button', () => {
    const html = renderToStaticMarkup(createElement(PlanCard, { plan: openPlan('foresatt', items) }));
    expect(html).toContain('1 deltaker venter på samtykke fra familien');
    expect(html).not.toContain('Ringe skolen');
    expect(html).toMatch(
      /<button type="button" class="link-button attention__more-button" aria-expanded="false"[^>]*>og 1 ting til</,
    );
  });

  it('tells a member shut out whether the family has not answered yet, or answered without them', () => {
    expect(lockedText(lockedPlan()).badge).toBe('Venter på samtykke fra familien');
    expect(lockedText(lockedPlan('venter')).badge).toBe('Venter på samtykke fra familien');
    expect(lockedText(lockedPlan('gitt'))).toEqual({
      badge: 'Familien har ikke delt planen med deg',
      hint: expect.stringContaining('Be familien om å gi deg tilgang under «Deltakere og tilgang»'),
    });
    expect(lockedText(lockedPlan('trukket')).badge).toBe('Familien har trukket tilbake samtykket til planen');
    const html = renderToStaticMarkup(createElement(PlanCard, { plan: lockedPlan('gitt') }));
    expect(html).toContain('Familien har ikke delt planen med deg');
    expect(html).not.toContain('Venter på samtykke');
  });
});
