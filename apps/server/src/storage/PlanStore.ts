import type { PlanRole as Role } from '@samplan/api';
import type { NewAccessLogEntry } from './AccessLogStore.ts';

export interface PlanRecord {
  id: string;
  title: string;
  childName: string;
  createdBy: string;
  createdAt: number;
  /** Made with the invented example content, to try Samplan: nobody is notified of what its dates say. */
  example?: boolean;
}

export interface Membership {
  planId: string;
  userId: string;
  role: Role;
  createdAt: number;
  /** When access ends (ms); null for no end. */
  endsAt: number | null;
  invitedBy: string | null;
}

export interface MemberWithUser extends Membership {
  name: string;
  email: string;
}

/**
 * Plans and who is a member of each. A membership whose end has passed counts as gone everywhere, even before
 * the expiry sweep removes it.
 */
export interface PlanStore {
  findPlan(planId: string): Promise<PlanRecord | undefined>;
  /** Every plan's id (the notifier's daily sweep). */
  allPlanIds(): Promise<string[]>;
  findMembership(planId: string, userId: string, now?: number): Promise<Membership | undefined>;
  plansOfUser(userId: string, now?: number): Promise<Array<PlanRecord & { role: Role }>>;
  listMembers(planId: string, now?: number): Promise<MemberWithUser[]>;
  /** Adds a member, or replaces an ended membership of the same user. */
  putMembership(membership: Membership, log: readonly NewAccessLogEntry[]): Promise<void>;
  /** Removes a membership; false when there was none. */
  removeMembership(planId: string, userId: string, log: readonly NewAccessLogEntry[]): Promise<boolean>;
  /** Memberships whose end is at or before `now`. */
  endedMemberships(now: number): Promise<Membership[]>;
  /** The earliest end of any membership, if any has one. */
  nextMembershipEnd(): Promise<number | undefined>;
}
