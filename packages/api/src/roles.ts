/** The roles a member of a plan can have; what each may do is the server's permission matrix (PERMISSIONS.md). */
export const PLAN_ROLES = ['foresatt', 'barn', 'koordinator', 'deltaker', 'lesetilgang'] as const;
export type PlanRole = (typeof PLAN_ROLES)[number];
