import { canWritePart, FAMILY_ROLES, isFamilyRole, PLAN_ROLES, type PlanRole } from '@samplan/api';
import { PLAN_PARTS, type PlanPart } from '@samplan/plan-model';

/**
 * Who may do what in one plan: the one permission matrix of the server. REST routes and the websocket ask
 * `can(role, action)`; apps/server/PERMISSIONS.md shows the same table (a test keeps the two equal).
 */

/** Roles a member can have in one plan (part of the API contract, @samplan/api). */
export const ROLES = PLAN_ROLES;
export type Role = PlanRole;

/** The family owns the plan; everyone else needs the family's consent before they can open it (@samplan/api). */
export { FAMILY_ROLES, isFamilyRole };

export type EditAction = `edit:${PlanPart}`;

export const ACTIONS = [
  'read',
  ...PLAN_PARTS.map((part): EditAction => `edit:${part}`),
  'listMembers',
  'invite',
  'revokeFamily',
  'revokeOther',
  'readConsent',
  'consent',
  'readLog',
  'export',
  'readHistory',
  'nameVersion',
  'restorePlan',
] as const;
export type Action = (typeof ACTIONS)[number];

const ALL: readonly Role[] = ROLES;

// The roles × parts matrix is shared with the web app (@samplan/api PART_WRITERS).
const editRights = Object.fromEntries(
  PLAN_PARTS.map((part) => [`edit:${part}`, ROLES.filter((role) => canWritePart(role, part))]),
) as unknown as Record<EditAction, readonly Role[]>;

/** The matrix: for each action, the roles allowed it. Everything not listed is refused. */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  /** Open the plan: REST metadata, the websocket (sync), collab tokens. */
  read: ALL,
  /** Edit one part of the plan document: checked on every websocket update (PERMISSIONS.md). */
  ...editRights,
  listMembers: ALL,
  /** Invite by e-mail (which roles: grants.ts); also list and withdraw pending invitations. */
  invite: ['foresatt', 'koordinator'],
  /** End the membership of a foresatt or barn: only the family itself. */
  revokeFamily: ['foresatt'],
  /** End the membership of anyone outside the family. */
  revokeOther: ['foresatt', 'koordinator'],
  readConsent: ALL,
  /** Record and withdraw the family's consent. */
  consent: ['foresatt'],
  /** Read the innsynslogg. */
  readLog: ['foresatt', 'koordinator'],
  /** Download the whole plan as JSON. */
  export: ['foresatt', 'barn', 'koordinator'],
  /** See the versions, open and print any of them, compare two, see what was removed and by whom. */
  readHistory: ALL,
  /** Name the plan as it is now ("Vedtatt i ansvarsgruppemøtet 12. mars"). */
  nameVersion: ['foresatt', 'koordinator'],
  /** Bring back the whole plan as it was at a version. One part or one item: whoever may edit that part. */
  restorePlan: ['foresatt', 'koordinator'],
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

export const editAction = (part: PlanPart): EditAction => `edit:${part}`;

/** The actions a role may do, e.g. for the web app to show only the buttons that work. */
export function actionsOf(role: Role): Action[] {
  return (ACTIONS as readonly Action[]).filter((action) => can(role, action));
}

/** The parts of the plan document a role may write (empty for read-only roles). */
export function writableParts(role: Role): ReadonlySet<PlanPart> {
  return new Set(PLAN_PARTS.filter((part) => can(role, editAction(part))));
}
