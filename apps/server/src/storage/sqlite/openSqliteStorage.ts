import type { LogChain } from '../AccessLogStore.ts';
import type { Storage } from '../Storage.ts';
import { openSqlite, type OpenSqliteOptions, type SqliteDatabase } from './openSqlite.ts';
import { SqliteAccessLogStore } from './SqliteAccessLogStore.ts';
import { SqliteAccountStore } from './SqliteAccountStore.ts';
import { SqliteConsentStore } from './SqliteConsentStore.ts';
import { SqliteDocumentStore } from './SqliteDocumentStore.ts';
import { SqliteInviteStore } from './SqliteInviteStore.ts';
import { SqlitePlanStore } from './SqlitePlanStore.ts';
import { WalCheckpointer } from './WalCheckpointer.ts';

export interface SqliteStorageOptions extends OpenSqliteOptions {
  chain: LogChain;
  onWalCheckpointError?: (message: string) => void;
}

export type SqliteStorage = Storage & { db: SqliteDatabase };

/** Opens the SQLite database with every store on it; a file database gets its WAL checkpointed off the event loop. */
export function openSqliteStorage(options: SqliteStorageOptions): SqliteStorage {
  const db = openSqlite(options);
  const walCheckpointer = options.inMemory ? null : new WalCheckpointer(db, { onError: options.onWalCheckpointError });
  const documents = new SqliteDocumentStore(db);
  return {
    db,
    accounts: new SqliteAccountStore(db),
    plans: new SqlitePlanStore(db),
    documents,
    invites: new SqliteInviteStore(db),
    consents: new SqliteConsentStore(db),
    accessLog: new SqliteAccessLogStore(db, options.chain),
    async close() {
      await walCheckpointer?.close();
      await documents.close();
    },
  };
}
