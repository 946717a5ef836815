import { useState } from 'react';
import { useProgressiveCount } from '../hooks/useProgressiveCount.ts';
import { nb } from '../i18n/index.ts';
import { AddButton } from '../items/AddButton.tsx';
import { useMeetingOptions, useParticipantOptions } from '../fields/optionHooks.ts';
import { useItemIds } from '../planDoc/planHooks.ts';
import { SectionHeading } from '../items/SectionHeading.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { TaskRow } from './TaskRow.tsx';

export function TasksSection() {
  const actions = usePlanActions();
  const ids = useItemIds('tasks');
  const shownCount = useProgressiveCount(ids.length);
  const participants = useParticipantOptions();
  const meetings = useMeetingOptions();
  const [focusId, setFocusId] = useState<string | null>(null);
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="oppgaver">
        <AddButton label={nb.tasks.add} onClick={() => setFocusId(actions.add('tasks', {}))} />
      </SectionHeading>
      {ids.length === 0 ? (
        <p className="card empty-state">{nb.tasks.empty}</p>
      ) : (
        <ol className="item-list" aria-label={nb.tasks.list}>
          {ids.slice(0, shownCount).map((id, i) => (
            <TaskRow
              key={id}
              id={id}
              number={i + 1}
              siblings={ids}
              participants={participants}
              meetings={meetings}
              autoFocus={focusId === id}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
