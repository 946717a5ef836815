import type { PlanRole as Role } from '@samplan/api';
import type { NewAccessLogEntry } from '../AccessLogStore.ts';
import type { ConsentRecord } from '../ConsentStore.ts';
import { loggedWrite, type LoggedWrite } from './loggedWrite.ts';
import type { SqliteDatabase } from './openSqlite.ts';
import type { SqliteAccessLogStore } from './SqliteAccessLogStore.ts';
import type { SqliteConsentStore } from './SqliteConsentStore.ts';
import type { InviteRecord, AcceptOutcome, InviteStore } from '../InviteStore.ts';

interface InviteRow {
  id: string;
  plan_id: string;
  email: string;
  role: Role;
  membership_ends_at: number | null;
  invited_by: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
  revoked_by: string | null;
}

const toInvite = (row: InviteRow): InviteRecord => ({
  id: row.id,
  planId: row.plan_id,
  email: row.email,
  role: row.role,
  membershipEndsAt: row.membership_ends_at,
  invitedBy: row.invited_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
  acceptedBy: row.accepted_by,
  revokedAt: row.revoked_at,
  revokedBy: row.revoked_by,
});

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
      revoke: db.prepare<[number, string, string, string]>(
        `UPDATE invites SET revoked_at = ?, revoked_by = ?
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
      if (!row || row.revoked_at !== null) return 'revoked';
      if (row.accepted_at !== null) return 'used';
      if (row.expires_at <= now) return 'expired';
      if (this.statements.markAccepted.run(now, userId, inviteId).changes !== 1) return 'used';
      this.statements.putMembership.run(row.plan_id, userId, row.role, now, row.membership_ends_at, row.invited_by);
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
