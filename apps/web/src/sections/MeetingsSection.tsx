import { useState } from 'react';
import { useProgressiveCount } from '../hooks/useProgressiveCount.ts';
import { nb } from '../i18n/index.ts';
import { AddButton } from '../items/AddButton.tsx';
import { useParticipantOptions } from '../fields/optionHooks.ts';
import { useItemIds } from '../planDoc/planHooks.ts';
import { SectionHeading } from '../items/SectionHeading.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { MeetingCard } from './MeetingCard.tsx';

export function MeetingsSection() {
  const actions = usePlanActions();
  const ids = useItemIds('meetings');
  const shownCount = useProgressiveCount(ids.length);
  const participants = useParticipantOptions();
  const [focusId, setFocusId] = useState<string | null>(null);
  const add = (): void => setFocusId(actions.add('meetings', { title: nb.meetings.titleDefault }));
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="moter">
        <AddButton label={nb.meetings.add} onClick={add} />
      </SectionHeading>
      {ids.length === 0 ? (
        <p className="card empty-state">{nb.meetings.empty}</p>
      ) : (
        <ol className="item-list" aria-label={nb.meetings.list}>
          {ids.slice(0, shownCount).map((id) => (
            <MeetingCard key={id} id={id} siblings={ids} participants={participants} autoFocus={focusId === id} />
          ))}
        </ol>
      )}
    </section>
  );
}
