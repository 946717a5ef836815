import { useEffect, useState } from 'react';
import type { PlanPart } from '@samplan/plan-model';
import { historyApi } from '../api/historyApi.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { formatDateTime, nbHistory } from '../i18n/index.ts';
import { othersChanges } from './describeVersion.ts';
import './history.css';

const t = nbHistory.sinceLastVisit;

interface Summary {
  from: number;
  to: number;
  at: string;
  names: string[];
  parts: PlanPart[];
  removed: string | null;
}

/**
 * When the plan opens: what others changed since I was last here, in one sentence, with a link to the comparison.
 * Shows nothing on a first visit, or when only I have changed anything since.
 */
export function SinceLastVisit({ planId, myId }: { planId: string; myId: string }) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { lastVisit, head } = await historyApi.versions(planId, { limit: 1 });
      if (!lastVisit || lastVisit.seq >= head) return null;
      const { changes, from, to } = await historyApi.changes(planId, lastVisit.seq, head);
      const others = othersChanges(changes, myId);
      return others && { from, to, at: lastVisit.at, ...others };
    })().then(
      (found) => {
        if (!cancelled) setSummary(found);
      },
      // Only a hint: the plan works without it.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [planId, myId]);

  if (!summary || dismissed) return null;
  return (
    <div className="since-last-visit" role="status">
      <p>
        <span className="since-last-visit__title">
          {t.title} ({formatDateTime(summary.at)})
        </span>
        {t.summary(summary.names, summary.parts)}
        {summary.removed && <strong className="since-last-visit__removed"> {summary.removed}</strong>}
      </p>
      <Link className="button button--small" to={paths.changes(planId, summary.from, summary.to)}>
        {t.link}
      </Link>
      <button type="button" className="button button--small button--secondary" onClick={() => setDismissed(true)}>
        {t.dismiss}
      </button>
    </div>
  );
}
