/** Roles a member can have in one plan. */
export const ROLES = ['foresatt', 'barn', 'koordinator', 'deltaker', 'lesetilgang'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose edits to the plan document are applied and kept. */
const WRITING_ROLES: ReadonlySet<Role> = new Set(['foresatt', 'barn', 'koordinator', 'deltaker']);

export function canEditPlan(role: Role): boolean {
  return WRITING_ROLES.has(role);
}
