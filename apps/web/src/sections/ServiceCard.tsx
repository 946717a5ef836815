import { SERVICE_KINDS, SERVICE_STATUSES, type ServiceKind, type ServiceStatus } from '@samplan/plan-model';
import * as Y from 'yjs';
import { DateField } from '../fields/DateField.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { nb } from '../i18n/index.ts';
import { ItemActions } from '../items/ItemActions.tsx';
import { enumOptions } from '../fields/optionHooks.ts';
import { useItemMap, useItemText, useItemType, useItemValue } from '../planDoc/planHooks.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

const KIND_OPTIONS = enumOptions(SERVICE_KINDS, nb.serviceKind);
const STATUS_OPTIONS = enumOptions(SERVICE_STATUSES, nb.serviceStatus);

export function ServiceCard({
  id,
  siblings,
  autoFocus,
}: {
  id: string;
  siblings: readonly string[];
  autoFocus: boolean;
}) {
  const actions = usePlanActions();
  const item = useItemMap('services', id);
  const nameText = useItemText(item, 'name');
  const name = useItemType(item, 'name', Y.Text);
  const contact = useItemType(item, 'contact', Y.Text);
  const note = useItemType(item, 'note', Y.Text);
  const kind = useItemValue<ServiceKind>('services', item, 'kind');
  const status = useItemValue<ServiceStatus>('services', item, 'status');
  const date = useItemValue<string | null>('services', item, 'date');
  if (!item) return null;
  const heading = nameText.trim() || nb.plan.untitled;
  const headingId = `service-${id}`;
  const index = siblings.indexOf(id);
  return (
    <li data-service-id={id}>
      <article className="item-card" aria-labelledby={headingId}>
        <header className="item-card__header">
          <h3 id={headingId} className="item-card__title">
            {heading}
          </h3>
          <span className="muted">{nb.serviceKind[kind]}</span>
          <StatusBadge status={status} label={nb.serviceStatus[status]} />
          <ItemActions
            name={heading}
            removeLabel={nb.services.removeLabel(heading)}
            canMoveUp={index > 0}
            canMoveDown={index >= 0 && index < siblings.length - 1}
            onMove={(direction) => actions.move('services', id, siblings, direction)}
            removes={{ collection: 'services', id, what: nb.services.deletedWhat }}
          />
        </header>
        <YTextInput text={name} label={nb.services.name} autoFocus={autoFocus} />
        <div className="field-row">
          <SelectField
            label={nb.services.kind}
            value={kind}
            options={KIND_OPTIONS}
            onChange={(value) => value && actions.update('services', id, { kind: value as ServiceKind })}
          />
          <SelectField
            label={nb.services.status}
            value={status}
            options={STATUS_OPTIONS}
            onChange={(value) => value && actions.update('services', id, { status: value as ServiceStatus })}
          />
          <DateField
            label={nb.services.date}
            value={date}
            onChange={(value) => actions.update('services', id, { date: value })}
          />
        </div>
        <YTextInput text={contact} label={nb.common.contact} />
        <YTextInput text={note} label={nb.services.note} multiline />
      </article>
    </li>
  );
}
