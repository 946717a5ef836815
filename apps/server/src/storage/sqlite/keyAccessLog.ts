import type { AccessLogEntry, LogChain } from '../AccessLogStore.ts';
import type { SqliteDatabase } from './openSqlite.ts';
import { toEntry, type LogRow } from '../accessLogRows.ts';

/**
 * Makes sure the innsynslogg is chained with `chain`'s key. A database keyed with another key is refused (the
 * server would report every plan's log as broken). Entries from before the chain had a key are checked with the
 * old unkeyed chain and, only if every plan's log verifies, chained again with the key, once; a log that does not
 * verify is left as it is and the server refuses to start, so nobody can launder a rewritten log this way.
 */
export function keyAccessLog(
  db: SqliteDatabase,
  chain: LogChain,
  verifyUnkeyed?: (entries: readonly AccessLogEntry[]) => boolean,
): { rekeyed: number } {
  const row = db.prepare<[], { fingerprint: string | null }>('SELECT fingerprint FROM audit_chain_key').get();
  if (!row) throw new Error('the innsynslogg key record is missing: the database was changed outside Samplan');
  if (row.fingerprint !== null) {
    if (row.fingerprint !== chain.fingerprint) {
      throw new Error('AUDIT_LOG_KEY is not the key the innsynslogg was written with');
    }
    return { rekeyed: 0 };
  }
  const rows = db.prepare<[], LogRow>('SELECT * FROM access_log ORDER BY plan_id, seq').all().map(toEntry);
  const byPlan = new Map<string, AccessLogEntry[]>();
  for (const entry of rows) {
    let entries = byPlan.get(entry.planId);
    if (!entries) byPlan.set(entry.planId, (entries = []));
    entries.push(entry);
  }
  for (const [planId, entries] of byPlan) {
    if (!verifyUnkeyed?.(entries)) throw new Error(`the innsynslogg of plan ${planId} does not verify; not re-keyed`);
  }
  let plan: string | null = null;
  db.transaction(() => {
    db.exec('DROP TRIGGER access_log_no_update');
    const update = db.prepare<[string, string, string, number]>(
      'UPDATE access_log SET prev_hash = ?, hash = ? WHERE plan_id = ? AND seq = ?',
    );
    let prevHash = chain.genesisHash;
    plan = null;
    for (const entry of rows) {
      if (entry.planId !== plan) {
        plan = entry.planId;
        prevHash = chain.genesisHash;
      }
      const hash = chain.entryHash({ ...entry, prevHash });
      update.run(prevHash, hash, entry.planId, entry.seq);
      prevHash = hash;
    }
    db.exec(`CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
      BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;`);
    db.prepare('UPDATE audit_chain_key SET fingerprint = ?').run(chain.fingerprint);
  })();
  return { rekeyed: rows.length };
}
