import type { NewAccessLogEntry } from '../AccessLogStore.ts';
import type { SqliteDatabase } from './openSqlite.ts';
import type { SqliteAccessLogStore } from './SqliteAccessLogStore.ts';

export type LoggedWrite = <T>(
  planId: string,
  log: readonly NewAccessLogEntry[],
  write: () => T,
  tookPlace?: (result: T) => boolean,
) => T;

/**
 * A write and its innsynslogg entries in one transaction: the entries are chained in only when `tookPlace` says
 * the write happened (a consent already withdrawn writes nothing, and logs nothing).
 */
export function loggedWrite(db: SqliteDatabase, accessLog: SqliteAccessLogStore): LoggedWrite {
  const tx = db.transaction(
    (
      planId: string,
      write: () => unknown,
      log: readonly NewAccessLogEntry[],
      tookPlace: (result: unknown) => boolean,
    ) => {
      const result = write();
      if (log.length > 0 && tookPlace(result)) accessLog.appendSync(planId, log);
      return result;
    },
  );
  return (planId, log, write, tookPlace = () => true) =>
    tx(planId, write, log, tookPlace as (result: unknown) => boolean) as ReturnType<typeof write>;
}
