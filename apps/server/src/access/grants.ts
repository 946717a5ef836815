import { isFamilyRole, ROLES, type Role } from './roles.ts';

/**
 * The roles a member may give others by invitation. Only the family makes family members: a `foresatt` grants any
 * role; a `koordinator` grants `koordinator`, `deltaker` and `lesetilgang` (each still needs the family's consent to
 * open the plan), and the family's roles only while the plan has no `foresatt` yet (a plan the koordinator made for
 * the family, before the family has joined). Nobody else invites.
 */
export function grantableRoles(role: Role, planHasForesatt: boolean): readonly Role[] {
  if (role === 'foresatt') return ROLES;
  if (role === 'koordinator') return planHasForesatt ? ROLES.filter((r) => !isFamilyRole(r)) : ROLES;
  return [];
}

/**
 * Whether an invitation with `role` waits for the family: one into the family made by someone outside it (`inviterRole`,
 * null when the inviter is no longer a member) while a foresatt is in the plan. Only a foresatt's confirmation lets it
 * be used.
 */
export function waitsForFamily(role: Role, inviterRole: Role | null, planHasForesatt: boolean): boolean {
  return isFamilyRole(role) && planHasForesatt && inviterRole !== 'foresatt';
}
