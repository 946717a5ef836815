import { useState } from 'react';
import { decodeUpdateRefusal } from '@samplan/protocol';
import { nb, nbAccess } from '../i18n/index.ts';
import type { PlanConnection } from '../collab/PlanConnection.ts';
import { usePlan } from './PlanContext.tsx';

/**
 * On a page without the plan's notice area (møtemodus, a meeting's record, the print view): when the plan was
 * loaded again because the server refused an edit (4409; for example words typed offline, sent after the member's
 * rights had changed), says what was not saved and why, until the user closes it. Closing puts focus on the page's
 * heading. The plan page says it in its notice.
 */
export function RefusalAlert() {
  const { connection } = usePlan();
  // Closed for this connection; a later refusal comes on a new one and is told again.
  const [closedFor, setClosedFor] = useState<PlanConnection | null>(null);
  if (!connection.refusal || closedFor === connection) return null;
  const { code, detail } = decodeUpdateRefusal(connection.refusal);
  return (
    <div className="alert alert--error refusal-alert no-print" role="alert">
      <p>{nbAccess.parts.refused(code, detail)}</p>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => {
          setClosedFor(connection);
          document.querySelector<HTMLElement>('main h1')?.focus();
        }}
      >
        {nb.plan.dismiss}
      </button>
    </div>
  );
}
