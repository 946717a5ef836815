import pg from 'pg';
import type { LogChain } from '../AccessLogStore.ts';
import type { NewPlanRecords, Storage } from '../Storage.ts';
import { inTransaction } from './inTransaction.ts';
import { migratePostgres } from './migratePostgres.ts';
import { PostgresAccessLogStore } from './PostgresAccessLogStore.ts';
import { PostgresAccountStore } from './PostgresAccountStore.ts';
import { PostgresConsentStore } from './PostgresConsentStore.ts';
import { PostgresDocumentStore } from './PostgresDocumentStore.ts';
import { PostgresHistoryStore } from './PostgresHistoryStore.ts';
import { PostgresInviteStore } from './PostgresInviteStore.ts';
import { PostgresMailStore } from './PostgresMailStore.ts';
import { PostgresNotificationStore } from './PostgresNotificationStore.ts';
import { PostgresPlanStore } from './PostgresPlanStore.ts';

export interface PostgresStorageOptions {
  /** `postgres://…` (DATABASE_URL). */
  url: string;
  chain: LogChain;
  poolSize?: number;
}

/**
 * Every store on one PostgreSQL database (`DATABASE_URL`), its schema brought up to date first. The innsynslogg's
 * key must be the one the database was first used with (its fingerprint is kept; a different key is refused).
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  try {
    await migratePostgres(pool);
    await checkChainKey(pool, options.chain.fingerprint);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const accessLog = new PostgresAccessLogStore(pool, options.chain);
  const documents = new PostgresDocumentStore(pool, { accessLog });
  const plans = new PostgresPlanStore(pool, accessLog);
  const consents = new PostgresConsentStore(pool, accessLog);
  const history = new PostgresHistoryStore(pool, accessLog);
  return {
    pool,
    accounts: new PostgresAccountStore(pool),
    plans,
    documents,
    invites: new PostgresInviteStore(pool, accessLog, consents),
    consents,
    accessLog,
    history,
    mail: new PostgresMailStore(pool),
    notifications: new PostgresNotificationStore(pool),
    async createPlan(records: NewPlanRecords) {
      await inTransaction(pool, async (client) => {
        const planId = records.plan.id;
        await plans.createIn(client, records.plan, records.creatorRole);
        const seq = await documents.appendIn(client, planId, [records.document]);
        await history.startIn(client, planId, seq);
        for (const consent of records.consents) await consents.createIn(client, consent);
        await accessLog.appendIn(client, planId, records.log);
      });
    },
    async close() {
      await pool.end();
    },
  };
}

/** Records the key's fingerprint the first time; refuses another key after that. */
async function checkChainKey(pool: pg.Pool, fingerprint: string): Promise<void> {
  await pool.query('UPDATE audit_chain_key SET fingerprint = $1 WHERE id = 1 AND fingerprint IS NULL', [fingerprint]);
  const stored = (await pool.query<{ fingerprint: string }>('SELECT fingerprint FROM audit_chain_key WHERE id = 1'))
    .rows[0]?.fingerprint;
  if (stored !== fingerprint) {
    throw new Error(
      'The innsynslogg in this database was written with another AUDIT_LOG_KEY; start with that key (the log cannot be verified otherwise)',
    );
  }
}
