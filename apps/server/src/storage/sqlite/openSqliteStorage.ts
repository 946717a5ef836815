import type { AccessLogEntry, LogChain } from '../AccessLogStore.ts';
import type { NewPlanRecords, Storage } from '../Storage.ts';
import { keyAccessLog } from './keyAccessLog.ts';
import { openSqlite, type OpenSqliteOptions, type SqliteDatabase } from './openSqlite.ts';
import { SqliteAccessLogStore } from './SqliteAccessLogStore.ts';
import { SqliteAccountStore } from './SqliteAccountStore.ts';
import { SqliteConsentStore } from './SqliteConsentStore.ts';
import { SqliteDocumentStore } from './SqliteDocumentStore.ts';
import { SqliteHistoryStore } from './SqliteHistoryStore.ts';
import { SqliteInviteStore } from './SqliteInviteStore.ts';
import { SqliteMailStore } from './SqliteMailStore.ts';
import { SqliteNotificationStore } from './SqliteNotificationStore.ts';
import { SqlitePlanStore } from './SqlitePlanStore.ts';
import { WalCheckpointer } from './WalCheckpointer.ts';

export interface SqliteStorageOptions extends OpenSqliteOptions {
  chain: LogChain;
  /** Checks one plan's log written before the chain had a key (audit/chain.ts verifyUnkeyedChain). */
  verifyUnkeyed?: (entries: readonly AccessLogEntry[]) => boolean;
  onWalCheckpointError?: (message: string) => void;
}

export type SqliteStorage = Storage & { db: SqliteDatabase };

/** Opens the SQLite database with every store on it; a file database gets its WAL checkpointed off the event loop. */
export function openSqliteStorage(options: SqliteStorageOptions): SqliteStorage {
  const db = openSqlite(options);
  keyAccessLog(db, options.chain, options.verifyUnkeyed);
  const walCheckpointer = options.inMemory ? null : new WalCheckpointer(db, { onError: options.onWalCheckpointError });
  const accessLog = new SqliteAccessLogStore(db, options.chain);
  const documents = new SqliteDocumentStore(db, { accessLog });
  const plans = new SqlitePlanStore(db, accessLog);
  const consents = new SqliteConsentStore(db, accessLog);
  const history = new SqliteHistoryStore(db, accessLog);
  const createPlanTx = db.transaction((records: NewPlanRecords): number => {
    const planId = records.plan.id;
    plans.createSync(records.plan, records.creatorRole);
    const seq = documents.appendSync(planId, [records.document]);
    history.startSync(planId, seq);
    for (const consent of records.consents) consents.createSync(consent);
    accessLog.appendSync(planId, records.log);
    return seq;
  });
  return {
    db,
    accounts: new SqliteAccountStore(db),
    plans,
    documents,
    invites: new SqliteInviteStore(db, accessLog, consents),
    consents,
    accessLog,
    history,
    mail: new SqliteMailStore(db),
    notifications: new SqliteNotificationStore(db),
    async createPlan(records) {
      documents.remember(records.plan.id, createPlanTx(records));
    },
    async close() {
      await walCheckpointer?.close();
      await documents.close();
    },
  };
}
