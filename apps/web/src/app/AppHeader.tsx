import { nb, nbNotifications } from '../i18n/index.ts';
import { useUnreadNotifications } from '../pages/unreadNotifications.ts';
import { Link } from '../routing/Link.tsx';
import { useLocationPath } from '../routing/navigation.ts';
import { paths } from '../routing/routes.ts';
import { LogoutButton } from '../session/LogoutButton.tsx';
import { useSession } from '../session/SessionContext.tsx';

export function AppHeader() {
  const { user } = useSession();
  const { pathname } = useLocationPath();
  const unread = useUnreadNotifications(Boolean(user), pathname);
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to={paths.plans()} className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">{nb.appName}</span>
          <span className="brand__tagline">{nb.appTagline}</span>
        </Link>
        {user && (
          <nav aria-label={nb.nav.mainLabel} className="app-header__nav">
            <Link to={paths.plans()}>{nb.nav.myPlans}</Link>
            <Link to={paths.notifications()} className={unread > 0 ? 'app-header__notifications--unread' : undefined}>
              {nbNotifications.navLink(unread)}
            </Link>
            {/* On a phone only the name shows: a shared family phone still says who is logged in. */}
            <span className="app-header__user">
              <span className="app-header__user-prefix">{nb.nav.loggedInAs} </span>
              {user.name}
            </span>
            <LogoutButton className="button button--small" />
          </nav>
        )}
      </div>
    </header>
  );
}
