import { PART_WRITERS } from '@samplan/api/partRights';
import type { PlanPart } from '@samplan/plan-model';
import { usePeopleAt } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

/**
 * The others at an item (open to edit) or in a field (typing), with their colours and what they do. Only people
 * whose role may write that part are shown: anyone else claiming to be there is not believed.
 */
export function OthersNote({
  kind,
  at,
  part,
  say,
  className,
}: {
  kind: 'item' | 'field';
  at: string;
  part: PlanPart;
  say: (names: readonly string[]) => string;
  className: string;
}) {
  const { connection } = usePlan();
  const writers: readonly string[] = PART_WRITERS[part];
  const others = usePeopleAt(connection, kind, at).filter((person) => person.role && writers.includes(person.role));
  if (others.length === 0) return null;
  return (
    <p className={className}>
      {others.map((person) => (
        <span key={person.userId} className="dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
      ))}
      {say(others.map((person) => person.name))}
    </p>
  );
}
