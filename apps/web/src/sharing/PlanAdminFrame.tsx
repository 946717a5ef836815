import type { ReactNode } from 'react';
import type { PlanInfo } from '@samplan/api';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { PageError } from '../components/PageError.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePlanInfo } from '../planDoc/usePlanInfo.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb, nbAccess, nbHistory } from '../i18n/index.ts';
import { accessErrorMessage } from './accessError.ts';
import { canDo } from '../planDoc/permissions.ts';
import './access.css';

export type AdminPage = 'members' | 'log' | 'history';

/** A page about the plan but outside its document: back to the plan, the plan's name, and tabs between the pages. */
const TITLES: Record<AdminPage, string> = {
  members: nbAccess.members.title,
  log: nbAccess.log.title,
  history: nbHistory.title,
};

export function PlanAdminFrame({
  planId,
  current,
  title = TITLES[current],
  children,
}: {
  planId: string;
  current: AdminPage;
  /** The page's own heading, when it is a page under one of the tabs (a version under the history). */
  title?: string;
  children: (info: PlanInfo) => ReactNode;
}) {
  const { info, error } = usePlanInfo(planId, accessErrorMessage);
  usePageTitle(info ? `${title} – ${info.title}` : title);

  if (error) {
    return <PageError title={title} message={error} />;
  }
  if (!info) return <Spinner label={nb.loading} />;
  return (
    <div className="access-page">
      <p className="plan-header__back no-print">
        <Link to={paths.plan(info.id)}>
          <span aria-hidden="true">← </span>
          {nbAccess.page.backToPlan} «{info.title}»
        </Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="plan-header__child">
        {info.title} · {nbAccess.page.planFor(info.childName)}
      </p>
      <nav className="access-tabs no-print" aria-label={nbAccess.page.tabsLabel}>
        <Link to={paths.access(info.id)} aria-current={current === 'members' ? 'page' : undefined}>
          {nbAccess.nav.members}
        </Link>
        {canDo(info, 'readLog') && (
          <Link to={paths.accessLog(info.id)} aria-current={current === 'log' ? 'page' : undefined}>
            {nbAccess.nav.log}
          </Link>
        )}
        {canDo(info, 'readHistory') && (
          <Link to={paths.history(info.id)} aria-current={current === 'history' ? 'page' : undefined}>
            {nbHistory.nav}
          </Link>
        )}
      </nav>
      {children(info)}
    </div>
  );
}
