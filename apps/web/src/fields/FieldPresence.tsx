import { nbItems } from '../i18n/index.ts';
import { usePresence } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

/** Who else is typing in this field now, under its label. */
export function FieldPresence({ fieldKey }: { fieldKey: string | null }) {
  const { connection } = usePlan();
  const others = usePresence(connection).filter((person) => !person.isMe && fieldKey && person.field === fieldKey);
  if (others.length === 0) return null;
  return (
    <p className="field__presence">
      {others.map((person) => (
        <span key={person.userId} className="dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
      ))}
      {nbItems.othersTyping(others.map((person) => person.name))}
    </p>
  );
}
