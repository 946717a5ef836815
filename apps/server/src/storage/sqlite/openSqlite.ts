import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';

export type SqliteDatabase = Database.Database;

export interface OpenSqliteOptions {
  dataDir: string;
  synchronous: 'NORMAL' | 'FULL';
  /** For tests: an in-memory database. */
  inMemory?: boolean;
}

/** Opens (creating if needed) the Samplan SQLite database in WAL mode and brings its schema up to date. */
export function openSqlite(options: OpenSqliteOptions): SqliteDatabase {
  let path = ':memory:';
  if (!options.inMemory) {
    mkdirSync(options.dataDir, { recursive: true });
    path = join(options.dataDir, 'samplan.db');
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
