import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { nb } from '../i18n/index.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { RefusalAlert } from '../planDoc/RefusalAlert.tsx';
import { PrintPlan } from './PrintPlan.tsx';
import { printPageStyle } from './printPageStyle.ts';
import { usePlanJSON } from './usePlanJSON.ts';

export function PrintView() {
  const { connection, info } = usePlan();
  const plan = usePlanJSON(connection);
  return (
    <div className="print-page">
      <style>{printPageStyle(info.childName)}</style>
      <div className="print-toolbar no-print">
        <Link to={paths.plan(info.id)}>
          <span aria-hidden="true">← </span>
          {nb.print.back}
        </Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {nb.print.print}
        </button>
        <p className="muted">{nb.print.hint}</p>
      </div>
      <RefusalAlert />
      <PrintPlan plan={plan} planId={info.id} childName={info.childName} title={info.title} />
    </div>
  );
}
