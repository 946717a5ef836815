import * as Y from 'yjs';
import { YTextInput } from '../fields/YTextInput.tsx';
import { nb } from '../i18n/index.ts';
import { ItemActions } from '../items/ItemActions.tsx';
import { useItemMap, useItemText, useItemType } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

export function CooperationCard({
  id,
  siblings,
  autoFocus,
}: {
  id: string;
  siblings: readonly string[];
  autoFocus: boolean;
}) {
  const actions = usePlanActions();
  const item = useItemMap('cooperation', id);
  const nameText = useItemText(item, 'name');
  const name = useItemType(item, 'name', Y.Text);
  const purpose = useItemType(item, 'purpose', Y.Text);
  const contact = useItemType(item, 'contact', Y.Text);
  if (!item) return null;
  const heading = nameText.trim() || nb.plan.untitled;
  const headingId = `cooperation-${id}`;
  const index = siblings.indexOf(id);
  return (
    <li>
      <article className="item-card" aria-labelledby={headingId}>
        <header className="item-card__header">
          <h3 id={headingId} className="item-card__title">
            {heading}
          </h3>
          <ItemActions
            name={heading}
            removeLabel={nb.cooperation.removeLabel(heading)}
            canMoveUp={index > 0}
            canMoveDown={index >= 0 && index < siblings.length - 1}
            onMove={(direction) => actions.move('cooperation', id, siblings, direction)}
            removes={{ collection: 'cooperation', id, what: nb.cooperation.deletedWhat }}
          />
        </header>
        <YTextInput text={name} label={nb.cooperation.name} autoFocus={autoFocus} />
        <YTextInput text={purpose} label={nb.cooperation.purpose} multiline />
        <YTextInput text={contact} label={nb.common.contact} />
      </article>
    </li>
  );
}
