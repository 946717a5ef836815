import { nb, nbPhone, todayIso } from '../i18n/index.ts';
import { useProgressSummary } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { ProgressOverview } from './ProgressOverview.tsx';

/** On a phone: the overview in one line (what needs attention in words), opened to the whole overview. */
export function OverviewLine() {
  const { connection } = usePlan();
  const summary = useProgressSummary(connection);
  if (!summary) return null;
  const warnings = [
    summary.evaluationsOverdue > 0 && nbPhone.evaluationsOverdue(summary.evaluationsOverdue),
    summary.overdueEvaluations > 0 && nbPhone.overdueGoals(summary.overdueEvaluations),
    summary.overdueTasks > 0 && nbPhone.overdueTasks(summary.overdueTasks),
    summary.nextRevision !== null && summary.nextRevision < todayIso() && nbPhone.revisionPassed,
  ].filter((warning): warning is string => typeof warning === 'string');
  return (
    <details className="overview-line">
      <summary>
        <span className="visually-hidden">{nb.overview.title}: </span>
        {nbPhone.overviewLine(summary.goalsReached, summary.goalsTotal)}
        {warnings.length > 0 && <span className="overview-line__warning"> · {warnings.join(' · ')}</span>}
      </summary>
      <ProgressOverview />
    </details>
  );
}
