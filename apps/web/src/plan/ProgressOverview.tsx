import { GOAL_STATUSES } from '@samplan/plan-model';
import { formatDate, nb, todayIso } from '../i18n/index.ts';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { useProgressSummary } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { OverviewItem } from './OverviewItem.tsx';

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
      <OverviewItem
        className="overview__goals"
        label={nb.overview.goals}
        value={nb.overview.goalsReached(summary.goalsReached, summary.goalsTotal)}
        valueTestId="overview-goals"
      >
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
      </OverviewItem>
      <OverviewItem
        label={nb.overview.nextRevision}
        value={formatDate(summary.nextRevision) || nb.overview.notSet}
        warning={revisionPassed}
        sub={revisionPassed && nb.overview.revisionPassed}
      />
      <OverviewItem
        label={nb.overview.evaluationsOverdue}
        hint={nb.overview.evaluationsOverdueHint}
        value={summary.evaluationsOverdue}
        valueTestId="overview-evaluations-overdue"
        warning={summary.evaluationsOverdue > 0}
      />
      <OverviewItem
        label={nb.overview.overdueEvaluations}
        hint={nb.overview.overdueEvaluationsHint}
        value={summary.overdueEvaluations}
        valueTestId="overview-overdue-goals"
        warning={summary.overdueEvaluations > 0}
      />
      <OverviewItem
        label={nb.overview.overdueTasks}
        value={summary.overdueTasks}
        valueTestId="overview-overdue-tasks"
        warning={summary.overdueTasks > 0}
        sub={nb.overview.openTasks(summary.openTasks)}
      />
      <OverviewItem
        label={nb.overview.nextMeeting}
        value={summary.nextMeeting ? formatDate(summary.nextMeeting.date) : nb.overview.none}
        sub={summary.nextMeeting?.title}
      />
    </section>
  );
}
