import type pg from 'pg';
import type { NewAccessLogEntry } from '../AccessLogStore.ts';
import type { ConsentRecord } from '../ConsentStore.ts';
import type { AcceptOutcome, InviteRecord, InviteStore } from '../InviteStore.ts';
import { toInvite, type InviteRow } from '../inviteRows.ts';
import { inTransaction } from './inTransaction.ts';
import type { PostgresAccessLogStore } from './PostgresAccessLogStore.ts';
import type { PostgresConsentStore } from './PostgresConsentStore.ts';

/**
 * Invitations on PostgreSQL (migration 6). Accepting locks the invitation's row (`FOR UPDATE`), so of two instances
 * accepting one link at once exactly one makes a member; the membership, the consent bound to the new member and the
 * log entries commit with it.
 */
export class PostgresInviteStore implements InviteStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly accessLog: PostgresAccessLogStore,
    private readonly consents: PostgresConsentStore,
  ) {}

  async create(
    invite: InviteRecord,
    tokenHash: string,
    options: { consent?: ConsentRecord; log: readonly NewAccessLogEntry[] },
  ): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO invites (id, plan_id, token_hash, email, role, membership_ends_at, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          invite.id,
          invite.planId,
          tokenHash,
          invite.email,
          invite.role,
          invite.membershipEndsAt,
          invite.invitedBy,
          invite.createdAt,
          invite.expiresAt,
        ],
      );
      if (options.consent) await this.consents.createIn(client, options.consent);
      await this.accessLog.appendIn(client, invite.planId, options.log);
    });
  }

  async findByTokenHash(tokenHash: string): Promise<InviteRecord | undefined> {
    const row = (await this.pool.query<InviteRow>('SELECT * FROM invites WHERE token_hash = $1', [tokenHash])).rows[0];
    return row && toInvite(row);
  }

  async find(planId: string, inviteId: string): Promise<InviteRecord | undefined> {
    const result = await this.pool.query<InviteRow>('SELECT * FROM invites WHERE plan_id = $1 AND id = $2', [
      planId,
      inviteId,
    ]);
    const row = result.rows[0];
    return row && toInvite(row);
  }

  async listForPlan(planId: string): Promise<InviteRecord[]> {
    const result = await this.pool.query<InviteRow>(
      'SELECT * FROM invites WHERE plan_id = $1 ORDER BY created_at DESC',
      [planId],
    );
    return result.rows.map(toInvite);
  }

  async countByInviterSince(userId: string, since: number): Promise<number> {
    const result = await this.pool.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM invites WHERE invited_by = $1 AND created_at >= $2',
      [userId, since],
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  async revoke(
    planId: string,
    inviteId: string,
    by: string,
    now: number,
    log: readonly NewAccessLogEntry[],
  ): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const result = await client.query(
        `UPDATE invites SET revoked_at = $1, revoked_by = $2
         WHERE plan_id = $3 AND id = $4 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [now, by, planId, inviteId],
      );
      if ((result.rowCount ?? 0) === 0) return false;
      await this.accessLog.appendIn(client, planId, log);
      return true;
    });
  }

  async vouch(planId: string, inviteId: string, by: string, log: readonly NewAccessLogEntry[]): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const result = await client.query(
        `UPDATE invites SET invited_by = $1
         WHERE plan_id = $2 AND id = $3 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [by, planId, inviteId],
      );
      if ((result.rowCount ?? 0) === 0) return false;
      await this.accessLog.appendIn(client, planId, log);
      return true;
    });
  }

  async accept(
    inviteId: string,
    userId: string,
    now: number,
    log: readonly NewAccessLogEntry[],
  ): Promise<AcceptOutcome> {
    return inTransaction(this.pool, async (client) => {
      const row = (await client.query<InviteRow>('SELECT * FROM invites WHERE id = $1 FOR UPDATE', [inviteId])).rows[0];
      if (!row || row.revoked_at !== null) return 'revoked';
      if (row.accepted_at !== null) return 'used';
      if (Number(row.expires_at) <= now) return 'expired';
      await client.query('UPDATE invites SET accepted_at = $1, accepted_by = $2 WHERE id = $3', [
        now,
        userId,
        inviteId,
      ]);
      await client.query(
        `INSERT INTO memberships (plan_id, user_id, role, created_at, ends_at, invited_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (plan_id, user_id) DO UPDATE SET role = excluded.role, created_at = excluded.created_at,
           ends_at = excluded.ends_at, invited_by = excluded.invited_by`,
        [row.plan_id, userId, row.role, now, row.membership_ends_at, row.invited_by],
      );
      await client.query(
        'UPDATE consents SET subject_user_id = $1 WHERE subject_invite_id = $2 AND subject_user_id IS NULL',
        [userId, inviteId],
      );
      await this.accessLog.appendIn(client, row.plan_id, log);
      return 'accepted';
    });
  }
}
