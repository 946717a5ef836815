import { useEffect, useState } from 'react';
import { plansWithUnsentChanges, type UnsentPlan } from '../offline/deviceStore.ts';
import { UnsentPlanList } from '../session/UnsentPlanList.tsx';
import { nbOffline } from '../i18n/index.ts';

/**
 * Names the plans this browser keeps with words typed here and not sent yet (typed offline, or kept when the
 * session ended before they were sent), each a link: opening the plan online sends them. Nothing when there are none.
 */
export function UnsentPlansNotice({ userId }: { userId: string }) {
  const [unsent, setUnsent] = useState<UnsentPlan[]>([]);
  useEffect(() => {
    let cancelled = false;
    void plansWithUnsentChanges(userId).then((plans) => {
      if (!cancelled) setUnsent(plans);
    });
    return () => {
      cancelled = true;
    };
  }, [userId]);

  if (unsent.length === 0) return null;
  return (
    <div className="card unsent-plans" role="status">
      <p>{nbOffline.unsentPlans(unsent.length)}</p>
      <UnsentPlanList plans={unsent} />
    </div>
  );
}
