import type { PlanRole as Role } from '@samplan/api';
import type { Membership, PlanRecord } from './PlanStore.ts';
import { intOrNull, type Int } from './rowValues.ts';

// Plans' and memberships' rows, mapped alike for both stores.

export interface PlanRow {
  id: string;
  title: string;
  child_name: string;
  created_by: string;
  created_at: Int;
  example: Int;
}

export interface MembershipRow {
  plan_id: string;
  user_id: string;
  role: Role;
  created_at: Int;
  ends_at: Int | null;
  invited_by: string | null;
}

export const toPlan = (row: PlanRow): PlanRecord => ({
  id: row.id,
  title: row.title,
  childName: row.child_name,
  createdBy: row.created_by,
  createdAt: Number(row.created_at),
  ...(Number(row.example) === 1 && { example: true }),
});

export const toMembership = (row: MembershipRow): Membership => ({
  planId: row.plan_id,
  userId: row.user_id,
  role: row.role,
  createdAt: Number(row.created_at),
  endsAt: intOrNull(row.ends_at),
  invitedBy: row.invited_by,
});
