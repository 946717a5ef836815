// Loads the invented demo plan (../shared/eksempler/eksempelplan.md, as plan-model's seedDemoPlan) into DATA_DIR,
// with a demo koordinator account to log in with. Everything here is invented.
import { parseConfig } from '../config/config.ts';
import { hashPassword } from '../auth/passwords.ts';
import { newId } from '../auth/ids.ts';
import { AccessLog } from '../audit/AccessLog.ts';
import { PlanCreator } from '../access/PlanCreator.ts';
import { keyedLogChain, verifyUnkeyedChain } from '../audit/chain.ts';
import { resolveAuditLogKey } from '../config/sessionSecret.ts';
import { openSqliteStorage } from '../storage/sqlite/openSqliteStorage.ts';

const DEMO_EMAIL = 'sofie.andersen@eksempel.no';
const DEMO_PASSWORD = 'demo-passord-2026';

const config = parseConfig(process.env);
const chain = keyedLogChain(resolveAuditLogKey(config.AUDIT_LOG_KEY, config.DATA_DIR));
const storage = openSqliteStorage({
  dataDir: config.DATA_DIR,
  synchronous: config.SQLITE_SYNCHRONOUS,
  chain,
  verifyUnkeyed: verifyUnkeyedChain,
});
const { accounts, accessLog: accessLogStore } = storage;

let user = await accounts.findUserByEmail(DEMO_EMAIL);
if (!user) {
  const created = { id: newId(), email: DEMO_EMAIL, name: 'Sofie Andersen', createdAt: Date.now() };
  await accounts.createUser({ ...created, passwordHash: await hashPassword(DEMO_PASSWORD) });
  user = { ...created, passwordHash: null };
}
const accessLog = new AccessLog(accessLogStore, accounts, chain);
const creator = new PlanCreator({ storage, accessLog });
const plan = await creator.create(
  user,
  { title: 'Individuell plan for Emma', childName: 'Emma Nilsen', creatorRole: 'koordinator', demo: true },
  null,
);
await storage.close();
console.log(`Demoplanen er lagt inn i ${config.DATA_DIR} (plan ${plan.id}).`);
console.log(`Logg inn som ${DEMO_EMAIL} med passordet ${DEMO_PASSWORD}.`);
