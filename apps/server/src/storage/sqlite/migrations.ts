/** SQLite schema, one entry per version; never edit a released entry, append a new one. */
export const migrations: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    password_hash TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    child_name TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL
  );
  CREATE TABLE memberships (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (plan_id, user_id)
  );
  CREATE INDEX memberships_user ON memberships(user_id);
  CREATE TABLE doc_updates (
    plan_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    user_id TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (plan_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE doc_checkpoints (
    plan_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    state_vector BLOB NOT NULL,
    created_at INTEGER NOT NULL
  );
  `,
  // 2: membership periods, invitations, consent, the access log (append-only, hash-chained), login throttling
  // and OpenID Connect identities.
  `
  ALTER TABLE memberships ADD COLUMN ends_at INTEGER;
  ALTER TABLE memberships ADD COLUMN invited_by TEXT;
  CREATE INDEX memberships_ends_at ON memberships(ends_at) WHERE ends_at IS NOT NULL;
  CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    membership_ends_at INTEGER,
    invited_by TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_at INTEGER,
    accepted_by TEXT REFERENCES users(id),
    revoked_at INTEGER,
    revoked_by TEXT REFERENCES users(id)
  );
  CREATE INDEX invites_plan ON invites(plan_id);
  CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('plan', 'sharing')),
    subject_user_id TEXT REFERENCES users(id),
    subject_invite_id TEXT REFERENCES invites(id),
    given_by TEXT NOT NULL,
    given_at INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL REFERENCES users(id),
    recorded_at INTEGER NOT NULL,
    withdrawn_at INTEGER,
    withdrawn_by TEXT REFERENCES users(id),
    withdrawal_note TEXT
  );
  CREATE INDEX consents_plan ON consents(plan_id);
  CREATE TABLE access_log (
    plan_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    action TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (plan_id, seq)
  ) WITHOUT ROWID;
  CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
    BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
  CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
    BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
  CREATE TABLE change_cursors (
    plan_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    state BLOB NOT NULL
  );
  CREATE TABLE login_failures (
    email TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    first_failure_at INTEGER NOT NULL,
    locked_until INTEGER
  );
  CREATE TABLE oidc_identities (
    provider TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (provider, subject)
  );
  `,
];
