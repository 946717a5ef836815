import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../src/storage/sqlite/migrations.ts';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';
import { openSqliteStorage } from '../src/storage/sqlite/openSqliteStorage.ts';
import { keyedLogChain, unkeyedEntryHash, verifyUnkeyedChain, GENESIS_HASH } from '../src/audit/chain.ts';
import { AccessLog } from '../src/audit/AccessLog.ts';

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

  it('marks the plans made with the example content before it was recorded, as their innsynslogg says', () => {
    dir = mkdtempSync(join(tmpdir(), 'samplan-migrate-'));
    const old = new Database(join(dir, 'samplan.db'));
    for (const [version, sql] of migrations.slice(0, 11).entries()) {
      old.exec(sql);
      old.pragma(`user_version = ${version + 1}`);
    }
    old.prepare("INSERT INTO users (id, email, name, created_at) VALUES ('u1', 'k@eksempel.no', 'Kari', 1)").run();
    const addPlan = old.prepare(
      "INSERT INTO plans (id, title, child_name, created_by, created_at) VALUES (?, 'Plan', 'Emma', 'u1', 1)",
    );
    // Inserted under the old triggers: the log is append-only, which an INSERT is.
    const created = old.prepare(
      `INSERT INTO access_log (plan_id, seq, at, actor_id, actor_name, action, details, prev_hash, hash)
       VALUES (?, 1, 1, 'u1', 'Kari', 'plan.created', ?, 'x', 'y')`,
    );
    for (const [planId, demo] of [
      ['p-example', true],
      ['p-real', false],
    ] as const) {
      addPlan.run(planId);
      created.run(planId, JSON.stringify({ role: 'foresatt', demo }));
    }
    old.close();

    const db = openSqlite({ dataDir: dir, synchronous: 'NORMAL' });
    expect(db.prepare('SELECT id, example FROM plans ORDER BY id').all()).toEqual([
      { id: 'p-example', example: 1 },
      { id: 'p-real', example: 0 },
    ]);
    db.close();
  });

  /** A database from before the chain had a key, with two plans' logs chained the old (unkeyed) way. */
  function unkeyedDatabase(tamper = false): void {
    dir = mkdtempSync(join(tmpdir(), 'samplan-migrate-'));
    const old = new Database(join(dir, 'samplan.db'));
    for (const [version, sql] of migrations.slice(0, 4).entries()) {
      old.exec(sql);
      old.pragma(`user_version = ${version + 1}`);
    }
    const insert = old.prepare(
      `INSERT INTO access_log (plan_id, seq, at, actor_id, actor_name, action, details, prev_hash, hash)
       VALUES (@planId, @seq, @at, @actorId, @actorName, @action, @details, @prevHash, @hash)`,
    );
    for (const planId of ['p1', 'p2']) {
      let prevHash = GENESIS_HASH;
      for (let seq = 1; seq <= 3; seq++) {
        const fields = {
          planId,
          seq,
          at: seq,
          actorId: 'u1',
          actorName: 'Kari',
          action: 'plan.viewed',
          details: '{}',
          prevHash,
        };
        const hash = unkeyedEntryHash(fields);
        insert.run({ ...fields, actorName: tamper && planId === 'p2' && seq === 2 ? 'Noen andre' : 'Kari', hash });
        prevHash = hash;
      }
    }
    old.close();
  }

  it('keys the innsynslogg once: an old chain that verifies is chained again with the key, and verifies after', async () => {
    unkeyedDatabase();
    const chain = keyedLogChain('en-oppdiktet-nokkel-bare-for-tester-0123456789');
    const storage = openSqliteStorage({
      dataDir: dir,
      synchronous: 'NORMAL',
      chain,
      verifyUnkeyed: verifyUnkeyedChain,
    });
    const log = new AccessLog(storage.accessLog, storage.accounts, chain);
    for (const planId of ['p1', 'p2']) expect(await log.verify(planId)).toMatchObject({ ok: true, checked: 3 });
    expect(storage.db.prepare('SELECT fingerprint FROM audit_chain_key').get()).toEqual({
      fingerprint: chain.fingerprint,
    });
    await storage.close();
    storage.db.close();
    // Another key is refused at start, rather than every log reported broken.
    const other = keyedLogChain('en-annen-oppdiktet-nokkel-0123456789-abcdefghij');
    expect(() => openSqliteStorage({ dataDir: dir, synchronous: 'NORMAL', chain: other })).toThrow(/AUDIT_LOG_KEY/);
  });

  it('refuses to key an old innsynslogg that does not verify, so a rewritten log is never laundered', () => {
    unkeyedDatabase(true);
    const chain = keyedLogChain('en-oppdiktet-nokkel-bare-for-tester-0123456789');
    expect(() =>
      openSqliteStorage({ dataDir: dir, synchronous: 'NORMAL', chain, verifyUnkeyed: verifyUnkeyedChain }),
    ).toThrow(/p2 does not verify/);
  });
});
