export interface ItemFact {
  label: string;
  /** Left out when empty; several values are a list. */
  value: string | readonly string[] | null | undefined;
}

const isShown = (value: ItemFact['value']): boolean =>
  typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) && value.length > 0;

/** The facts of an item in the reading view (dates, who is responsible, scope), only those that have a value. */
export function ItemFacts({ facts }: { facts: readonly ItemFact[] }) {
  const shown = facts.filter((fact) => isShown(fact.value));
  if (shown.length === 0) return null;
  return (
    <dl className="item-facts">
      {shown.map((fact) => (
        <div key={fact.label} className="item-facts__fact">
          <dt>{fact.label}</dt>
          {typeof fact.value === 'string' ? (
            <dd>{fact.value}</dd>
          ) : (
            <dd>
              <ul className="item-facts__list">
                {fact.value?.map((value) => (
                  <li key={value}>{value}</li>
                ))}
              </ul>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
