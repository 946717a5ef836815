import type pg from 'pg';
import type { NewAccessLogEntry } from '../AccessLogStore.ts';
import type { ConsentRecord, ConsentStore } from '../ConsentStore.ts';
import { toConsent, type ConsentRow } from '../consentRows.ts';
import { inTransaction } from './inTransaction.ts';
import type { PostgresAccessLogStore } from './PostgresAccessLogStore.ts';

/** The family's consent on PostgreSQL (migration 6); each write commits with its innsynslogg entries. */
export class PostgresConsentStore implements ConsentStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly accessLog: PostgresAccessLogStore,
  ) {}

  /** Writes one consent inside the caller's transaction (an invitation made with the family's consent). */
  async createIn(client: pg.PoolClient, c: ConsentRecord): Promise<void> {
    await client.query(
      `INSERT INTO consents (id, plan_id, kind, subject_user_id, subject_invite_id, given_by, given_at, note,
         recorded_by, recorded_at, given_by_user_id, given_login_method, given_login_level)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        c.id,
        c.planId,
        c.kind,
        c.subjectUserId,
        c.subjectInviteId,
        c.givenBy,
        c.givenAt,
        c.note,
        c.recordedBy,
        c.recordedAt,
        c.givenByAccount?.userId ?? null,
        c.givenByAccount?.login?.method ?? null,
        c.givenByAccount?.login?.level ?? null,
      ],
    );
  }

  create(consent: ConsentRecord, log: readonly NewAccessLogEntry[]): Promise<void> {
    return this.createAll([consent], log);
  }

  async createAll(consents: readonly ConsentRecord[], log: readonly NewAccessLogEntry[]): Promise<void> {
    if (consents.length === 0) return;
    await inTransaction(this.pool, async (client) => {
      for (const consent of consents) await this.createIn(client, consent);
      await this.accessLog.appendIn(client, consents[0]!.planId, log);
    });
  }

  async find(planId: string, consentId: string): Promise<ConsentRecord | undefined> {
    const result = await this.pool.query<ConsentRow>('SELECT * FROM consents WHERE plan_id = $1 AND id = $2', [
      planId,
      consentId,
    ]);
    const row = result.rows[0];
    return row && toConsent(row);
  }

  async listForPlan(planId: string): Promise<ConsentRecord[]> {
    const result = await this.pool.query<ConsentRow>(
      'SELECT * FROM consents WHERE plan_id = $1 ORDER BY recorded_at, id',
      [planId],
    );
    return result.rows.map(toConsent);
  }

  async withdraw(
    planId: string,
    consentId: string,
    by: string | null,
    now: number,
    note: string | null,
    log: readonly NewAccessLogEntry[],
  ): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const result = await client.query(
        `UPDATE consents SET withdrawn_at = $1, withdrawn_by = $2, withdrawal_note = $3
         WHERE plan_id = $4 AND id = $5 AND withdrawn_at IS NULL`,
        [now, by, note, planId, consentId],
      );
      if ((result.rowCount ?? 0) === 0) return false;
      await this.accessLog.appendIn(client, planId, log);
      return true;
    });
  }
}
