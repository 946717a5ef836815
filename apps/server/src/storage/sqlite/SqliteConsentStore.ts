import type { NewAccessLogEntry } from '../AccessLogStore.ts';
import { loggedWrite, type LoggedWrite } from './loggedWrite.ts';
import type { SqliteDatabase } from './openSqlite.ts';
import type { SqliteAccessLogStore } from './SqliteAccessLogStore.ts';
import type { ConsentRecord, ConsentStore } from '../ConsentStore.ts';
import { toConsent, type ConsentRow } from '../consentRows.ts';

export class SqliteConsentStore implements ConsentStore {
  private readonly statements;
  private readonly logged: LoggedWrite;

  constructor(db: SqliteDatabase, accessLog: SqliteAccessLogStore) {
    this.logged = loggedWrite(db, accessLog);
    this.statements = {
      insert: db.prepare(
        `INSERT INTO consents (id, plan_id, kind, subject_user_id, subject_invite_id, given_by, given_at, note,
           recorded_by, recorded_at, given_by_user_id, given_login_method, given_login_level)
         VALUES (@id, @planId, @kind, @subjectUserId, @subjectInviteId, @givenBy, @givenAt, @note, @recordedBy,
           @recordedAt, @givenByUserId, @givenLoginMethod, @givenLoginLevel)`,
      ),
      byId: db.prepare<[string, string], ConsentRow>('SELECT * FROM consents WHERE plan_id = ? AND id = ?'),
      forPlan: db.prepare<[string], ConsentRow>('SELECT * FROM consents WHERE plan_id = ? ORDER BY recorded_at, id'),
      withdraw: db.prepare<[number, string | null, string | null, string, string]>(
        `UPDATE consents SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_note = ?
         WHERE plan_id = ? AND id = ? AND withdrawn_at IS NULL`,
      ),
    };
  }

  async create(consent: ConsentRecord, log: readonly NewAccessLogEntry[]): Promise<void> {
    this.logged(consent.planId, log, () => this.createSync(consent));
  }

  async createAll(consents: readonly ConsentRecord[], log: readonly NewAccessLogEntry[]): Promise<void> {
    if (consents.length === 0) return;
    this.logged(consents[0]!.planId, log, () => {
      for (const consent of consents) this.createSync(consent);
    });
  }

  createSync(consent: ConsentRecord): void {
    const { givenByAccount, ...record } = consent;
    this.statements.insert.run({
      ...record,
      givenByUserId: givenByAccount?.userId ?? null,
      givenLoginMethod: givenByAccount?.login?.method ?? null,
      givenLoginLevel: givenByAccount?.login?.level ?? null,
    });
  }

  async find(planId: string, consentId: string): Promise<ConsentRecord | undefined> {
    const row = this.statements.byId.get(planId, consentId);
    return row && toConsent(row);
  }

  async listForPlan(planId: string): Promise<ConsentRecord[]> {
    return this.statements.forPlan.all(planId).map(toConsent);
  }

  async withdraw(
    planId: string,
    consentId: string,
    by: string | null,
    now: number,
    note: string | null,
    log: readonly NewAccessLogEntry[],
  ): Promise<boolean> {
    return this.logged(
      planId,
      log,
      () => this.statements.withdraw.run(now, by, note, planId, consentId).changes > 0,
      (withdrawn) => withdrawn,
    );
  }
}
