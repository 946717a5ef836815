import type { PresenceEntry } from '../collab/presence.ts';
import { usePresence } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

/** The others in the plan who are at a place (an item open, a field typed in), with their colours and what they do. */
export function OthersNote({
  at,
  say,
  className,
}: {
  at: (person: PresenceEntry) => boolean;
  say: (names: readonly string[]) => string;
  className: string;
}) {
  const { connection } = usePlan();
  const others = usePresence(connection).filter((person) => !person.isMe && at(person));
  if (others.length === 0) return null;
  return (
    <p className={className}>
      {others.map((person) => (
        <span key={person.userId} className="dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
      ))}
      {say(others.map((person) => person.name))}
    </p>
  );
}
