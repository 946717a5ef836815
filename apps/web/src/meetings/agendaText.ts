import type { MeetingAgenda, PlanJSON, RichTextDoc, RichTextNode } from '@samplan/plan-model';
import { formatDate, nb } from '../i18n/index.ts';
import { nbMeetings as t } from '../i18n/meetings.ts';
import { goalNumbers } from '../print/goalNumbers.ts';

/** One heading of the agenda the plan suggests, and its points as sentences. */
export interface AgendaGroup {
  key: 'goals' | 'tasks' | 'measures' | 'revision';
  title: string;
  items: Array<{ id: string; text: string; urgent: boolean }>;
}

/** "Hovedmål 1", "Delmål 1.2": the goals named as the plan shows them. */
function goalLabels(plan: Pick<PlanJSON, 'goals'>): Map<string, string> {
  return new Map(
    [...goalNumbers(plan)].map(([id, number]) => [
      id,
      number.includes('.') ? nb.goals.subGoalNumber(number) : nb.goals.mainGoalNumber(Number(number)),
    ]),
  );
}

/**
 * The agenda as the meeting reads it: what the plan asks for, in words, grouped. The same sentences are shown in
 * the meeting and written into its saksliste, so what is put in is what was seen.
 */
export function agendaGroups(agenda: MeetingAgenda, plan: Pick<PlanJSON, 'goals' | 'participants'>): AgendaGroup[] {
  const numbers = goalLabels(plan);
  const names = new Map(plan.participants.map((p) => [p.id, p.name.trim() || nb.participants.unnamed]));
  const title = (text: string): string => `«${text.trim() || nb.plan.untitled}»`;
  const groups: AgendaGroup[] = [];
  if (agenda.goals.length > 0) {
    groups.push({
      key: 'goals',
      title: t.agendaGoals,
      items: agenda.goals.map((goal) => ({
        id: goal.goalId,
        urgent: goal.overdue,
        text: `${numbers.get(goal.goalId) ?? nb.goals.mainGoal}: ${title(goal.title)}, ${
          goal.overdue ? t.evaluationOverdue(formatDate(goal.dueDate)) : t.evaluationDue(formatDate(goal.dueDate))
        }`,
      })),
    });
  }
  if (agenda.tasks.length > 0) {
    groups.push({
      key: 'tasks',
      title: t.agendaTasks,
      items: agenda.tasks.map((task) => {
        const who = task.responsibleId ? names.get(task.responsibleId) : undefined;
        const when = !task.dueDate
          ? t.taskNoDate
          : task.overdue
            ? t.taskOverdue(formatDate(task.dueDate))
            : t.taskDue(formatDate(task.dueDate));
        return {
          id: task.taskId,
          urgent: task.overdue,
          text: [title(task.title), who ? t.responsibleShort(who) : null, when].filter(Boolean).join(', '),
        };
      }),
    });
  }
  if (agenda.measures.length > 0) {
    groups.push({
      key: 'measures',
      title: t.agendaMeasures,
      items: agenda.measures.map((measure) => ({
        id: measure.measureId,
        urgent: measure.ended,
        text: `${title(measure.title)}, ${
          measure.ended ? t.measureEnded(formatDate(measure.periodEnd)) : t.measureEnds(formatDate(measure.periodEnd))
        }`,
      })),
    });
  }
  if (agenda.revision) {
    const date = formatDate(agenda.revision.date);
    groups.push({
      key: 'revision',
      title: t.agendaRevision,
      items: [
        {
          id: 'revision',
          urgent: agenda.revision.passed,
          text: agenda.revision.passed ? t.revisionPassed(date) : t.revisionDue(date),
        },
      ],
    });
  }
  return groups;
}

const boldParagraph = (text: string): RichTextNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text, marks: [{ type: 'bold' }] }],
});
const listItem = (text: string): RichTextNode => ({
  type: 'listItem',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** The agenda groups as rich text for the saksliste: a bold line per heading, a bullet per point. */
export function agendaRichText(groups: readonly AgendaGroup[]): RichTextDoc {
  return {
    type: 'doc',
    content: [
      boldParagraph(t.agendaFromPlan),
      ...groups.flatMap((group) => [
        boldParagraph(group.title),
        { type: 'bulletList', content: group.items.map((item) => listItem(item.text)) },
      ]),
    ],
  };
}
