import { StaleProjectionPass } from '../StaleProjectionPass.ts';
import type {
  DeletionRecord,
  HistoryStore,
  ProjectionCursor,
  ProjectionPass,
  VersionName,
  VersionRecord,
} from '../HistoryStore.ts';
import { toDeletion, toName, toVersion, type DeletionRow, type NameRow, type VersionRow } from '../historyRows.ts';
import type { NewAccessLogEntry } from '../AccessLogStore.ts';
import { loggedWrite, type LoggedWrite } from './loggedWrite.ts';
import type { SqliteDatabase } from './openSqlite.ts';
import type { SqliteAccessLogStore } from './SqliteAccessLogStore.ts';

export class SqliteHistoryStore implements HistoryStore {
  private readonly statements;
  private readonly commitTx;
  private readonly logged: LoggedWrite;

  constructor(db: SqliteDatabase, accessLog: SqliteAccessLogStore) {
    this.logged = loggedWrite(db, accessLog);
    this.statements = {
      cursor: db.prepare<[string], { seq: number; state: Buffer; pending: string; change_logged_through: number }>(
        'SELECT seq, state, pending, change_logged_through FROM projection_cursors WHERE plan_id = ?',
      ),
      putCursor: db.prepare<[string, number, Uint8Array, string, number]>(
        `INSERT INTO projection_cursors (plan_id, seq, state, pending, change_logged_through) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(plan_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, pending = excluded.pending,
           change_logged_through = excluded.change_logged_through`,
      ),
      putVersion: db.prepare<[string, number, number, number, number, string, string, string]>(
        `INSERT INTO doc_versions (plan_id, from_seq, to_seq, first_at, last_at, kind, authors, parts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(plan_id, from_seq) DO UPDATE SET to_seq = excluded.to_seq, first_at = excluded.first_at,
           last_at = excluded.last_at, kind = excluded.kind, authors = excluded.authors, parts = excluded.parts`,
      ),
      deleteVersion: db.prepare<[string, number]>('DELETE FROM doc_versions WHERE plan_id = ? AND from_seq = ?'),
      versions: db.prepare<[string, number, number, number], VersionRow>(
        'SELECT * FROM doc_versions WHERE plan_id = ? AND to_seq < ? AND to_seq >= ? ORDER BY to_seq DESC LIMIT ?',
      ),
      addName: db.prepare<[string, number, string, string, string | null, number]>(
        `INSERT INTO doc_version_names (plan_id, seq, name, kind, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      // A member's name for a version replaces the name they gave it; another's, or one from a meeting or revision, stays.
      nameVersion: db.prepare<[string, number, string, string, string | null, number]>(
        `INSERT INTO doc_version_names (plan_id, seq, name, kind, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (plan_id, seq) DO UPDATE SET name = excluded.name, user_id = excluded.user_id,
           created_at = excluded.created_at
         WHERE doc_version_names.kind = 'manual' AND excluded.kind = 'manual'
           AND doc_version_names.user_id = excluded.user_id`,
      ),
      names: db.prepare<[string], NameRow>('SELECT * FROM doc_version_names WHERE plan_id = ? ORDER BY seq'),
      addDeletion: db.prepare<[string, number, string, string, string, string | null, string | null, number]>(
        `INSERT INTO doc_deletions (plan_id, seq, collection, item_id, title, parent_id, user_id, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      markReturned: db.prepare<[number, string, string, string, number]>(
        `UPDATE doc_deletions SET returned_seq = ?
         WHERE plan_id = ? AND item_id = ? AND collection = ? AND returned_seq IS NULL AND seq < ?`,
      ),
      deletions: db.prepare<[string, number, number, number], DeletionRow>(
        `SELECT * FROM doc_deletions WHERE plan_id = ? AND at >= ? AND seq >= ? AND returned_seq IS NULL
         ORDER BY seq DESC LIMIT ?`,
      ),
      deletionsBetween: db.prepare<[string, number, number], DeletionRow>(
        'SELECT * FROM doc_deletions WHERE plan_id = ? AND seq >= ? AND seq <= ? ORDER BY seq',
      ),
      putProgress: db.prepare<[string, number, string]>(
        `INSERT INTO plan_progress (plan_id, seq, facts) VALUES (?, ?, ?)
         ON CONFLICT(plan_id) DO UPDATE SET seq = excluded.seq, facts = excluded.facts`,
      ),
      progress: db.prepare<[string], { seq: number; facts: string }>(
        'SELECT seq, facts FROM plan_progress WHERE plan_id = ?',
      ),
      putVisit: db.prepare<[string, string, number, number]>(
        `INSERT INTO plan_visits (plan_id, user_id, seq, at) VALUES (?, ?, ?, ?)
         ON CONFLICT(plan_id, user_id) DO UPDATE SET seq = excluded.seq, at = excluded.at`,
      ),
      visit: db.prepare<[string, string], { seq: number; at: number }>(
        'SELECT seq, at FROM plan_visits WHERE plan_id = ? AND user_id = ?',
      ),
    };
    this.commitTx = db.transaction((planId: string, pass: ProjectionPass) => {
      const { cursor } = pass;
      const s = this.statements;
      const row = s.cursor.get(planId);
      const stored = { seq: row?.seq ?? 0, changeLoggedThrough: row?.change_logged_through ?? 0 };
      if (stored.seq !== pass.from.seq || stored.changeLoggedThrough !== pass.from.changeLoggedThrough) {
        throw new StaleProjectionPass(planId, stored, pass.from);
      }
      for (const fromSeq of pass.mergedVersions) s.deleteVersion.run(planId, fromSeq);
      for (const v of pass.versions) {
        s.putVersion.run(
          planId,
          v.fromSeq,
          v.toSeq,
          v.firstAt,
          v.lastAt,
          v.kind,
          JSON.stringify(v.authors),
          JSON.stringify(v.parts),
        );
      }
      for (const name of pass.names) s.addName.run(planId, name.seq, name.name, name.kind, name.userId, name.createdAt);
      for (const d of pass.deletions) {
        s.addDeletion.run(planId, d.seq, d.collection, d.itemId, d.title, d.parentId, d.userId, d.at);
      }
      for (const a of pass.appeared) s.markReturned.run(a.seq, planId, a.itemId, a.collection, a.seq);
      if (pass.progress !== undefined) s.putProgress.run(planId, cursor.seq, pass.progress);
      if (pass.changeLog.length > 0) accessLog.appendSync(planId, pass.changeLog);
      s.putCursor.run(planId, cursor.seq, cursor.state, cursor.pending, cursor.changeLoggedThrough);
    });
  }

  async cursor(planId: string): Promise<ProjectionCursor | undefined> {
    const row = this.statements.cursor.get(planId);
    return (
      row && {
        seq: row.seq,
        state: new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength),
        pending: row.pending,
        changeLoggedThrough: row.change_logged_through,
      }
    );
  }

  /** Writes a new plan's cursor inside the transaction that creates the plan. */
  startSync(planId: string, changeLoggedThrough: number): void {
    this.statements.putCursor.run(planId, 0, new Uint8Array(), '{}', changeLoggedThrough);
  }

  async commitPass(planId: string, pass: ProjectionPass): Promise<void> {
    this.commitTx(planId, pass);
  }

  async versions(
    planId: string,
    options: { beforeSeq?: number; fromSeq?: number; limit: number },
  ): Promise<VersionRecord[]> {
    return this.statements.versions
      .all(planId, options.beforeSeq ?? Number.MAX_SAFE_INTEGER, options.fromSeq ?? 0, options.limit)
      .map(toVersion);
  }

  async names(planId: string): Promise<VersionName[]> {
    return this.statements.names.all(planId).map(toName);
  }

  async addName(planId: string, name: VersionName, log: readonly NewAccessLogEntry[]): Promise<boolean> {
    return this.logged(
      planId,
      log,
      () =>
        this.statements.nameVersion.run(planId, name.seq, name.name, name.kind, name.userId, name.createdAt).changes >
        0,
      (named) => named,
    );
  }

  async deletions(
    planId: string,
    options: { since: number; fromSeq: number; limit: number },
  ): Promise<DeletionRecord[]> {
    return this.statements.deletions.all(planId, options.since, options.fromSeq, options.limit).map(toDeletion);
  }

  async deletionsBetween(planId: string, fromSeq: number, toSeq: number): Promise<DeletionRecord[]> {
    return this.statements.deletionsBetween.all(planId, fromSeq, toSeq).map(toDeletion);
  }

  async progress(planIds: readonly string[]): Promise<Map<string, { seq: number; facts: string }>> {
    const result = new Map<string, { seq: number; facts: string }>();
    for (const planId of planIds) {
      const row = this.statements.progress.get(planId);
      if (row) result.set(planId, row);
    }
    return result;
  }

  async putProgress(planId: string, seq: number, facts: string): Promise<void> {
    this.statements.putProgress.run(planId, seq, facts);
  }

  async recordVisit(planId: string, userId: string, visit: { seq: number; at: number }): Promise<void> {
    this.statements.putVisit.run(planId, userId, visit.seq, visit.at);
  }

  async lastVisit(planId: string, userId: string): Promise<{ seq: number; at: number } | undefined> {
    return this.statements.visit.get(planId, userId);
  }
}
