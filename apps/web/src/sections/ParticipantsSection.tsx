import { useState } from 'react';
import { SelectField } from '../fields/SelectField.tsx';
import { useProgressiveCount } from '../hooks/useProgressiveCount.ts';
import { nb } from '../i18n/index.ts';
import { AddButton } from '../items/AddButton.tsx';
import { useParticipantOptions } from '../fields/optionHooks.ts';
import { useItemIds, useMetaValue } from '../planDoc/planHooks.ts';
import { SectionHeading } from '../items/SectionHeading.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { ParticipantCard } from './ParticipantCard.tsx';

export function ParticipantsSection() {
  const actions = usePlanActions();
  const ids = useItemIds('participants');
  const shownCount = useProgressiveCount(ids.length);
  const options = useParticipantOptions();
  const coordinatorId = useMetaValue<string>('coordinatorId');
  const validCoordinator = coordinatorId && ids.includes(coordinatorId) ? coordinatorId : null;
  const [focusId, setFocusId] = useState<string | null>(null);
  const add = (): void => setFocusId(actions.add('participants', {}));
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="deltakere">
        <AddButton label={nb.participants.add} onClick={add} />
      </SectionHeading>
      <div className="card">
        <SelectField
          label={nb.participants.coordinator}
          hint={nb.participants.coordinatorHint}
          value={validCoordinator}
          options={options}
          emptyLabel={nb.common.chooseNone}
          onChange={(value) => actions.updateMeta({ coordinatorId: value })}
        />
      </div>
      {ids.length === 0 ? (
        <p className="card empty-state">{nb.participants.empty}</p>
      ) : (
        <ol className="item-list" aria-label={nb.participants.list}>
          {ids.slice(0, shownCount).map((id) => (
            <ParticipantCard
              key={id}
              id={id}
              siblings={ids}
              isCoordinator={id === validCoordinator}
              autoFocus={focusId === id}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
