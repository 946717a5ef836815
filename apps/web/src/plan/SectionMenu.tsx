import { useRef } from 'react';
import { Link } from '../routing/Link.tsx';
import { paths, type SectionId } from '../routing/routes.ts';
import { nb, nbHistory, nbPhone } from '../i18n/index.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { AccessNav } from '../sharing/AccessNav.tsx';
import { PresenceList } from './PresenceList.tsx';
import { SectionNav } from './SectionNav.tsx';

/**
 * On a phone: the parts of the plan behind one line that names the part shown, so that part's content starts on
 * the first screen. Choosing a part closes it (it is drawn anew for each part).
 */
export function SectionMenu({ current }: { current: SectionId }) {
  const { info } = usePlan();
  const menu = useRef<HTMLDetailsElement>(null);
  const close = (): void => {
    if (menu.current) menu.current.open = false;
  };
  return (
    <details
      className="section-menu"
      key={current}
      ref={menu}
      // Choosing a link closes the menu, the part shown included; Escape closes it and returns to its line.
      onClick={(event) => (event.target as Element).closest('a') && close()}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !menu.current?.open) return;
        close();
        menu.current.querySelector('summary')?.focus();
      }}
    >
      <summary>
        <span className="section-menu__label">{nbPhone.menuLabel}:</span>{' '}
        <strong className="section-menu__current">{nb.sections[current]}</strong>
        <span className="section-menu__hint">{nbPhone.menuHint}</span>
      </summary>
      <div className="section-menu__body">
        <SectionNav current={current} />
        <AccessNav withHistory={false} />
        <ul className="section-menu__tools">
          <li>
            <Link to={paths.print(info.id)}>{nb.plan.print}</Link>
          </li>
          <li>
            <Link to={paths.history(info.id)}>{nbHistory.nav}</Link>
          </li>
        </ul>
        <PresenceList />
      </div>
    </details>
  );
}
