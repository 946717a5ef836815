import type { PlanRole as Role } from '@samplan/api';
import type pg from 'pg';
import type { NewAccessLogEntry } from '../AccessLogStore.ts';
import type { Membership, MemberWithUser, PlanRecord, PlanStore } from '../PlanStore.ts';
import { toMembership, toPlan, type MembershipRow, type PlanRow } from '../planRows.ts';
import { inTransaction } from './inTransaction.ts';
import type { PostgresAccessLogStore } from './PostgresAccessLogStore.ts';

/** Active at $n: no end, or an end still to come. */
const active = (n: number) => `(memberships.ends_at IS NULL OR memberships.ends_at > $${n})`;

/** Plans and memberships on PostgreSQL (migration 5); a membership change and its innsynslogg entries commit together. */
export class PostgresPlanStore implements PlanStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly accessLog: PostgresAccessLogStore,
  ) {}

  /** The plan and its creator's membership, inside the transaction that creates the plan. */
  async createIn(client: pg.PoolClient, plan: PlanRecord, creatorRole: Role): Promise<void> {
    await client.query(
      'INSERT INTO plans (id, title, child_name, created_by, created_at, example) VALUES ($1, $2, $3, $4, $5, $6)',
      [plan.id, plan.title, plan.childName, plan.createdBy, plan.createdAt, plan.example ? 1 : 0],
    );
    await client.query('INSERT INTO memberships (plan_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)', [
      plan.id,
      plan.createdBy,
      creatorRole,
      plan.createdAt,
    ]);
  }

  async findPlan(planId: string): Promise<PlanRecord | undefined> {
    const row = (await this.pool.query<PlanRow>('SELECT * FROM plans WHERE id = $1', [planId])).rows[0];
    return row && toPlan(row);
  }

  async allPlanIds(): Promise<string[]> {
    const result = await this.pool.query<{ id: string }>('SELECT id FROM plans ORDER BY created_at');
    return result.rows.map((row) => row.id);
  }

  async findMembership(planId: string, userId: string, now = Date.now()): Promise<Membership | undefined> {
    const result = await this.pool.query<MembershipRow>(
      `SELECT * FROM memberships WHERE plan_id = $1 AND user_id = $2 AND ${active(3)}`,
      [planId, userId, now],
    );
    const row = result.rows[0];
    return row && toMembership(row);
  }

  async plansOfUser(userId: string, now = Date.now()): Promise<Array<PlanRecord & { role: Role }>> {
    const result = await this.pool.query<PlanRow & { role: Role }>(
      `SELECT plans.*, memberships.role FROM memberships JOIN plans ON plans.id = memberships.plan_id
       WHERE memberships.user_id = $1 AND ${active(2)} ORDER BY plans.created_at DESC`,
      [userId, now],
    );
    return result.rows.map((row) => ({ ...toPlan(row), role: row.role }));
  }

  async listMembers(planId: string, now = Date.now()): Promise<MemberWithUser[]> {
    const result = await this.pool.query<MembershipRow & { name: string; email: string }>(
      `SELECT memberships.*, users.name, users.email FROM memberships JOIN users ON users.id = memberships.user_id
       WHERE memberships.plan_id = $1 AND ${active(2)} ORDER BY memberships.created_at, users.name`,
      [planId, now],
    );
    return result.rows.map((row) => ({ ...toMembership(row), name: row.name, email: row.email }));
  }

  async putMembership(m: Membership, log: readonly NewAccessLogEntry[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO memberships (plan_id, user_id, role, created_at, ends_at, invited_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (plan_id, user_id) DO UPDATE SET role = excluded.role, created_at = excluded.created_at,
           ends_at = excluded.ends_at, invited_by = excluded.invited_by`,
        [m.planId, m.userId, m.role, m.createdAt, m.endsAt, m.invitedBy],
      );
      await this.accessLog.appendIn(client, m.planId, log);
    });
  }

  async removeMembership(planId: string, userId: string, log: readonly NewAccessLogEntry[]): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const removed = await client.query('DELETE FROM memberships WHERE plan_id = $1 AND user_id = $2', [
        planId,
        userId,
      ]);
      if ((removed.rowCount ?? 0) === 0) return false;
      await this.accessLog.appendIn(client, planId, log);
      return true;
    });
  }

  async endedMemberships(now: number): Promise<Membership[]> {
    const result = await this.pool.query<MembershipRow>(
      'SELECT * FROM memberships WHERE ends_at IS NOT NULL AND ends_at <= $1 ORDER BY ends_at',
      [now],
    );
    return result.rows.map(toMembership);
  }

  async nextMembershipEnd(): Promise<number | undefined> {
    const result = await this.pool.query<{ next: string | null }>(
      'SELECT MIN(ends_at) AS next FROM memberships WHERE ends_at IS NOT NULL',
    );
    const next = result.rows[0]?.next;
    return next === null || next === undefined ? undefined : Number(next);
  }
}
