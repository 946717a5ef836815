import type { PlanSummary } from '@samplan/api';
import { Link } from '../app/Link.tsx';
import { paths } from '../app/routes.ts';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { formatDate, nb } from '../i18n/index.ts';

/** One plan in Mine planer, with its progress at a glance. */
export function PlanCard({ plan }: { plan: PlanSummary }) {
  if (plan.access === 'venter-samtykke') {
    return (
      <li className="card plan-card plan-card--waiting">
        <h2 className="plan-card__title">{plan.title}</h2>
        <p className="plan-card__role">
          {nb.plans.role}: <strong>{nb.roles[plan.role] ?? plan.role}</strong>
        </p>
        <p className="badge badge--warning">{nb.plans.waitingForConsent}</p>
        <p className="muted">{nb.plans.waitingForConsentHint}</p>
      </li>
    );
  }
  const { progress } = plan;
  const overdue = progress.overdueEvaluations + progress.overdueTasks;
  return (
    <li className="card plan-card">
      <h2 className="plan-card__title">
        <Link to={paths.plan(plan.id)}>{plan.title}</Link>
      </h2>
      <p className="plan-card__child">{nb.plans.child(plan.childName)}</p>
      <p className="plan-card__role">
        {nb.plans.role}: <strong>{nb.roles[plan.role] ?? plan.role}</strong>
      </p>
      <div className="plan-card__progress">
        <span>
          {progress.goalsTotal > 0
            ? nb.plans.goalsReached(progress.goalsReached, progress.goalsTotal)
            : nb.plans.noGoals}
        </span>
        <ProgressBar value={progress.goalsReached} max={progress.goalsTotal} label={nb.plans.progressLabel} />
      </div>
      <dl className="facts">
        <div>
          <dt>{nb.plans.nextRevision}</dt>
          <dd>{formatDate(progress.nextRevision) || nb.plans.notSet}</dd>
        </div>
        <div>
          <dt>{nb.plans.nextMeeting}</dt>
          <dd>{progress.nextMeeting ? formatDate(progress.nextMeeting.date) : nb.plans.none}</dd>
        </div>
        <div>
          <dt>{nb.tasks.list}</dt>
          <dd>{nb.plans.openTasks(progress.openTasks)}</dd>
        </div>
      </dl>
      <p className={overdue > 0 ? 'badge badge--warning' : 'badge badge--ok'}>
        {overdue > 0 ? nb.plans.overdue(overdue) : nb.plans.nothingOverdue}
      </p>
    </li>
  );
}
