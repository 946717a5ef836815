import { getPlanRichText } from '@samplan/plan-model';
import { useState } from 'react';
import { RichTextField } from '../editor/RichTextField.tsx';
import { useProgressiveCount } from '../hooks/useProgressiveCount.ts';
import { nb } from '../i18n/index.ts';
import { AddButton } from '../items/AddButton.tsx';
import { useItemIds } from '../planDoc/planHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { SectionHeading } from '../items/SectionHeading.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { CooperationCard } from './CooperationCard.tsx';

export function CooperationSection() {
  const { doc } = usePlan().connection;
  const actions = usePlanActions();
  const ids = useItemIds('cooperation');
  const shownCount = useProgressiveCount(ids.length);
  const [focusId, setFocusId] = useState<string | null>(null);
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="samarbeid">
        <AddButton label={nb.cooperation.add} onClick={() => setFocusId(actions.add('cooperation', {}))} />
      </SectionHeading>
      {ids.length === 0 ? (
        <p className="card empty-state">{nb.cooperation.empty}</p>
      ) : (
        <ol className="item-list" aria-label={nb.cooperation.list}>
          {ids.slice(0, shownCount).map((id) => (
            <CooperationCard key={id} id={id} siblings={ids} autoFocus={focusId === id} />
          ))}
        </ol>
      )}
      <div className="card">
        <RichTextField fragment={getPlanRichText(doc, 'cooperation.notes')} label={nb.cooperation.notes} />
      </div>
    </section>
  );
}
