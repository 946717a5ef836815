import { SERVICE_KINDS, SERVICE_STATUSES, type ServiceKind, type ServiceStatus } from '@samplan/plan-model';
import { DateField } from '../fields/DateField.tsx';
import { enumOptions } from '../fields/optionHooks.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { formatDate, nb, nbItems } from '../i18n/index.ts';
import { ItemCard } from '../items/ItemCard.tsx';
import { ItemExcerpt } from '../items/ItemExcerpt.tsx';
import { ItemFacts } from '../items/ItemFacts.tsx';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { useField, useFieldText, useItemMap } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

const KIND_OPTIONS = enumOptions(SERVICE_KINDS, nb.serviceKind);
const STATUS_OPTIONS = enumOptions(SERVICE_STATUSES, nb.serviceStatus);

export function ServiceCard({ id, siblings }: { id: string; siblings: readonly string[] }) {
  const actions = usePlanActions();
  const item = useItemMap('services', id);
  const nameText = useFieldText('services', item, 'name');
  const name = useField('services', item, 'name');
  const contact = useField('services', item, 'contact');
  const contactText = useFieldText('services', item, 'contact');
  const note = useField('services', item, 'note');
  const kind = useField('services', item, 'kind');
  const status = useField('services', item, 'status');
  const date = useField('services', item, 'date');
  if (!item) return null;
  const heading = nameText.trim() || nbItems.untitled;
  return (
    <ItemCard
      collection="services"
      id={id}
      title={heading}
      data={{ 'data-service-id': id }}
      siblings={siblings}
      removeLabel={nb.services.removeLabel(heading)}
      removeWhat={nb.services.deletedWhat}
      badges={
        <>
          <span className="muted">{nb.serviceKind[kind]}</span>
          <StatusBadge status={status} label={nb.serviceStatus[status]} />
        </>
      }
      editor={() => (
        <>
          <YTextInput text={name} label={nb.services.name} autoFocus />
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
        </>
      )}
    >
      <ItemFacts
        facts={[
          { label: nb.services.date, value: date && formatDate(date) },
          { label: nb.common.contact, value: contactText },
        ]}
      />
      <ItemExcerpt text={note} label={nb.services.note} />
    </ItemCard>
  );
}
