import type { Role } from '../auth/roles.ts';
import type { SqliteDatabase } from './openSqlite.ts';

export interface PlanRecord {
  id: string;
  title: string;
  childName: string;
  createdBy: string;
  createdAt: number;
}

export interface Membership {
  planId: string;
  userId: string;
  role: Role;
}

/** Plans and who is a member of each. */
export interface PlanStore {
  createPlan(plan: PlanRecord, creatorRole: Role): Promise<void>;
  findPlan(planId: string): Promise<PlanRecord | undefined>;
  findMembership(planId: string, userId: string): Promise<Membership | undefined>;
  plansOfUser(userId: string): Promise<Array<PlanRecord & { role: Role }>>;
}

interface PlanRow {
  id: string;
  title: string;
  child_name: string;
  created_by: string;
  created_at: number;
}

const toPlan = (row: PlanRow): PlanRecord => ({
  id: row.id,
  title: row.title,
  childName: row.child_name,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export class SqlitePlanStore implements PlanStore {
  private readonly statements;
  private readonly createTx;

  constructor(db: SqliteDatabase) {
    this.statements = {
      insertPlan: db.prepare<[string, string, string, string, number]>(
        'INSERT INTO plans (id, title, child_name, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      insertMembership: db.prepare<[string, string, string, number]>(
        'INSERT INTO memberships (plan_id, user_id, role, created_at) VALUES (?, ?, ?, ?)',
      ),
      plan: db.prepare<[string], PlanRow>('SELECT * FROM plans WHERE id = ?'),
      membership: db.prepare<[string, string], { role: Role }>(
        'SELECT role FROM memberships WHERE plan_id = ? AND user_id = ?',
      ),
      plansOfUser: db.prepare<[string], PlanRow & { role: Role }>(
        `SELECT plans.*, memberships.role FROM memberships JOIN plans ON plans.id = memberships.plan_id
         WHERE memberships.user_id = ? ORDER BY plans.created_at DESC`,
      ),
    };
    this.createTx = db.transaction((plan: PlanRecord, role: Role) => {
      this.statements.insertPlan.run(plan.id, plan.title, plan.childName, plan.createdBy, plan.createdAt);
      this.statements.insertMembership.run(plan.id, plan.createdBy, role, plan.createdAt);
    });
  }

  async createPlan(plan: PlanRecord, creatorRole: Role): Promise<void> {
    this.createTx(plan, creatorRole);
  }

  async findPlan(planId: string): Promise<PlanRecord | undefined> {
    const row = this.statements.plan.get(planId);
    return row && toPlan(row);
  }

  async findMembership(planId: string, userId: string): Promise<Membership | undefined> {
    const row = this.statements.membership.get(planId, userId);
    return row && { planId, userId, role: row.role };
  }

  async plansOfUser(userId: string): Promise<Array<PlanRecord & { role: Role }>> {
    return this.statements.plansOfUser.all(userId).map((row) => ({ ...toPlan(row), role: row.role }));
  }
}
