import type pg from 'pg';

/**
 * PostgreSQL schema, one entry per version; never edit a released entry, append a new one. Version 1 is what
 * PostgresDocumentStore created before migrations were versioned (each statement tolerates a database that has it).
 */
export const postgresMigrations: readonly string[] = [
  // 1: the update log, checkpoints, snapshots and which account writes with each Yjs client id.
  `
  CREATE TABLE IF NOT EXISTS doc_updates (
    plan_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    user_id TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (plan_id, seq)
  );
  ALTER TABLE doc_updates ADD COLUMN IF NOT EXISTS kind TEXT;
  CREATE TABLE IF NOT EXISTS doc_checkpoints (
    plan_id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    state_vector BYTEA NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS doc_snapshots (
    plan_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (plan_id, seq)
  );
  CREATE TABLE IF NOT EXISTS doc_clients (
    plan_id TEXT NOT NULL,
    client_id BIGINT NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (plan_id, client_id)
  );
  `,
  // 2: the mail queue and notifications, as in SQLite's migrations 6 and 8. Foreign keys to users and plans come
  // with those tables.
  `
  CREATE TABLE mail_queue (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT,
    last_error TEXT
  );
  CREATE INDEX mail_queue_due ON mail_queue (next_attempt_at) WHERE sent_at IS NULL;
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    data JSONB NOT NULL,
    dedupe_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    UNIQUE (user_id, dedupe_key)
  );
  CREATE INDEX notifications_user ON notifications (user_id, created_at);
  CREATE TABLE notification_settings (
    user_id TEXT PRIMARY KEY,
    settings JSONB NOT NULL,
    last_digest_at BIGINT
  );
  `,
  // 3: accounts, as in SQLite's migrations 1, 2, 6 and 7: users (e-mail unique without regard to case), sessions
  // with how they logged in, login throttling, OpenID identities and password reset links.
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    password_hash TEXT,
    created_at BIGINT NOT NULL
  );
  CREATE UNIQUE INDEX users_email ON users (lower(email));
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    login_method TEXT,
    login_level TEXT
  );
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE TABLE login_failures (
    email TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    first_failure_at BIGINT NOT NULL,
    locked_until BIGINT
  );
  CREATE TABLE oidc_identities (
    provider TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (provider, subject)
  );
  CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
  );
  CREATE INDEX password_resets_user ON password_resets (user_id, created_at);
  `,
  // 4: the innsynslogg, as in SQLite: append-only (a trigger refuses UPDATE and DELETE), hash-chained per plan.
  `
  CREATE TABLE access_log (
    plan_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    action TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (plan_id, seq)
  );
  CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'access_log is append-only'; END;
  $$;
  CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
  `,
  // 5: plans and their members, as in SQLite's migrations 1 and 2.
  `
  CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    child_name TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
  );
  CREATE TABLE memberships (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    ends_at BIGINT,
    invited_by TEXT,
    PRIMARY KEY (plan_id, user_id)
  );
  CREATE INDEX memberships_user ON memberships (user_id);
  CREATE INDEX memberships_ends_at ON memberships (ends_at) WHERE ends_at IS NOT NULL;
  `,
  // 6: invitations and the family's consent, as in SQLite's migrations 2 and 7.
  `
  CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    membership_ends_at BIGINT,
    invited_by TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT,
    accepted_by TEXT REFERENCES users(id),
    revoked_at BIGINT,
    revoked_by TEXT REFERENCES users(id)
  );
  CREATE INDEX invites_plan ON invites (plan_id);
  CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('plan', 'sharing')),
    subject_user_id TEXT REFERENCES users(id),
    subject_invite_id TEXT REFERENCES invites(id),
    given_by TEXT NOT NULL,
    given_at BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL REFERENCES users(id),
    recorded_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    withdrawn_by TEXT REFERENCES users(id),
    withdrawal_note TEXT,
    given_by_user_id TEXT REFERENCES users(id),
    given_login_method TEXT,
    given_login_level TEXT
  );
  CREATE INDEX consents_plan ON consents (plan_id);
  `,
  // 7: the projections of each plan's update log, as in SQLite's migration 3: cursors, versions, their names,
  // removed items, progress facts and last visits.
  `
  CREATE TABLE projection_cursors (
    plan_id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    state BYTEA NOT NULL,
    pending TEXT NOT NULL,
    change_logged_through BIGINT NOT NULL
  );
  CREATE TABLE doc_versions (
    plan_id TEXT NOT NULL,
    from_seq BIGINT NOT NULL,
    to_seq BIGINT NOT NULL,
    first_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    authors JSONB NOT NULL,
    parts JSONB NOT NULL,
    PRIMARY KEY (plan_id, from_seq)
  );
  CREATE INDEX doc_versions_to ON doc_versions (plan_id, to_seq);
  CREATE TABLE doc_version_names (
    plan_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    user_id TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (plan_id, seq)
  );
  CREATE TABLE doc_deletions (
    plan_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    collection TEXT NOT NULL,
    item_id TEXT NOT NULL,
    title TEXT NOT NULL,
    parent_id TEXT,
    user_id TEXT,
    at BIGINT NOT NULL,
    PRIMARY KEY (plan_id, seq, collection, item_id)
  );
  CREATE INDEX doc_deletions_at ON doc_deletions (plan_id, at);
  CREATE TABLE plan_progress (
    plan_id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    facts TEXT NOT NULL
  );
  CREATE TABLE plan_visits (
    plan_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (plan_id, user_id)
  );
  `,
  // 8: the fingerprint of the innsynslogg chain's key: a server started with another key is refused.
  `
  CREATE TABLE audit_chain_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT
  );
  INSERT INTO audit_chain_key (id, fingerprint) VALUES (1, NULL);
  `,
  // 9: appending to a plan's log in one round trip: under the plan's lock (taken before the last seq is read, each
  // statement of a volatile function reading afresh), the next seqs for all of a batch's updates.
  `
  CREATE FUNCTION samplan_append(p_plan TEXT, p_data BYTEA[], p_users TEXT[], p_kinds TEXT[], p_at BIGINT)
  RETURNS BIGINT LANGUAGE plpgsql VOLATILE AS $$
  DECLARE
    last_seq BIGINT;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext(p_plan));
    SELECT COALESCE(MAX(seq), 0) INTO last_seq FROM doc_updates WHERE plan_id = p_plan;
    INSERT INTO doc_updates (plan_id, seq, data, user_id, created_at, kind)
      SELECT p_plan, last_seq + t.n, t.data, t.user_id, p_at, t.kind
      FROM unnest(p_data, p_users, p_kinds) WITH ORDINALITY AS t(data, user_id, kind, n);
    RETURN last_seq + cardinality(p_data);
  END
  $$;
  `,
  // 10: the same, with the updates end to end in one bytea (sent binary) and their lengths: a bytea[] goes as hex
  // text, which cost the server a tenth of its CPU under load.
  `
  DROP FUNCTION samplan_append(TEXT, BYTEA[], TEXT[], TEXT[], BIGINT);
  CREATE FUNCTION samplan_append(
    p_plan TEXT, p_packed BYTEA, p_lengths INTEGER[], p_users TEXT[], p_kinds TEXT[], p_at BIGINT
  ) RETURNS BIGINT LANGUAGE plpgsql VOLATILE AS $$
  DECLARE
    last_seq BIGINT;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext(p_plan));
    SELECT COALESCE(MAX(seq), 0) INTO last_seq FROM doc_updates WHERE plan_id = p_plan;
    INSERT INTO doc_updates (plan_id, seq, data, user_id, created_at, kind)
      SELECT p_plan, last_seq + t.n, substring(p_packed FROM (t.ends - t.len + 1)::integer FOR t.len), t.user_id,
        p_at, t.kind
      FROM (
        SELECT u.n, u.len, u.user_id, u.kind, SUM(u.len) OVER (ORDER BY u.n) AS ends
        FROM unnest(p_lengths, p_users, p_kinds) WITH ORDINALITY AS u(len, user_id, kind, n)
      ) AS t;
    RETURN last_seq + cardinality(p_lengths);
  END
  $$;
  `,
  // 11: whether an account's owner has shown its e-mail address is theirs, as in SQLite's migration 9.
  `
  ALTER TABLE users ADD COLUMN email_confirmed_at BIGINT;
  UPDATE users SET email_confirmed_at = created_at WHERE id IN (SELECT user_id FROM oidc_identities);
  `,
  // 12: counting an account's invitations of the last hour, as in SQLite's migration 10.
  `
  CREATE INDEX invites_inviter ON invites(invited_by, created_at);
  `,
  // 13: a removed item that came back, and by which update, as in SQLite's migration 11.
  `
  ALTER TABLE doc_deletions ADD COLUMN returned_seq BIGINT;
  CREATE INDEX doc_deletions_item ON doc_deletions(plan_id, item_id);
  `,
  // 14: a plan made with the example content, as in SQLite's migration 12.
  `
  ALTER TABLE plans ADD COLUMN example INTEGER NOT NULL DEFAULT 0;
  UPDATE plans SET example = 1 WHERE id IN (
    SELECT plan_id FROM access_log WHERE action = 'plan.created' AND (details::jsonb ->> 'demo') = 'true'
  );
  `,
];

/** Any fixed number, the same on every instance: the lock that lets one instance migrate at a time. */
const MIGRATION_LOCK = 0x5a4d5031;

/**
 * Brings the schema up to date at start, in order, each version in its own transaction and recorded in
 * `schema_migrations`. Instances that start together wait for each other (an advisory lock), so each version runs
 * once.
 */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const done = await client.query<{ version: number }>(
      'SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations',
    );
    let version = Number(done.rows[0]?.version ?? 0);
    for (; version < postgresMigrations.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(postgresMigrations[version]!);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          version + 1,
          Date.now(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return version;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
