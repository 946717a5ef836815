import { getCollection, listItemIds, richTextToJSON, richTextToPlain } from '@samplan/plan-model';
import * as Y from 'yjs';
import { jsonEqual, useYValue } from '../hooks/useYValue.ts';
import { usePlan } from './PlanContext.tsx';

export interface Milestone {
  id: string;
  date: string | null;
  targetType: 'goal' | 'measure';
  targetId: string | null;
  achievement: 'ikke_naadd' | 'delvis_naadd' | 'naadd' | null;
  note: string;
  author: string;
}

const EXCERPT = 160;

/** Every evaluation as a milestone (date order, undated last), for goals' timelines. */
export function useMilestones(): Milestone[] {
  const { doc } = usePlan().connection;
  const evaluations = getCollection(doc, 'evaluations');
  return useYValue(
    evaluations,
    () =>
      listItemIds(doc, 'evaluations')
        .map((id): Milestone => {
          const item = evaluations.get(id);
          const note = item?.get('note');
          const plain = note instanceof Y.XmlFragment ? richTextToPlain(richTextToJSON(note)) : '';
          const date = item?.get('date');
          const achievement = item?.get('achievement');
          const targetId = item?.get('targetId');
          const author = item?.get('author');
          return {
            id,
            date: typeof date === 'string' ? date : null,
            targetType: item?.get('targetType') === 'measure' ? 'measure' : 'goal',
            targetId: typeof targetId === 'string' ? targetId : null,
            achievement:
              achievement === 'naadd' || achievement === 'delvis_naadd' || achievement === 'ikke_naadd'
                ? achievement
                : null,
            note: plain.length > EXCERPT ? `${plain.slice(0, EXCERPT).trimEnd()} …` : plain,
            author: author instanceof Y.Text ? author.toString() : '',
          };
        })
        .sort((a, b) =>
          (a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : 0,
        ),
    [],
    { deep: true, equals: jsonEqual },
  );
}

/** How many measures are linked to each goal. */
export function useMeasureCountByGoal(): Map<string, number> {
  const { doc } = usePlan().connection;
  const measures = getCollection(doc, 'measures');
  const counts = useYValue(
    measures,
    () => {
      const result: Record<string, number> = {};
      for (const item of measures.values()) {
        const goalIds = item.get('goalIds');
        if (!(goalIds instanceof Y.Map)) continue;
        for (const [goalId, on] of goalIds.entries()) if (on === true) result[goalId] = (result[goalId] ?? 0) + 1;
      }
      return result;
    },
    [],
    { deep: true, equals: jsonEqual },
  );
  return new Map(Object.entries(counts));
}
