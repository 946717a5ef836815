import { nbPhone } from '../i18n/index.ts';
import { usePresence } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { initials } from './initials.ts';

const SHOWN = 4;

/** On a phone: the others in the plan as a row of small avatars (the menu lists them in full). */
export function PresenceStrip() {
  const { connection } = usePlan();
  const others = usePresence(connection).filter((person) => !person.isMe);
  if (others.length === 0) return null;
  return (
    <p className="presence-strip" data-count={others.length}>
      <span className="visually-hidden">{nbPhone.othersHere(others.map((person) => person.name).join(', '))}</span>
      {others.slice(0, SHOWN).map((person) => (
        <span
          key={person.userId}
          className="avatar avatar--small"
          style={{ backgroundColor: person.color }}
          aria-hidden="true"
          title={person.name}
        >
          {initials(person.name)}
        </span>
      ))}
      {others.length > SHOWN && (
        <span className="presence-strip__more" aria-hidden="true">
          +{others.length - SHOWN}
        </span>
      )}
    </p>
  );
}
