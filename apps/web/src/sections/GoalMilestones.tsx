import { formatDate, nb } from '../i18n/index.ts';
import type { Milestone } from '../planDoc/derivedHooks.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';

/** A goal's evaluations as a timeline, and where it stands now (the latest evaluation with an achievement). */
export function GoalMilestones({ milestones }: { milestones: readonly Milestone[] }) {
  if (milestones.length === 0) {
    return (
      <p className="milestones milestones--empty">
        <span className="milestones__label">{nb.goals.milestones}: </span>
        <span className="muted">{nb.goals.noMilestones}</span>
      </p>
    );
  }
  const latest = [...milestones].reverse().find((milestone) => milestone.achievement !== null);
  return (
    <div className="milestones">
      <p className="milestones__current">
        <span className="milestones__label">{nb.goals.currentAchievement}: </span>
        {latest?.achievement ? (
          <>
            <StatusBadge status={latest.achievement} label={nb.achievement[latest.achievement]} />
            {latest.date && <span className="muted"> ({formatDate(latest.date)})</span>}
          </>
        ) : (
          <span className="muted">{nb.goals.notEvaluated}</span>
        )}
      </p>
      <h4 className="milestones__title">{nb.goals.milestones}</h4>
      <ol className="timeline">
        {milestones.map((milestone) => (
          <li key={milestone.id} className="timeline__item">
            <span className="timeline__date">{formatDate(milestone.date) || '–'}</span>
            {milestone.achievement && (
              <StatusBadge status={milestone.achievement} label={nb.achievement[milestone.achievement]} />
            )}
            {milestone.note && <span className="timeline__note">{milestone.note}</span>}
            {milestone.author && <span className="timeline__author">{milestone.author}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
