import type { PlanJSON } from '@samplan/plan-model';

/** The numbers the plan shows its goals with, in plan order: «1» for a hovedmål, «1.2» for its second delmål. */
export function goalNumbers(plan: Pick<PlanJSON, 'goals'>): Map<string, string> {
  const numbers = new Map<string, string>();
  let main = 0;
  let sub = 0;
  for (const goal of plan.goals) {
    if (goal.parentId === null) {
      main += 1;
      sub = 0;
      numbers.set(goal.id, String(main));
    } else {
      sub += 1;
      numbers.set(goal.id, `${main}.${sub}`);
    }
  }
  return numbers;
}
