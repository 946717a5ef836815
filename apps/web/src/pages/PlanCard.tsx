import { useId, useState } from 'react';
import type { PlanSummary } from '@samplan/api';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { formatDate, formatDateTime, nb, nbCaseload } from '../i18n/index.ts';
import { attentionOrder, familyAnswerOf, lockedText } from './planCardItems.ts';
import './PlanCard.css';

/** How many things that need attention a card names before "og N ting til". */
const SHOWN_ITEMS = 4;

/** One plan in Mine planer: the child's name first, what needs attention named, its progress at a glance. */
export function PlanCard({ plan }: { plan: PlanSummary }) {
  if (plan.access === 'venter-samtykke') {
    const { badge, hint } = lockedText(plan);
    return (
      <li className="card plan-card plan-card--waiting" data-family-consent={familyAnswerOf(plan)}>
        <h2 className="plan-card__title">{plan.title}</h2>
        <p className="plan-card__role">
          {nb.plans.role}: <strong>{nb.roles[plan.role] ?? plan.role}</strong>
        </p>
        <p className="badge badge--warning">{badge}</p>
        <p className="muted">{hint}</p>
      </li>
    );
  }
  return <OpenPlanCard plan={plan} />;
}

function OpenPlanCard({ plan }: { plan: Extract<PlanSummary, { access: 'apen' }> }) {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const { progress } = plan;
  const attention = attentionOrder(plan.attention, plan.role);
  const hidden = Math.max(0, attention.length - SHOWN_ITEMS);
  const shown = expanded ? attention : attention.slice(0, SHOWN_ITEMS);
  return (
    <li className="card plan-card" data-urgency={plan.urgency}>
      <h2 className="plan-card__title">
        <Link to={paths.plan(plan.id)}>{plan.childName}</Link>
      </h2>
      <p className="plan-card__child">
        {plan.title} · {nb.plans.role}: <strong>{nb.roles[plan.role] ?? plan.role}</strong>
      </p>
      {attention.length > 0 ? (
        <ul className="attention-list" id={listId}>
          {shown.map((item, i) => (
            <li key={i} className={nbCaseload.isOverdue(item) ? 'attention attention--overdue' : 'attention'}>
              {nbCaseload.item(item)}
            </li>
          ))}
          {hidden > 0 && (
            <li className="attention attention--more">
              <button
                type="button"
                className="link-button attention__more-button"
                aria-expanded={expanded}
                aria-controls={listId}
                onClick={() => setExpanded(!expanded)}
              >
                {expanded ? nbCaseload.fewer : nbCaseload.more(hidden)}
              </button>
            </li>
          )}
        </ul>
      ) : (
        <p className="badge badge--ok">{nbCaseload.nothing}</p>
      )}
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
      {plan.lastChange && (
        <p className="muted plan-card__changed">
          {nbCaseload.lastChange(formatDateTime(plan.lastChange.at), plan.lastChange.by?.name ?? null)}
        </p>
      )}
    </li>
  );
}
