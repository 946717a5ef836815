import type { UnsentPlan } from '../offline/deviceStore.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { nb } from '../i18n/index.ts';

/** Plans holding words not sent yet, each a link that opens it: by the child's name, as Mine planer names them. */
export function UnsentPlanList({ plans, onOpen }: { plans: readonly UnsentPlan[]; onOpen?: () => void }) {
  return (
    <ul className="kept-plans__list">
      {plans.map((plan) => (
        <li key={plan.id}>
          <Link to={paths.plan(plan.id)} onClick={onOpen}>
            {plan.childName || plan.title || nb.nav.unsent.untitled}
          </Link>
          {plan.childName && plan.title && <span className="hint"> · {plan.title}</span>}
        </li>
      ))}
    </ul>
  );
}
