import type {
  AccessLogEntry,
  AccessLogListOptions,
  AccessLogStore,
  LogChain,
  NewAccessLogEntry,
} from '../AccessLogStore.ts';
import { toEntry, type LogRow } from '../accessLogRows.ts';
import type { SqliteDatabase } from './openSqlite.ts';

export class SqliteAccessLogStore implements AccessLogStore {
  private readonly statements;
  /** Appends and chains in a transaction of its own, or inside the caller's (another store's write). */
  readonly appendSync: (planId: string, entries: readonly NewAccessLogEntry[]) => AccessLogEntry[];

  constructor(db: SqliteDatabase, chain: LogChain) {
    this.statements = {
      head: db.prepare<[string], { seq: number; hash: string }>(
        'SELECT seq, hash FROM access_log WHERE plan_id = ? ORDER BY seq DESC LIMIT 1',
      ),
      insert: db.prepare(
        `INSERT INTO access_log (plan_id, seq, at, actor_id, actor_name, action, details, prev_hash, hash)
         VALUES (@planId, @seq, @at, @actorId, @actorName, @action, @details, @prevHash, @hash)`,
      ),
      list: db.prepare<[string, number, number, number], LogRow>(
        'SELECT * FROM access_log WHERE plan_id = ? AND seq > ? AND at >= ? ORDER BY seq LIMIT ?',
      ),
    };
    this.appendSync = db.transaction((planId: string, entries: readonly NewAccessLogEntry[]) => {
      const head = this.statements.head.get(planId);
      let seq = head?.seq ?? 0;
      let prevHash = head?.hash ?? chain.genesisHash;
      const written: AccessLogEntry[] = [];
      for (const entry of entries) {
        seq += 1;
        const fields = { planId, seq, ...entry, details: chain.serializeDetails(entry.details), prevHash };
        const stored = { ...fields, hash: chain.entryHash(fields) };
        this.statements.insert.run(stored);
        written.push(stored);
        prevHash = stored.hash;
      }
      return written;
    });
  }

  async append(planId: string, entries: readonly NewAccessLogEntry[]): Promise<AccessLogEntry[]> {
    return this.appendSync(planId, entries);
  }

  async list(planId: string, options: AccessLogListOptions): Promise<AccessLogEntry[]> {
    return this.statements.list.all(planId, options.afterSeq, options.since ?? 0, options.limit).map(toEntry);
  }
}
