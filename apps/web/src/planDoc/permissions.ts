import type { PlanInfo } from '@samplan/api';

/** Whether my role in the plan may do `action` (the server's matrix, sent with the plan as `permissions`). */
export function canDo(info: PlanInfo, action: string): boolean {
  return info.permissions.includes(action);
}

/** Whether I may end or change the membership of someone with this role (the family decides about the family). */
export function canChangeMember(info: PlanInfo, member: { family: boolean }): boolean {
  return canDo(info, member.family ? 'revokeFamily' : 'revokeOther');
}
