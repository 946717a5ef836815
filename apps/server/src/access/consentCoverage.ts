import type { ConsentStatus } from '@samplan/api';
import { isFamilyRole, type Role } from './roles.ts';
import type { ConsentRecord } from '../storage/ConsentStore.ts';

/**
 * Whether the family's consent lets a member open the plan. The family needs none. Anyone else needs an active
 * `sharing` consent naming them; and once any consent to the plan itself has been recorded, at least one must
 * still be active (withdrawing consent to the plan shuts everyone outside the family out).
 */
export function consentStatus(consents: readonly ConsentRecord[], userId: string, role: Role): ConsentStatus {
  if (isFamilyRole(role)) return 'ikke-nodvendig';
  const planConsents = consents.filter((c) => c.kind === 'plan');
  if (planConsents.length > 0 && planConsents.every((c) => c.withdrawnAt !== null)) return 'trukket-for-planen';
  const covered = consents.some((c) => c.kind === 'sharing' && c.subjectUserId === userId && c.withdrawnAt === null);
  return covered ? 'gitt' : 'mangler';
}

export const consentAllowsAccess = (status: ConsentStatus): boolean => status === 'ikke-nodvendig' || status === 'gitt';
