import { getPlanRichText } from '@samplan/plan-model';
import { RichTextField } from '../editor/RichTextField.tsx';
import { nb } from '../i18n/index.ts';
import { ItemListSection } from '../items/ItemListSection.tsx';
import { useOpenNewItem } from '../items/OpenItem.tsx';
import { useItemIds } from '../planDoc/planHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { CooperationCard } from './CooperationCard.tsx';

export function CooperationSection() {
  const { doc } = usePlan().connection;
  const actions = usePlanActions();
  const openNew = useOpenNewItem();
  const ids = useItemIds('cooperation');
  return (
    <ItemListSection
      section="samarbeid"
      add={{ label: nb.cooperation.add, onAdd: () => openNew('cooperation', actions.add('cooperation', {})) }}
      ids={ids}
      listLabel={nb.cooperation.list}
      empty={nb.cooperation.empty}
      renderItem={(id) => <CooperationCard key={id} id={id} siblings={ids} />}
      footer={
        <div className="card">
          <RichTextField fragment={getPlanRichText(doc, 'cooperation.notes')} label={nb.cooperation.notes} />
        </div>
      }
    />
  );
}
