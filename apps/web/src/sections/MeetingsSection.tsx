import { useParticipantOptions } from '../fields/optionHooks.ts';
import { nb } from '../i18n/index.ts';
import { ItemListSection } from '../items/ItemListSection.tsx';
import { useOpenNewItem } from '../items/OpenItem.tsx';
import { useItemIds } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { MeetingCard } from './MeetingCard.tsx';

export function MeetingsSection() {
  const actions = usePlanActions();
  const openNew = useOpenNewItem();
  const ids = useItemIds('meetings');
  const participants = useParticipantOptions();
  return (
    <ItemListSection
      section="moter"
      add={{
        label: nb.meetings.add,
        onAdd: () => openNew('meetings', actions.add('meetings', { title: nb.meetings.titleDefault })),
      }}
      ids={ids}
      listLabel={nb.meetings.list}
      empty={nb.meetings.empty}
      renderItem={(id) => <MeetingCard key={id} id={id} siblings={ids} participants={participants} />}
    />
  );
}
