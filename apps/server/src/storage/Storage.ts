import type { PlanRole } from '@samplan/api';
import type { AccessLogStore, NewAccessLogEntry } from './AccessLogStore.ts';
import type { AccountStore } from './AccountStore.ts';
import type { ConsentRecord, ConsentStore } from './ConsentStore.ts';
import type { DocumentStore, PendingUpdate } from './DocumentStore.ts';
import type { HistoryStore } from './HistoryStore.ts';
import type { InviteStore } from './InviteStore.ts';
import type { MailStore } from './MailStore.ts';
import type { NotificationStore } from './NotificationStore.ts';
import type { PlanRecord, PlanStore } from './PlanStore.ts';

/** Everything a new plan starts with, written in one transaction. */
export interface NewPlanRecords {
  plan: PlanRecord;
  creatorRole: PlanRole;
  /** The seeded document: the plan's first update (seq 1), which its projections do not log as a change. */
  document: PendingUpdate;
  consents: readonly ConsentRecord[];
  /** Its first innsynslogg entries (`plan.created`, and the consent recorded with it). */
  log: readonly NewAccessLogEntry[];
}

/** Every store of the server, on one database (SQLite by default; see storage/sqlite). */
export interface Storage {
  accounts: AccountStore;
  plans: PlanStore;
  documents: DocumentStore;
  invites: InviteStore;
  consents: ConsentStore;
  accessLog: AccessLogStore;
  history: HistoryStore;
  mail: MailStore;
  notifications: NotificationStore;
  /** Creates a plan with its first member, document, consents and log entries: all of it, or nothing. */
  createPlan(records: NewPlanRecords): Promise<void>;
  /** Stops background work and closes the database. */
  close(): Promise<void>;
}
