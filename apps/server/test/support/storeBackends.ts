import type { PlanRole } from '@samplan/api';
import { keyedLogChain } from '../../src/audit/chain.ts';
import type { AccessLogStore } from '../../src/storage/AccessLogStore.ts';
import type { AccountStore } from '../../src/storage/AccountStore.ts';
import type { ConsentStore } from '../../src/storage/ConsentStore.ts';
import type { InviteStore } from '../../src/storage/InviteStore.ts';
import type { PlanRecord, PlanStore } from '../../src/storage/PlanStore.ts';
import { inTransaction } from '../../src/storage/postgres/inTransaction.ts';
import { PostgresAccessLogStore } from '../../src/storage/postgres/PostgresAccessLogStore.ts';
import { PostgresAccountStore } from '../../src/storage/postgres/PostgresAccountStore.ts';
import { PostgresConsentStore } from '../../src/storage/postgres/PostgresConsentStore.ts';
import { PostgresInviteStore } from '../../src/storage/postgres/PostgresInviteStore.ts';
import { PostgresPlanStore } from '../../src/storage/postgres/PostgresPlanStore.ts';
import { openSqlite } from '../../src/storage/sqlite/openSqlite.ts';
import { SqliteAccessLogStore } from '../../src/storage/sqlite/SqliteAccessLogStore.ts';
import { SqliteAccountStore } from '../../src/storage/sqlite/SqliteAccountStore.ts';
import { SqliteConsentStore } from '../../src/storage/sqlite/SqliteConsentStore.ts';
import { SqliteInviteStore } from '../../src/storage/sqlite/SqliteInviteStore.ts';
import { SqlitePlanStore } from '../../src/storage/sqlite/SqlitePlanStore.ts';
import { freshPostgresSchema } from './postgresSchema.ts';

export const testChain = keyedLogChain('en-testnøkkel-som-er-lang-nok-for-hmac-0123456789');

/** The membership stores on one database, for contract tests that run alike on SQLite and PostgreSQL. */
export interface StoreBackend {
  accounts: AccountStore;
  plans: PlanStore;
  invites: InviteStore;
  consents: ConsentStore;
  log: AccessLogStore;
  /** A plan and its creator's membership (the first part of what Storage.createPlan writes). */
  createPlan(plan: PlanRecord, role: PlanRole): Promise<void>;
  close(): Promise<void>;
}

export async function sqliteBackend(): Promise<StoreBackend> {
  const db = openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true });
  const log = new SqliteAccessLogStore(db, testChain);
  const plans = new SqlitePlanStore(db, log);
  const consents = new SqliteConsentStore(db, log);
  return {
    accounts: new SqliteAccountStore(db),
    plans,
    invites: new SqliteInviteStore(db, log, consents),
    consents,
    log,
    createPlan: async (plan, role) => plans.createSync(plan, role),
    close: async () => void db.close(),
  };
}

/** On a fresh PostgreSQL schema of its own, dropped by `close`. */
export async function postgresBackend(): Promise<StoreBackend> {
  const fresh = await freshPostgresSchema();
  const log = new PostgresAccessLogStore(fresh.pool, testChain);
  const plans = new PostgresPlanStore(fresh.pool, log);
  const consents = new PostgresConsentStore(fresh.pool, log);
  return {
    accounts: new PostgresAccountStore(fresh.pool),
    plans,
    invites: new PostgresInviteStore(fresh.pool, log, consents),
    consents,
    log,
    createPlan: (plan, role) => inTransaction(fresh.pool, (client) => plans.createIn(client, plan, role)),
    close: fresh.drop,
  };
}
