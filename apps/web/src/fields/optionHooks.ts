import { getCollection, listItemIds } from '@samplan/plan-model';
import * as Y from 'yjs';
import type { SelectOption } from './SelectField.tsx';
import { jsonEqual, useYValue } from '../hooks/useYValue.ts';
import { formatDate, nb } from '../i18n/index.ts';
import { goalTree } from '../planDoc/planHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

const textOf = (value: unknown): string => (value instanceof Y.Text ? value.toString() : '');

export interface GoalOption extends SelectOption {
  /** '1' for a hovedmål, '1.2' for a delmål. */
  number: string;
  isSub: boolean;
  title: string;
  status: string;
}

/** Every goal with its number ("1", "1.2") and title, in display order. */
export function useGoalOptions(): GoalOption[] {
  const { doc } = usePlan().connection;
  const goals = getCollection(doc, 'goals');
  return useYValue(
    goals,
    () => {
      let main = 0;
      let sub = 0;
      return goalTree(doc).map(({ id, parentId }) => {
        const item = goals.get(id);
        const title = textOf(item?.get('title')).trim();
        const status = String(item?.get('status') ?? 'ikke_startet');
        if (parentId === null) {
          main += 1;
          sub = 0;
        } else {
          sub += 1;
        }
        const number = parentId === null ? String(main) : `${main}.${sub}`;
        const kind = parentId === null ? nb.goals.mainGoal : nb.goals.subGoal;
        return {
          value: id,
          number,
          isSub: parentId !== null,
          title,
          status,
          label: `${kind} ${number}: ${title || nb.plan.untitled}`,
        };
      });
    },
    [],
    { deep: true, equals: jsonEqual },
  );
}

/** Options named by a text field of each item, in display order. */
function useNamedOptions(collection: 'participants' | 'measures', field: string, fallback: string): SelectOption[] {
  const { doc } = usePlan().connection;
  const items = getCollection(doc, collection);
  return useYValue(
    items,
    () =>
      listItemIds(doc, collection).map((id) => ({
        value: id,
        label: textOf(items.get(id)?.get(field)).trim() || fallback,
      })),
    [collection, field, fallback],
    { deep: true, equals: jsonEqual },
  );
}

export function useParticipantOptions(): SelectOption[] {
  return useNamedOptions('participants', 'name', nb.participants.unnamed);
}

export function useMeasureOptions(): SelectOption[] {
  return useNamedOptions('measures', 'title', nb.plan.untitled);
}

/** Meetings named by title and date, since most are called "Ansvarsgruppemøte". */
export function useMeetingOptions(): SelectOption[] {
  const { doc } = usePlan().connection;
  const items = getCollection(doc, 'meetings');
  return useYValue(
    items,
    () =>
      listItemIds(doc, 'meetings').map((id) => {
        const item = items.get(id);
        const date = item?.get('date');
        const title = textOf(item?.get('title')).trim() || nb.meetings.titleDefault;
        return { value: id, label: typeof date === 'string' ? `${title} ${formatDate(date)}` : title };
      }),
    [],
    { deep: true, equals: jsonEqual },
  );
}

/** Options for a closed value set, labelled from i18n. */
export function enumOptions<V extends string>(values: readonly V[], labels: Record<V, string>): SelectOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** The label of the option with this value, or null (none chosen, or an option no longer there). */
export const optionLabel = (options: readonly SelectOption[], value: string | null): string | null =>
  value === null ? null : (options.find((option) => option.value === value)?.label ?? null);
