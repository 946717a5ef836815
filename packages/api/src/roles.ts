/** The roles a member of a plan can have; what each may do is the server's permission matrix (PERMISSIONS.md). */
export const PLAN_ROLES = ['foresatt', 'barn', 'koordinator', 'deltaker', 'lesetilgang'] as const;
export type PlanRole = (typeof PLAN_ROLES)[number];

/** The family owns the plan; everyone else needs the family's consent before they can open it. */
export const FAMILY_ROLES: ReadonlySet<PlanRole> = new Set<PlanRole>(['foresatt', 'barn']);

export const isFamilyRole = (role: PlanRole): boolean => FAMILY_ROLES.has(role);
