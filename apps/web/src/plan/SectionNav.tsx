import { Link } from '../routing/Link.tsx';
import { paths, SECTION_IDS, sectionSlug, type SectionId } from '../routing/routes.ts';
import { nb } from '../i18n/index.ts';
import { usePresence } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

/** The parts of the plan; each shows who else is there now. */
export function SectionNav({ current }: { current: SectionId }) {
  const { connection, info } = usePlan();
  const others = usePresence(connection).filter((person) => !person.isMe);
  return (
    <nav className="section-nav" aria-label={nb.plan.sectionsLabel}>
      <ol>
        {SECTION_IDS.map((section) => {
          const here = others.filter((person) => person.section === section);
          return (
            <li key={section}>
              <Link
                to={paths.plan(info.id, section)}
                aria-current={section === current ? 'page' : undefined}
                className="section-nav__link"
                data-section={sectionSlug(section)}
              >
                <span>{nb.sections[section]}</span>
                {here.length > 0 && (
                  <span className="section-nav__people">
                    {here.map((person) => (
                      <span
                        key={person.userId}
                        className="dot"
                        style={{ backgroundColor: person.color }}
                        aria-hidden="true"
                      />
                    ))}
                    <span className="visually-hidden">
                      {nb.presence.othersHere(here.map((p) => p.name).join(', '))}
                    </span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
