import type { PlanRole as Role } from '@samplan/api';
import type { NewAccessLogEntry } from '../AccessLogStore.ts';
import { loggedWrite, type LoggedWrite } from './loggedWrite.ts';
import type { SqliteDatabase } from './openSqlite.ts';
import type { SqliteAccessLogStore } from './SqliteAccessLogStore.ts';
import type { PlanRecord, Membership, MemberWithUser, PlanStore } from '../PlanStore.ts';
import { toMembership, toPlan, type MembershipRow, type PlanRow } from '../planRows.ts';

const ACTIVE = '(memberships.ends_at IS NULL OR memberships.ends_at > ?)';

export class SqlitePlanStore implements PlanStore {
  private readonly statements;
  private readonly logged: LoggedWrite;

  constructor(db: SqliteDatabase, accessLog: SqliteAccessLogStore) {
    this.logged = loggedWrite(db, accessLog);
    this.statements = {
      insertPlan: db.prepare<[string, string, string, string, number, number]>(
        'INSERT INTO plans (id, title, child_name, created_by, created_at, example) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertMembership: db.prepare<[string, string, string, number]>(
        'INSERT INTO memberships (plan_id, user_id, role, created_at) VALUES (?, ?, ?, ?)',
      ),
      plan: db.prepare<[string], PlanRow>('SELECT * FROM plans WHERE id = ?'),
      allPlanIds: db.prepare<[], string>('SELECT id FROM plans ORDER BY created_at').pluck(),
      membership: db.prepare<[string, string, number], MembershipRow>(
        `SELECT * FROM memberships WHERE plan_id = ? AND user_id = ? AND ${ACTIVE}`,
      ),
      plansOfUser: db.prepare<[string, number], PlanRow & { role: Role }>(
        `SELECT plans.*, memberships.role FROM memberships JOIN plans ON plans.id = memberships.plan_id
         WHERE memberships.user_id = ? AND ${ACTIVE} ORDER BY plans.created_at DESC`,
      ),
      members: db.prepare<[string, number], MembershipRow & { name: string; email: string }>(
        `SELECT memberships.*, users.name, users.email FROM memberships JOIN users ON users.id = memberships.user_id
         WHERE memberships.plan_id = ? AND ${ACTIVE} ORDER BY memberships.created_at, users.name`,
      ),
      putMembership: db.prepare<[string, string, string, number, number | null, string | null]>(
        `INSERT INTO memberships (plan_id, user_id, role, created_at, ends_at, invited_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(plan_id, user_id) DO UPDATE SET role = excluded.role, created_at = excluded.created_at,
           ends_at = excluded.ends_at, invited_by = excluded.invited_by`,
      ),
      removeMembership: db.prepare<[string, string]>('DELETE FROM memberships WHERE plan_id = ? AND user_id = ?'),
      ended: db.prepare<[number], MembershipRow>(
        'SELECT * FROM memberships WHERE ends_at IS NOT NULL AND ends_at <= ? ORDER BY ends_at',
      ),
      nextEnd: db.prepare<[], number | null>('SELECT MIN(ends_at) FROM memberships WHERE ends_at IS NOT NULL').pluck(),
    };
  }

  /** The plan and its creator's membership; part of the transaction that creates a plan (openSqliteStorage). */
  createSync(plan: PlanRecord, creatorRole: Role): void {
    const { id, title, childName, createdBy, createdAt, example } = plan;
    this.statements.insertPlan.run(id, title, childName, createdBy, createdAt, example ? 1 : 0);
    this.statements.insertMembership.run(plan.id, plan.createdBy, creatorRole, plan.createdAt);
  }

  async allPlanIds(): Promise<string[]> {
    return this.statements.allPlanIds.all();
  }

  async findPlan(planId: string): Promise<PlanRecord | undefined> {
    const row = this.statements.plan.get(planId);
    return row && toPlan(row);
  }

  async findMembership(planId: string, userId: string, now = Date.now()): Promise<Membership | undefined> {
    const row = this.statements.membership.get(planId, userId, now);
    return row && toMembership(row);
  }

  async plansOfUser(userId: string, now = Date.now()): Promise<Array<PlanRecord & { role: Role }>> {
    return this.statements.plansOfUser.all(userId, now).map((row) => ({ ...toPlan(row), role: row.role }));
  }

  async listMembers(planId: string, now = Date.now()): Promise<MemberWithUser[]> {
    return this.statements.members
      .all(planId, now)
      .map((row) => ({ ...toMembership(row), name: row.name, email: row.email }));
  }

  async putMembership(m: Membership, log: readonly NewAccessLogEntry[]): Promise<void> {
    this.logged(m.planId, log, () =>
      this.statements.putMembership.run(m.planId, m.userId, m.role, m.createdAt, m.endsAt, m.invitedBy),
    );
  }

  async removeMembership(planId: string, userId: string, log: readonly NewAccessLogEntry[]): Promise<boolean> {
    return this.logged(
      planId,
      log,
      () => this.statements.removeMembership.run(planId, userId).changes > 0,
      (removed) => removed,
    );
  }

  async endedMemberships(now: number): Promise<Membership[]> {
    return this.statements.ended.all(now).map(toMembership);
  }

  async nextMembershipEnd(): Promise<number | undefined> {
    return (this.statements.nextEnd.get() as number | null | undefined) ?? undefined;
  }
}
