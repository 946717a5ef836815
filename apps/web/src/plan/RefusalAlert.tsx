import { useState } from 'react';
import { decodeUpdateRefusal } from '@samplan/protocol';
import { nb, nbAccess } from '../i18n/index.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

/**
 * On a page without the plan's notice area (møtemodus): when the plan was loaded again because the server refused
 * an edit (4409), says what was not saved and why, until the user closes it. The plan page says it in its notice.
 */
export function RefusalAlert() {
  const { connection } = usePlan();
  const [closed, setClosed] = useState(false);
  if (!connection.refusal || closed) return null;
  const { code, detail } = decodeUpdateRefusal(connection.refusal);
  return (
    <div className="alert alert--error refusal-alert" role="alert">
      <p>{nbAccess.parts.refused(code, detail)}</p>
      <button type="button" className="button button--small button--secondary" onClick={() => setClosed(true)}>
        {nb.plan.dismiss}
      </button>
    </div>
  );
}
