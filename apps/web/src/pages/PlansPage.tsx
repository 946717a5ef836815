import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/api.ts';
import { isNoAnswer } from '../api/ApiError.ts';
import type { PlanInfo, PlanSummary } from '@samplan/api';
import { keptPlans } from '../offline/deviceStore.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { LogoutButton } from '../session/LogoutButton.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb, nbCaseload, nbOffline } from '../i18n/index.ts';
import { PlanCard } from './PlanCard.tsx';
import { CaseloadTools, useCaseload } from './CaseloadTools.tsx';
import { UnsentPlansNotice } from './UnsentPlansNotice.tsx';

export function PlansPage() {
  usePageTitle(nb.plans.title);
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  // Without an answer from the server (offline): the plans this browser keeps, which open without a network.
  const [kept, setKept] = useState<PlanInfo[] | null>(null);
  const { user, offline } = useSession();
  const userId = user?.id;

  // Only the latest question's answer is shown (an older one may come last).
  const latest = useRef(0);
  const load = useCallback(() => {
    const round = ++latest.current;
    setFailed(false);
    api.plans().then(
      (list) => {
        if (round !== latest.current) return;
        setPlans(list);
        setKept(null);
      },
      async (err: unknown) => {
        const stored = isNoAnswer(err) && userId ? await keptPlans(userId) : null;
        if (round !== latest.current) return;
        setKept(stored);
        setFailed(true);
      },
    );
  }, [userId]);
  // Asked again when the server answers who is logged in after it did not (it was down, or the network was).
  useEffect(load, [load, offline]);
  // Back on the network: the list is asked for again.
  useEffect(() => {
    if (!failed) return;
    window.addEventListener('online', load);
    return () => window.removeEventListener('online', load);
  }, [failed, load]);
  const caseload = useCaseload(plans ?? []);

  return (
    <div className="plans-page">
      <div className="page-heading">
        <h1 tabIndex={-1}>{nb.plans.title}</h1>
        <Link to={paths.createPlan()} className="button button--primary">
          {nb.plans.create}
        </Link>
      </div>
      <p className="lead">{nb.plans.intro}</p>
      {userId && <UnsentPlansNotice userId={userId} />}
      {failed && !kept && (
        <Alert>
          {nb.plans.loadFailed}{' '}
          <button type="button" className="button button--small" onClick={load}>
            {nb.plans.retry}
          </button>
        </Alert>
      )}
      {failed && kept && (
        <div className="card kept-plans" role="status">
          <p>{kept.length > 0 ? nbOffline.plansKept : nbOffline.noPlansKept}</p>
          {kept.length > 0 && (
            <ul className="kept-plans__list">
              {kept.map((plan) => (
                <li key={plan.id}>
                  <Link to={paths.plan(plan.id)}>{plan.childName || plan.title}</Link>
                  {plan.childName && <span className="hint"> · {plan.title}</span>}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button button--small" onClick={load}>
            {nb.plans.retry}
          </button>
        </div>
      )}
      {!plans && !failed && <Spinner label={nb.loading} />}
      {plans && plans.length === 0 && (
        <div className="card empty-state">
          <p>{nb.plans.empty}</p>
          <p>{nb.plans.emptyHint}</p>
          <p className="form-actions">
            <Link to={paths.createPlan()} className="button">
              {nb.plans.createFirst}
            </Link>
            <Link to={paths.createPlan({ demo: true })} className="button">
              {nb.plans.createDemo}
            </Link>
          </p>
        </div>
      )}
      {plans && plans.length > 1 && <CaseloadTools caseload={caseload} />}
      {plans && plans.length > 0 && caseload.shown.length === 0 && <p>{nbCaseload.noMatch}</p>}
      {plans && caseload.shown.length > 0 && (
        <ul className="plan-list">
          {caseload.shown.map((plan) => (
            <PlanCard key={plan.id} plan={plan} />
          ))}
        </ul>
      )}
      <section className="card account-card" aria-labelledby="logout-everywhere">
        <h2 id="logout-everywhere">{nb.nav.everywhereTitle}</h2>
        <p className="hint">{nb.nav.everywhereHint}</p>
        <LogoutButton everywhere />
      </section>
    </div>
  );
}
