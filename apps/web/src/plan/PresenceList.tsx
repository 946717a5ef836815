import { isSectionId } from '../routing/routes.ts';
import { nb } from '../i18n/index.ts';
import { usePresence } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { initials } from './initials.ts';

/** Everyone in the plan now, with their colour and the part of the plan they are in. */
export function PresenceList() {
  const { connection } = usePlan();
  const people = usePresence(connection);
  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="presence__title">
        {nb.presence.title}
      </h2>
      <ul className="presence__list">
        {people.map((person) => (
          <li key={person.userId} className="presence__person" data-user-name={person.name}>
            <span className="avatar" style={{ backgroundColor: person.color }} aria-hidden="true">
              {initials(person.name)}
            </span>
            <span className="presence__name">
              {person.name} {person.isMe && <span className="muted">{nb.presence.you}</span>}
            </span>
            {person.section && isSectionId(person.section) && (
              <span className="presence__section">{nb.presence.inSection(nb.sections[person.section])}</span>
            )}
          </li>
        ))}
      </ul>
      {people.length <= 1 && <p className="muted presence__alone">{nb.presence.alone}</p>}
    </section>
  );
}
