import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { nbAccess, nbHistory } from '../i18n/index.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { canDo } from '../planDoc/permissions.ts';

/**
 * Links from the plan to who has access, the history and, for those allowed, the innsynslogg. `withHistory` false
 * where the history is linked beside it already (the phone's menu, next to print).
 */
export function AccessNav({ withHistory = true }: { withHistory?: boolean }) {
  const { info } = usePlan();
  return (
    <nav className="section-nav access-nav" aria-label={nbAccess.nav.label}>
      <ul>
        <li>
          <Link to={paths.access(info.id)} className="section-nav__link">
            <span>{nbAccess.nav.members}</span>
          </Link>
        </li>
        {canDo(info, 'readLog') && (
          <li>
            <Link to={paths.accessLog(info.id)} className="section-nav__link">
              <span>{nbAccess.nav.log}</span>
            </Link>
          </li>
        )}
        {withHistory && canDo(info, 'readHistory') && (
          <li>
            <Link to={paths.history(info.id)} className="section-nav__link">
              <span>{nbHistory.nav}</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
