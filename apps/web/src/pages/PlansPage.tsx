import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/api.ts';
import type { PlanSummary } from '@samplan/api';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { LogoutButton } from '../session/LogoutButton.tsx';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb, nbCaseload } from '../i18n/index.ts';
import { PlanCard } from './PlanCard.tsx';
import { CaseloadTools, useCaseload } from './CaseloadTools.tsx';

export function PlansPage() {
  usePageTitle(nb.plans.title);
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    setFailed(false);
    api.plans().then(setPlans, () => setFailed(true));
  }, []);
  useEffect(load, [load]);
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
      {failed && (
        <Alert>
          {nb.plans.loadFailed}{' '}
          <button type="button" className="button button--small" onClick={load}>
            {nb.plans.retry}
          </button>
        </Alert>
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
