import { YTextInput } from '../fields/YTextInput.tsx';
import { nb, nbItems } from '../i18n/index.ts';
import { ItemCard } from '../items/ItemCard.tsx';
import { ItemFacts } from '../items/ItemFacts.tsx';
import { useField, useFieldText, useItemMap } from '../planDoc/planHooks.ts';

export function CooperationCard({ id, siblings }: { id: string; siblings: readonly string[] }) {
  const item = useItemMap('cooperation', id);
  const nameText = useFieldText('cooperation', item, 'name');
  const name = useField('cooperation', item, 'name');
  const purpose = useField('cooperation', item, 'purpose');
  const purposeText = useFieldText('cooperation', item, 'purpose');
  const contact = useField('cooperation', item, 'contact');
  const contactText = useFieldText('cooperation', item, 'contact');
  if (!item) return null;
  const heading = nameText.trim() || nbItems.untitled;
  return (
    <ItemCard
      collection="cooperation"
      id={id}
      title={heading}
      data={{ 'data-cooperation-id': id }}
      siblings={siblings}
      removeLabel={nb.cooperation.removeLabel(heading)}
      removeWhat={nb.cooperation.deletedWhat}
      editor={() => (
        <>
          <YTextInput text={name} label={nb.cooperation.name} autoFocus />
          <YTextInput text={purpose} label={nb.cooperation.purpose} multiline />
          <YTextInput text={contact} label={nb.common.contact} />
        </>
      )}
    >
      <ItemFacts
        facts={[
          { label: nb.cooperation.purpose, value: purposeText },
          { label: nb.common.contact, value: contactText },
        ]}
      />
    </ItemCard>
  );
}
