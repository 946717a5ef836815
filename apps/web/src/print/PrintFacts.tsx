/** Label–value pairs in the print view; empty values are left out. */
export function PrintFacts({ facts }: { facts: ReadonlyArray<[string, string | null | undefined]> }) {
  const shown = facts.filter(([, value]) => value !== null && value !== undefined && value.trim() !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="print-facts">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
