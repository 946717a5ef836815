import { nb } from '../i18n/index.ts';
import { ItemListSection } from '../items/ItemListSection.tsx';
import { useOpenNewItem } from '../items/OpenItem.tsx';
import { useItemIds } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { ServiceCard } from './ServiceCard.tsx';

export function ServicesSection() {
  const actions = usePlanActions();
  const openNew = useOpenNewItem();
  const ids = useItemIds('services');
  return (
    <ItemListSection
      section="tjenester"
      add={{ label: nb.services.add, onAdd: () => openNew('services', actions.add('services', {})) }}
      ids={ids}
      listLabel={nb.services.list}
      empty={nb.services.empty}
      renderItem={(id) => <ServiceCard key={id} id={id} siblings={ids} />}
    />
  );
}
