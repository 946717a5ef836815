import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../src/storage/sqlite/migrations.ts';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';

describe('SQLite migrations', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('moves a database made before history on: the change log keeps its place, history starts from the first update', () => {
    dir = mkdtempSync(join(tmpdir(), 'samplan-migrate-'));
    const old = new Database(join(dir, 'samplan.db'));
    for (const [version, sql] of migrations.slice(0, 2).entries()) {
      old.exec(sql);
      old.pragma(`user_version = ${version + 1}`);
    }
    old
      .prepare('INSERT INTO doc_updates (plan_id, seq, data, user_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run('p1', 1, Buffer.from([0, 0]), 'u1', 1);
    old.prepare('INSERT INTO change_cursors (plan_id, seq, state) VALUES (?, ?, ?)').run('p1', 1, Buffer.from([0, 0]));
    old.close();

    const db = openSqlite({ dataDir: dir, synchronous: 'NORMAL' });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT plan_id, seq, change_logged_through FROM projection_cursors').all()).toEqual([
      { plan_id: 'p1', seq: 0, change_logged_through: 1 },
    ]);
    expect(db.prepare('SELECT seq, kind FROM doc_updates').all()).toEqual([{ seq: 1, kind: null }]);
    db.close();
  });
});
