import type { FamilyConsent, PlanRole, PlanSummary } from '@samplan/api';
import type { AttentionItem } from '@samplan/plan-model';
import { nb, nbCaseload } from '../i18n/index.ts';
import { isFamilyRole } from '@samplan/api/roles';

const isConsentItem = (item: AttentionItem): boolean =>
  item.kind === 'consentWaiting' || item.kind === 'familyConsentWaiting';

/**
 * A card's attention items in the order it names them. The server orders them most pressing first; for the family,
 * someone waiting for their consent comes first, since only they can give it (and a card names only the first few).
 */
export function attentionOrder(items: readonly AttentionItem[], role: PlanRole): AttentionItem[] {
  if (!isFamilyRole(role)) return [...items];
  return [...items.filter(isConsentItem), ...items.filter((item) => !isConsentItem(item))];
}

/**
 * The family's answer on a plan I cannot open yet: `venter` (not answered), `gitt` (answered, but not shared with
 * me) or `trukket` (consent to the plan withdrawn). Read from the summary's `familyConsent`; a server that does not
 * send it is read as `venter`, as before.
 */
export function familyAnswerOf(plan: PlanSummary): FamilyConsent {
  const answer = (plan as { familyConsent?: unknown }).familyConsent;
  return answer === 'gitt' || answer === 'trukket' ? answer : 'venter';
}

/** What a card of a plan I cannot open says, by the family's answer. */
export function lockedText(plan: PlanSummary): { badge: string; hint: string } {
  const answer = familyAnswerOf(plan);
  return answer === 'venter'
    ? { badge: nb.plans.waitingForConsent, hint: nb.plans.waitingForConsentHint }
    : nbCaseload.locked[answer];
}
