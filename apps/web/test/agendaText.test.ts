import { getSchema } from '@tiptap/core';
import { meetingAgenda, planToJSON, richTextToPlain, seedDemoPlan } from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { richTextStarterKit } from '../src/editor/richTextStarterKit.ts';
import { agendaGroups, agendaRichText } from '../src/meetings/agendaText.ts';

describe('the agenda the plan suggests, in words', () => {
  const doc = new Y.Doc();
  seedDemoPlan(doc);
  const plan = planToJSON(doc);
  const meeting = plan.meetings.find((m) => m.status === 'planlagt')!;
  const groups = agendaGroups(meetingAgenda(plan, meeting.id, '2026-12-07'), plan);

  it('names goals by their number, tasks with who and when, measures with their end', () => {
    expect(groups.map((g) => g.title)).toEqual(['Mål som skal evalueres', 'Åpne oppgaver', 'Tiltak som slutter']);
    expect(groups[0]!.items.map((i) => i.text)).toEqual([
      'Hovedmål 1: «Emma skal kunne gå selv med rollator i hele skolebygget innen sommeren 2027.», skulle vært evaluert 01.12.2026',
      'Delmål 1.2: «Gå i trapp med støtte fra én voksen.», skulle vært evaluert 01.12.2026',
      'Hovedmål 3: «Jeg vil svømme 25 meter alene.», skulle vært evaluert 01.12.2026',
    ]);
    expect(groups[1]!.items).toEqual([
      expect.objectContaining({
        text: '«Avtale samtale for Henrik», ansvarlig: Sofie Andersen, på overtid, frist var 15.11.2026',
        urgent: true,
      }),
    ]);
    expect(groups[2]!.items[0]!.text).toBe('«Tilpasset rollator og ramper på skolen», slutter 15.12.2026');
  });

  it('writes rich text the editor can hold, saying what was shown', () => {
    const content = agendaRichText(groups);
    const schema = getSchema([richTextStarterKit()]);
    expect(() => schema.nodeFromJSON(content).check()).not.toThrow();
    const text = richTextToPlain(content);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Fra planen:',
      'Mål som skal evalueres',
      '- Hovedmål 1: «Emma skal kunne gå selv med rollator i hele skolebygget innen sommeren 2027.», skulle vært evaluert 01.12.2026',
    ]);
    for (const item of groups.flatMap((g) => g.items)) expect(text).toContain(item.text);
  });
});
