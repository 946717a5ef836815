import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sleep } from './clock.ts';

/** A plan's stored state, read from our server's SQLite file (read-only, beside the running server or not). */
export interface StoreInfo {
  logRows: number;
  checkpoint: { seq: number; bytes: number } | null;
  /** Updates after the checkpoint: what a load applies on top of it (and compacts first when there are many). */
  tailRows: number;
  tailBytes: number;
  /** How far the history projections have read the log; null when the database has no projections. */
  projectedSeq: number | null;
  dbFileBytes: number;
}

function open(dataDir: string): Database.Database {
  return new Database(join(dataDir, 'samplan.db'), { readonly: true, fileMustExist: true });
}

/** Rows in doc_updates, all plans. */
export function countUpdateRows(dataDir: string): number {
  const db = open(dataDir);
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export function storeInfo(dataDir: string, planId: string): StoreInfo {
  const db = open(dataDir);
  try {
    const logRows = (db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE plan_id = ?').get(planId) as { n: number })
      .n;
    const row = db.prepare('SELECT seq, length(data) AS bytes FROM doc_checkpoints WHERE plan_id = ?').get(planId) as
      { seq: number; bytes: number } | undefined;
    const tail = db
      .prepare(
        'SELECT COUNT(*) AS n, COALESCE(SUM(length(data)), 0) AS bytes FROM doc_updates WHERE plan_id = ? AND seq > ?',
      )
      .get(planId, row?.seq ?? 0) as { n: number; bytes: number };
    let projectedSeq: number | null = null;
    try {
      const cursor = db.prepare('SELECT seq FROM projection_cursors WHERE plan_id = ?').get(planId) as
        { seq: number } | undefined;
      projectedSeq = cursor?.seq ?? 0;
    } catch {
      // an older schema: no projections
    }
    let dbFileBytes = 0;
    for (const suffix of ['', '-wal']) {
      const path = join(dataDir, `samplan.db${suffix}`);
      if (existsSync(path)) dbFileBytes += statSync(path).size;
    }
    return { logRows, checkpoint: row ?? null, tailRows: tail.n, tailBytes: tail.bytes, projectedSeq, dbFileBytes };
  } finally {
    db.close();
  }
}

/**
 * Waits until the plan's log holds `update` (the writer's last edit, byte for byte) at a seq of at least `minSeq`,
 * which is when every edit before it is committed too: a room commits each socket's updates in order. Counting
 * rows is not enough once members hand over, since a joining member's sync reply can be a row of its own.
 */
export async function waitForUpdate(
  dataDir: string,
  planId: string,
  update: Uint8Array,
  minSeq: number,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  for (;;) {
    const db = open(dataDir);
    try {
      const row = db
        .prepare('SELECT seq FROM doc_updates WHERE plan_id = ? AND seq >= ? AND data = ? ORDER BY seq DESC LIMIT 1')
        .get(planId, minSeq, data) as { seq: number } | undefined;
      if (row) return row.seq;
    } finally {
      db.close();
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the writer's last edit is not in doc_updates after ${timeoutMs} ms (${storeInfo(dataDir, planId).logRows} rows)`,
      );
    }
    await sleep(20);
  }
}
