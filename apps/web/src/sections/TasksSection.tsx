import { useMeetingOptions, useParticipantOptions } from '../fields/optionHooks.ts';
import { nb } from '../i18n/index.ts';
import { ItemListSection } from '../items/ItemListSection.tsx';
import { useOpenNewItem } from '../items/OpenItem.tsx';
import { useItemIds } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { TaskRow } from './TaskRow.tsx';

export function TasksSection() {
  const actions = usePlanActions();
  const openNew = useOpenNewItem();
  const ids = useItemIds('tasks');
  const participants = useParticipantOptions();
  const meetings = useMeetingOptions();
  return (
    <ItemListSection
      section="oppgaver"
      add={{ label: nb.tasks.add, onAdd: () => openNew('tasks', actions.add('tasks', {})) }}
      ids={ids}
      listLabel={nb.tasks.list}
      empty={nb.tasks.empty}
      renderItem={(id, i) => (
        <TaskRow key={id} id={id} number={i + 1} siblings={ids} participants={participants} meetings={meetings} />
      )}
    />
  );
}
