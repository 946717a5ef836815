import { PARTICIPANT_ROLES, type ParticipantRole } from '@samplan/plan-model';
import * as Y from 'yjs';
import { SelectField } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { RichTextField } from '../editor/RichTextField.tsx';
import { nb } from '../i18n/index.ts';
import { ItemActions } from '../items/ItemActions.tsx';
import { enumOptions } from '../fields/optionHooks.ts';
import { useItemMap, useItemText, useItemType, useItemValue } from '../planDoc/planHooks.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

export interface ParticipantCardProps {
  id: string;
  siblings: readonly string[];
  isCoordinator: boolean;
  autoFocus: boolean;
}

const ROLE_OPTIONS = enumOptions(PARTICIPANT_ROLES, nb.participantRole);

export function ParticipantCard({ id, siblings, isCoordinator, autoFocus }: ParticipantCardProps) {
  const actions = usePlanActions();
  const item = useItemMap('participants', id);
  const nameText = useItemText(item, 'name');
  const name = useItemType(item, 'name', Y.Text);
  const title = useItemType(item, 'title', Y.Text);
  const organisation = useItemType(item, 'organisation', Y.Text);
  const contact = useItemType(item, 'contact', Y.Text);
  const expectations = useItemType(item, 'expectations', Y.Text);
  const contribution = useItemType(item, 'contribution', Y.XmlFragment);
  const role = useItemValue<ParticipantRole>('participants', item, 'role');
  if (!item) return null;

  const heading = nameText.trim() || nb.participants.unnamed;
  const headingId = `participant-${id}`;
  const index = siblings.indexOf(id);
  return (
    <li data-participant-id={id}>
      <article className="item-card" aria-labelledby={headingId}>
        <header className="item-card__header">
          <h3 id={headingId} className="item-card__title">
            {heading}
          </h3>
          <span className="muted">{nb.participantRole[role]}</span>
          {isCoordinator && <StatusBadge status="koordinator" label={nb.participants.isCoordinator} />}
          <ItemActions
            name={heading}
            removeLabel={nb.participants.removeLabel(heading)}
            canMoveUp={index > 0}
            canMoveDown={index >= 0 && index < siblings.length - 1}
            onMove={(direction) => actions.move('participants', id, siblings, direction)}
            removes={{ collection: 'participants', id, what: nb.participants.deletedWhat }}
          />
        </header>
        <div className="field-row">
          <YTextInput text={name} label={nb.participants.name} autoFocus={autoFocus} className="field--grow" />
          <SelectField
            label={nb.participants.role}
            value={role}
            options={ROLE_OPTIONS}
            onChange={(value) => value && actions.update('participants', id, { role: value as ParticipantRole })}
          />
          <YTextInput text={title} label={nb.participants.title} className="field--grow" />
        </div>
        <div className="field-row">
          <YTextInput text={organisation} label={nb.participants.organisation} className="field--grow" />
          <YTextInput text={contact} label={nb.common.contact} className="field--grow" />
        </div>
        <RichTextField fragment={contribution} label={nb.participants.contribution} />
        <YTextInput text={expectations} label={nb.participants.expectations} multiline />
      </article>
    </li>
  );
}
