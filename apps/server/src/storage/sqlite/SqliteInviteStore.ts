import type { NewAccessLogEntry } from '../AccessLogStore.ts';
import type { ConsentRecord } from '../ConsentStore.ts';
import { loggedWrite, type LoggedWrite } from './loggedWrite.ts';
import type { SqliteDatabase } from './openSqlite.ts';
import type { SqliteAccessLogStore } from './SqliteAccessLogStore.ts';
import type { SqliteConsentStore } from './SqliteConsentStore.ts';
import type { InviteRecord, AcceptOutcome, InviteStore } from '../InviteStore.ts';
import { toInvite, type InviteRow } from '../inviteRows.ts';

export class SqliteInviteStore implements InviteStore {
  private readonly statements;
  private readonly acceptTx;
  private readonly logged: LoggedWrite;
  private readonly consents: SqliteConsentStore;

  constructor(db: SqliteDatabase, accessLog: SqliteAccessLogStore, consents: SqliteConsentStore) {
    this.logged = loggedWrite(db, accessLog);
    this.consents = consents;
    this.statements = {
      insert: db.prepare(
        `INSERT INTO invites (id, plan_id, token_hash, email, role, membership_ends_at, invited_by, created_at, expires_at)
         VALUES (@id, @planId, @tokenHash, @email, @role, @membershipEndsAt, @invitedBy, @createdAt, @expiresAt)`,
      ),
      byTokenHash: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE token_hash = ?'),
      byId: db.prepare<[string, string], InviteRow>('SELECT * FROM invites WHERE plan_id = ? AND id = ?'),
      rawById: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE id = ?'),
      forPlan: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE plan_id = ? ORDER BY created_at DESC'),
      countByInviter: db
        .prepare<[string, number], number>('SELECT COUNT(*) FROM invites WHERE invited_by = ? AND created_at >= ?')
        .pluck(),
      revoke: db.prepare<[number, string, string, string]>(
        `UPDATE invites SET revoked_at = ?, revoked_by = ?
         WHERE plan_id = ? AND id = ? AND accepted_at IS NULL AND revoked_at IS NULL`,
      ),
      vouch: db.prepare<[string, string, string]>(
        `UPDATE invites SET invited_by = ?
         WHERE plan_id = ? AND id = ? AND accepted_at IS NULL AND revoked_at IS NULL`,
      ),
      markAccepted: db.prepare<[number, string, string]>(
        'UPDATE invites SET accepted_at = ?, accepted_by = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL',
      ),
      putMembership: db.prepare<[string, string, string, number, number | null, string]>(
        `INSERT INTO memberships (plan_id, user_id, role, created_at, ends_at, invited_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(plan_id, user_id) DO UPDATE SET role = excluded.role, created_at = excluded.created_at,
           ends_at = excluded.ends_at, invited_by = excluded.invited_by`,
      ),
      bindConsents: db.prepare<[string, string]>(
        'UPDATE consents SET subject_user_id = ? WHERE subject_invite_id = ? AND subject_user_id IS NULL',
      ),
    };
    this.acceptTx = db.transaction((inviteId: string, userId: string, now: number): AcceptOutcome => {
      const row = this.statements.rawById.get(inviteId);
      const invite = row && toInvite(row);
      if (!invite || invite.revokedAt !== null) return 'revoked';
      if (invite.acceptedAt !== null) return 'used';
      if (invite.expiresAt <= now) return 'expired';
      if (this.statements.markAccepted.run(now, userId, inviteId).changes !== 1) return 'used';
      this.statements.putMembership.run(
        invite.planId,
        userId,
        invite.role,
        now,
        invite.membershipEndsAt,
        invite.invitedBy,
      );
      this.statements.bindConsents.run(userId, inviteId);
      return 'accepted';
    });
  }

  async create(
    invite: InviteRecord,
    tokenHash: string,
    options: { consent?: ConsentRecord; log: readonly NewAccessLogEntry[] },
  ): Promise<void> {
    this.logged(invite.planId, options.log, () => {
      this.statements.insert.run({ ...invite, tokenHash });
      if (options.consent) this.consents.createSync(options.consent);
    });
  }

  async findByTokenHash(tokenHash: string): Promise<InviteRecord | undefined> {
    const row = this.statements.byTokenHash.get(tokenHash);
    return row && toInvite(row);
  }

  async find(planId: string, inviteId: string): Promise<InviteRecord | undefined> {
    const row = this.statements.byId.get(planId, inviteId);
    return row && toInvite(row);
  }

  async listForPlan(planId: string): Promise<InviteRecord[]> {
    return this.statements.forPlan.all(planId).map(toInvite);
  }

  async countByInviterSince(userId: string, since: number): Promise<number> {
    return this.statements.countByInviter.get(userId, since) ?? 0;
  }

  async revoke(
    planId: string,
    inviteId: string,
    by: string,
    now: number,
    log: readonly NewAccessLogEntry[],
  ): Promise<boolean> {
    return this.logged(
      planId,
      log,
      () => this.statements.revoke.run(now, by, planId, inviteId).changes > 0,
      (revoked) => revoked,
    );
  }

  async vouch(planId: string, inviteId: string, by: string, log: readonly NewAccessLogEntry[]): Promise<boolean> {
    return this.logged(
      planId,
      log,
      () => this.statements.vouch.run(by, planId, inviteId).changes > 0,
      (vouched) => vouched,
    );
  }

  async accept(
    inviteId: string,
    userId: string,
    now: number,
    log: readonly NewAccessLogEntry[],
  ): Promise<AcceptOutcome> {
    const planId = this.statements.rawById.get(inviteId)?.plan_id ?? '';
    return this.logged(
      planId,
      log,
      () => this.acceptTx(inviteId, userId, now),
      (outcome) => outcome === 'accepted',
    );
  }
}
