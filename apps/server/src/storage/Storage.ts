import type { AccessLogStore } from './AccessLogStore.ts';
import type { AccountStore } from './AccountStore.ts';
import type { ConsentStore } from './ConsentStore.ts';
import type { DocumentStore } from './DocumentStore.ts';
import type { InviteStore } from './InviteStore.ts';
import type { PlanStore } from './PlanStore.ts';

/** Every store of the server, on one database (SQLite by default; see storage/sqlite). */
export interface Storage {
  accounts: AccountStore;
  plans: PlanStore;
  documents: DocumentStore;
  invites: InviteStore;
  consents: ConsentStore;
  accessLog: AccessLogStore;
  /** Stops background work and closes the database. */
  close(): Promise<void>;
}
