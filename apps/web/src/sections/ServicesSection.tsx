import { useState } from 'react';
import { useProgressiveCount } from '../hooks/useProgressiveCount.ts';
import { nb } from '../i18n/index.ts';
import { AddButton } from '../items/AddButton.tsx';
import { useItemIds } from '../planDoc/planHooks.ts';
import { SectionHeading } from '../items/SectionHeading.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { ServiceCard } from './ServiceCard.tsx';

export function ServicesSection() {
  const actions = usePlanActions();
  const ids = useItemIds('services');
  const shownCount = useProgressiveCount(ids.length);
  const [focusId, setFocusId] = useState<string | null>(null);
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="tjenester">
        <AddButton label={nb.services.add} onClick={() => setFocusId(actions.add('services', {}))} />
      </SectionHeading>
      {ids.length === 0 ? (
        <p className="card empty-state">{nb.services.empty}</p>
      ) : (
        <ol className="item-list" aria-label={nb.services.list}>
          {ids.slice(0, shownCount).map((id) => (
            <ServiceCard key={id} id={id} siblings={ids} autoFocus={focusId === id} />
          ))}
        </ol>
      )}
    </section>
  );
}
