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
