import { PARTICIPANT_ROLES, type ParticipantRole } from '@samplan/plan-model';
import { enumOptions } from '../fields/optionHooks.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { RichTextField } from '../editor/RichTextField.tsx';
import { nb } from '../i18n/index.ts';
import { ItemCard } from '../items/ItemCard.tsx';
import { ItemExcerpt } from '../items/ItemExcerpt.tsx';
import { ItemFacts } from '../items/ItemFacts.tsx';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { useField, useFieldText, useItemMap } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

export interface ParticipantCardProps {
  id: string;
  siblings: readonly string[];
  isCoordinator: boolean;
}

const ROLE_OPTIONS = enumOptions(PARTICIPANT_ROLES, nb.participantRole);

export function ParticipantCard({ id, siblings, isCoordinator }: ParticipantCardProps) {
  const actions = usePlanActions();
  const item = useItemMap('participants', id);
  const nameText = useFieldText('participants', item, 'name');
  const name = useField('participants', item, 'name');
  const title = useField('participants', item, 'title');
  const titleText = useFieldText('participants', item, 'title');
  const organisation = useField('participants', item, 'organisation');
  const organisationText = useFieldText('participants', item, 'organisation');
  const contact = useField('participants', item, 'contact');
  const contactText = useFieldText('participants', item, 'contact');
  const expectations = useField('participants', item, 'expectations');
  const contribution = useField('participants', item, 'contribution');
  const role = useField('participants', item, 'role');
  if (!item) return null;

  const heading = nameText.trim() || nb.participants.unnamed;
  return (
    <ItemCard
      collection="participants"
      id={id}
      title={heading}
      data={{ 'data-participant-id': id }}
      siblings={siblings}
      removeLabel={nb.participants.removeLabel(heading)}
      removeWhat={nb.participants.deletedWhat}
      badges={
        <>
          {/* The plan's koordinator is said once: by the badge, not also by the role. */}
          {!(isCoordinator && role === 'koordinator') && <span className="muted">{nb.participantRole[role]}</span>}
          {isCoordinator && <StatusBadge status="koordinator" label={nb.participants.isCoordinator} />}
        </>
      }
      editor={() => (
        <>
          <div className="field-row">
            <YTextInput text={name} label={nb.participants.name} autoFocus className="field--grow" />
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
        </>
      )}
    >
      <ItemFacts
        facts={[
          { label: nb.participants.title, value: titleText },
          { label: nb.participants.organisation, value: organisationText },
          { label: nb.common.contact, value: contactText },
        ]}
      />
      <ItemExcerpt text={contribution} label={nb.participants.contribution} />
      <ItemExcerpt text={expectations} label={nb.participants.expectations} />
    </ItemCard>
  );
}
