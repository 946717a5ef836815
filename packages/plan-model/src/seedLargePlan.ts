import type * as Y from 'yjs';
import { addItem } from './addItem.ts';
import { createPlanStructure } from './createPlanStructure.ts';
import { getPlanRichText } from './documentLayout.ts';
import { GOAL_STATUSES, MEASURE_STATUSES, PARTICIPANT_ROLES } from './enums.ts';
import { mulberry32 } from './mulberry32.ts';
import { bulletList, paragraph, richDoc } from './richTextBuilders.ts';
import { writeRichText } from './writeRichText.ts';

export interface LargePlanOptions {
  /** @default 100 */
  goals?: number;
  /** @default 200 */
  measures?: number;
  /** @default 40 */
  meetings?: number;
  /** PRNG seed; the same seed gives the same content (ids stay random). @default 1 */
  seed?: number;
}

const WORDS = (
  'barnet familien skolen trening hjelpemidler avlastning mål tiltak oppfølging samarbeid møte plan ' +
  'fysioterapi assistent hverdag venner svømming musikk lesing skriving forflytning rutiner trygghet ' +
  'mestring deltakelse kommunen tjenesten helsestasjonen barnehagen fritid'
).split(' ');

// A big, realistic-shaped plan for benchmarks: every fourth goal a hovedmål, the rest its delmål.
export function seedLargePlan(doc: Y.Doc, options: LargePlanOptions = {}): void {
  const { goals = 100, measures = 200, meetings = 40, seed = 1 } = options;
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = (words: number): string => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const date = (year: number): string =>
    `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;

  doc.transact(() => {
    createPlanStructure(doc, { title: 'Stor testplan', childName: 'Testbarn', createdAt: '2026-01-01T00:00:00.000Z' });
    writeRichText(getPlanRichText(doc, 'about.child'), richDoc(paragraph(sentence(40)), paragraph(sentence(40))));
    writeRichText(getPlanRichText(doc, 'about.needs'), richDoc(bulletList([sentence(8), sentence(8), sentence(8)])));

    const participantIds = Array.from({ length: 8 }, (_, i) =>
      addItem(doc, 'participants', {
        name: `Deltaker ${i + 1}`,
        role: PARTICIPANT_ROLES[i % PARTICIPANT_ROLES.length],
        organisation: sentence(3),
        contribution: richDoc(paragraph(sentence(15))),
      }),
    );

    const goalIds: string[] = [];
    let parentId: string | null = null;
    for (let i = 0; i < goals; i++) {
      const id: string = addItem(doc, 'goals', {
        title: sentence(8),
        parentId: i % 4 === 0 ? null : parentId,
        description: richDoc(paragraph(sentence(30)), paragraph(sentence(20))),
        expressedBy: sentence(2),
        targetDate: date(2027),
        status: pick(GOAL_STATUSES),
      });
      if (i % 4 === 0) parentId = id;
      goalIds.push(id);
    }

    const measureIds: string[] = [];
    for (let i = 0; i < measures; i++) {
      const linked =
        goalIds.length > 0 ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(goalIds)) : [];
      measureIds.push(
        addItem(doc, 'measures', {
          title: sentence(5),
          goalIds: linked,
          scope: sentence(4),
          responsible: sentence(3),
          responsibleId: pick(participantIds),
          periodStart: date(2026),
          periodEnd: date(2027),
          status: pick(MEASURE_STATUSES),
          implementation: richDoc(paragraph(sentence(40)), bulletList([sentence(6), sentence(6)])),
        }),
      );
    }

    for (let i = 0; i < Math.ceil(goals / 2); i++) {
      const onGoal = measureIds.length === 0 || random() < 0.7;
      addItem(doc, 'evaluations', {
        date: date(2026),
        targetType: onGoal ? 'goal' : 'measure',
        targetId: onGoal ? (goalIds.length > 0 ? pick(goalIds) : null) : pick(measureIds),
        note: richDoc(paragraph(sentence(25))),
        achievement: pick(['ikke_naadd', 'delvis_naadd', 'naadd'] as const),
        author: pick(['Koordinator', 'Fysioterapeut', 'Kontaktlærer']),
      });
    }

    for (let i = 0; i < meetings; i++) {
      const meetingId = addItem(doc, 'meetings', {
        date: date(2026),
        title: `Ansvarsgruppemøte ${i + 1}`,
        status: random() < 0.5 ? 'gjennomfort' : 'planlagt',
        participantIds: participantIds.filter(() => random() < 0.6),
        agenda: richDoc(bulletList([sentence(5), sentence(5), sentence(5), sentence(5)])),
        minutes: richDoc(...Array.from({ length: 5 }, () => paragraph(sentence(30)))),
      });
      for (let t = 0; t < 2; t++) {
        addItem(doc, 'tasks', {
          title: sentence(6),
          responsibleId: pick(participantIds),
          dueDate: date(2026),
          done: random() < 0.5,
          meetingId,
        });
      }
    }

    for (let i = 0; i < 5; i++) addItem(doc, 'cooperation', { name: sentence(2), purpose: sentence(6) });
    for (let i = 0; i < 10; i++) addItem(doc, 'services', { name: sentence(3), note: sentence(8) });
  });
}
