import { useParticipantOptions } from '../fields/optionHooks.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { nb } from '../i18n/index.ts';
import { ItemListSection } from '../items/ItemListSection.tsx';
import { useOpenNewItem } from '../items/OpenItem.tsx';
import { useItemIds, useMetaValue } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { ParticipantCard } from './ParticipantCard.tsx';

export function ParticipantsSection() {
  const actions = usePlanActions();
  const openNew = useOpenNewItem();
  const ids = useItemIds('participants');
  const options = useParticipantOptions();
  const coordinatorId = useMetaValue<string>('coordinatorId');
  const validCoordinator = coordinatorId && ids.includes(coordinatorId) ? coordinatorId : null;
  return (
    <ItemListSection
      section="deltakere"
      add={{ label: nb.participants.add, onAdd: () => openNew('participants', actions.add('participants', {})) }}
      ids={ids}
      listLabel={nb.participants.list}
      empty={nb.participants.empty}
      tools={
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
      }
      renderItem={(id) => <ParticipantCard key={id} id={id} siblings={ids} isCoordinator={id === validCoordinator} />}
    />
  );
}
