// Moves the SQLite database in DATA_DIR into the PostgreSQL database at DATABASE_URL (empty, or new), in one
// transaction. Stop the server first. Then start it with DATABASE_URL and the same AUDIT_LOG_KEY (or the same
// DATA_DIR, whose audit-log.key it reads): `DATA_DIR=./data DATABASE_URL=postgres://… npm run migrate:postgres`.
import { join } from 'node:path';
import { parseConfig } from '../config/config.ts';
import { copySqliteToPostgres } from './copySqliteToPostgres.ts';

const config = parseConfig(process.env);
if (!config.DATABASE_URL) {
  console.error('Sett DATABASE_URL til PostgreSQL-databasen dataene skal flyttes til (postgres://…).');
  process.exit(2);
}
const { rows } = await copySqliteToPostgres(join(config.DATA_DIR, 'samplan.db'), config.DATABASE_URL);
for (const [table, count] of Object.entries(rows)) console.log(`${table}: ${count}`);
console.log('Ferdig. Start serveren med DATABASE_URL og samme AUDIT_LOG_KEY (eller samme DATA_DIR).');
