import { describe, expect, it } from 'vitest';
import { nbCaseload } from '../src/i18n/index.ts';

describe('the caseload names what needs attention', () => {
  it('says a meeting whose day has passed is not marked held, and does not call it overdue', () => {
    const item = {
      kind: 'meetingNotMarked',
      meetingId: 'm1',
      title: 'Ansvarsgruppemøte',
      date: '2026-12-03',
      days: 4,
    } as const;
    expect(nbCaseload.item(item)).toBe('Møtet «Ansvarsgruppemøte» 03.12.2026 er ikke merket som holdt');
    expect(nbCaseload.isOverdue(item)).toBe(false);
  });
});
