import type { AccessLogEntry } from './AccessLogStore.ts';
import type { Int } from './rowValues.ts';

/** A row of `access_log`, as both stores read it. */
export interface LogRow {
  plan_id: string;
  seq: Int;
  at: Int;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export const toEntry = (row: LogRow): AccessLogEntry => ({
  planId: row.plan_id,
  seq: Number(row.seq),
  at: Number(row.at),
  actorId: row.actor_id,
  actorName: row.actor_name,
  action: row.action,
  details: row.details,
  prevHash: row.prev_hash,
  hash: row.hash,
});
