import { GOAL_STATUSES } from '@samplan/plan-model';
import { formatDate, nb, todayIso } from '../i18n/index.ts';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { useProgressSummary } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

/** Progress at a glance: goals by status, next revision, what is overdue, the next meeting. */
export function ProgressOverview() {
  const { connection } = usePlan();
  const summary = useProgressSummary(connection);
  if (!summary) return null;
  const revisionPassed = summary.nextRevision !== null && summary.nextRevision < todayIso();
  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title" className="visually-hidden">
        {nb.overview.title}
      </h2>
      <div className="overview__item overview__goals">
        <h3 className="overview__label">{nb.overview.goals}</h3>
        <p className="overview__value" data-testid="overview-goals">
          {nb.overview.goalsReached(summary.goalsReached, summary.goalsTotal)}
        </p>
        <ProgressBar value={summary.goalsReached} max={summary.goalsTotal} label={nb.plans.progressLabel} />
        <ul className="overview__statuses">
          {GOAL_STATUSES.filter((status) => summary.goalsByStatus[status] > 0).map((status) => (
            <li
              key={status}
              className={`status-badge status-badge--${status}`}
              data-status={status}
              data-count={summary.goalsByStatus[status]}
            >
              {nb.goalStatus[status]}: {summary.goalsByStatus[status]}
            </li>
          ))}
        </ul>
      </div>
      <div className={`overview__item ${revisionPassed ? 'overview__item--warning' : ''}`}>
        <h3 className="overview__label">{nb.overview.nextRevision}</h3>
        <p className="overview__value">{formatDate(summary.nextRevision) || nb.overview.notSet}</p>
        {revisionPassed && <p className="overview__sub">{nb.overview.revisionPassed}</p>}
      </div>
      <div className={`overview__item ${summary.evaluationsOverdue > 0 ? 'overview__item--warning' : ''}`}>
        <h3 className="overview__label" title={nb.overview.evaluationsOverdueHint}>
          {nb.overview.evaluationsOverdue}
        </h3>
        <p className="overview__value" data-testid="overview-evaluations-overdue">
          {summary.evaluationsOverdue}
        </p>
      </div>
      <div className={`overview__item ${summary.overdueEvaluations > 0 ? 'overview__item--warning' : ''}`}>
        <h3 className="overview__label" title={nb.overview.overdueEvaluationsHint}>
          {nb.overview.overdueEvaluations}
        </h3>
        <p className="overview__value" data-testid="overview-overdue-goals">
          {summary.overdueEvaluations}
        </p>
      </div>
      <div className={`overview__item ${summary.overdueTasks > 0 ? 'overview__item--warning' : ''}`}>
        <h3 className="overview__label">{nb.overview.overdueTasks}</h3>
        <p className="overview__value" data-testid="overview-overdue-tasks">
          {summary.overdueTasks}
        </p>
        <p className="overview__sub">{nb.overview.openTasks(summary.openTasks)}</p>
      </div>
      <div className="overview__item">
        <h3 className="overview__label">{nb.overview.nextMeeting}</h3>
        <p className="overview__value">
          {summary.nextMeeting ? formatDate(summary.nextMeeting.date) : nb.overview.none}
        </p>
        {summary.nextMeeting && <p className="overview__sub">{summary.nextMeeting.title}</p>}
      </div>
    </section>
  );
}
