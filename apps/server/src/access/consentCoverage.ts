import type { ConsentStatus, FamilyConsent } from '@samplan/api';
import { isFamilyRole, type Role } from './roles.ts';
import type { ConsentRecord } from '../storage/ConsentStore.ts';

/**
 * Whether the family's consent lets a member open the plan. The family needs none. Anyone else needs an active
 * `sharing` consent naming them; and once any consent to the plan itself has been recorded, at least one must
 * still be active (withdrawing consent to the plan shuts everyone outside the family out). Until the family has
 * answered at all (no consent to the plan recorded), the plan's creator may open it to set it up and invite them.
 */
export function consentStatus(
  consents: readonly ConsentRecord[],
  userId: string,
  role: Role,
  plan: { createdBy: string },
): ConsentStatus {
  if (isFamilyRole(role)) return 'ikke-nodvendig';
  const family = familyConsent(consents);
  if (family === 'trukket') return 'trukket-for-planen';
  const covered = consents.some((c) => c.kind === 'sharing' && c.subjectUserId === userId && c.withdrawnAt === null);
  if (covered) return 'gitt';
  return family === 'venter' && plan.createdBy === userId ? 'venter-pa-familien' : 'mangler';
}

/** The family's answer on the plan itself, from its `plan` consents. */
export function familyConsent(consents: readonly ConsentRecord[]): FamilyConsent {
  const planConsents = consents.filter((c) => c.kind === 'plan');
  if (planConsents.length === 0) return 'venter';
  return planConsents.some((c) => c.withdrawnAt === null) ? 'gitt' : 'trukket';
}

export const consentAllowsAccess = (status: ConsentStatus): boolean =>
  status === 'ikke-nodvendig' || status === 'gitt' || status === 'venter-pa-familien';

/** The consents as they stood at `time` (ms): those recorded by then, withdrawn only if withdrawn by then. */
const consentsAt = (consents: readonly ConsentRecord[], time: number): ConsentRecord[] =>
  consents
    .filter((c) => c.recordedAt <= time)
    .map((c) => (c.withdrawnAt !== null && c.withdrawnAt > time ? { ...c, withdrawnAt: null } : c));

/**
 * Since when (ms) the family's consent has let a member open the plan without a break: the moment the consent that
 * covers them now took effect (was recorded), or the plan-level consent was given again after a withdrawal,
 * whichever is later. -Infinity when it has covered them since before any consent was recorded (the family, or the
 * creator before the family answered); +Infinity when it does not cover them now. The rules are `consentStatus`'s,
 * asked at each moment a consent was recorded or withdrawn.
 */
export function coveredSince(
  consents: readonly ConsentRecord[],
  userId: string,
  role: Role,
  plan: { createdBy: string },
): number {
  if (isFamilyRole(role)) return Number.NEGATIVE_INFINITY;
  const allowsAt = (time: number): boolean =>
    consentAllowsAccess(consentStatus(consentsAt(consents, time), userId, role, plan));
  const moments = [
    ...new Set(consents.flatMap((c) => (c.withdrawnAt === null ? [c.recordedAt] : [c.recordedAt, c.withdrawnAt]))),
  ].sort((a, b) => b - a);
  let since = Number.POSITIVE_INFINITY;
  // Newest first: the coverage runs back through every moment after which it still let them in.
  for (const moment of moments) {
    if (!allowsAt(moment)) return since;
    since = moment;
  }
  return allowsAt(Number.NEGATIVE_INFINITY) ? Number.NEGATIVE_INFINITY : since;
}
