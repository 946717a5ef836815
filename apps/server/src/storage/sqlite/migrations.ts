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
  // 3: history. Snapshots of documents, the projections of each update log (their cursor, versions, removed
  // items, progress), names of versions and last visits. The change recorder's cursor becomes the projections'
  // (they start over from the first update; what the change log already holds is not logged again).
  `
  ALTER TABLE doc_updates ADD COLUMN kind TEXT;
  CREATE TABLE doc_snapshots (
    plan_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (plan_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE projection_cursors (
    plan_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    state BLOB NOT NULL,
    pending TEXT NOT NULL,
    change_logged_through INTEGER NOT NULL
  );
  INSERT INTO projection_cursors (plan_id, seq, state, pending, change_logged_through)
    SELECT plan_id, 0, x'', '{}', seq FROM change_cursors;
  DROP TABLE change_cursors;
  CREATE TABLE doc_versions (
    plan_id TEXT NOT NULL,
    from_seq INTEGER NOT NULL,
    to_seq INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    authors TEXT NOT NULL,
    parts TEXT NOT NULL,
    PRIMARY KEY (plan_id, from_seq)
  ) WITHOUT ROWID;
  CREATE INDEX doc_versions_to ON doc_versions(plan_id, to_seq);
  CREATE TABLE doc_version_names (
    plan_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    user_id TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (plan_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE doc_deletions (
    plan_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    collection TEXT NOT NULL,
    item_id TEXT NOT NULL,
    title TEXT NOT NULL,
    parent_id TEXT,
    user_id TEXT,
    at INTEGER NOT NULL,
    PRIMARY KEY (plan_id, seq, collection, item_id)
  ) WITHOUT ROWID;
  CREATE INDEX doc_deletions_at ON doc_deletions(plan_id, at);
  CREATE TABLE plan_progress (
    plan_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    facts TEXT NOT NULL
  );
  CREATE TABLE plan_visits (
    plan_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (plan_id, user_id)
  ) WITHOUT ROWID;
  `,
  // 4: which account writes with each Yjs client id of a plan (the first to write with it); an update under
  // another account's client id is refused.
  `
  CREATE TABLE doc_clients (
    plan_id TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (plan_id, client_id)
  ) WITHOUT ROWID;
  `,
  // 5: the innsynslogg's chain gets a key (audit/chain.ts keyedLogChain). The key's fingerprint is kept here; NULL
  // until the server re-keys the entries written before (keyAccessLog), once, after checking them.
  `
  CREATE TABLE audit_chain_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT
  );
  INSERT INTO audit_chain_key (id, fingerprint) VALUES (1, NULL);
  `,
  // 6: mail. The queue is durable: a mail is written here first and sent by the MailQueue, retried until the
  // server it is handed to accepts it (while an attempt is under way, next_attempt_at is its lease). Password reset links
  // are stored by their hash, single-use, with an expiry.
  `
  CREATE TABLE mail_queue (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    sent_at INTEGER,
    last_error TEXT
  );
  CREATE INDEX mail_queue_due ON mail_queue(next_attempt_at) WHERE sent_at IS NULL;
  CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX password_resets_user ON password_resets(user_id, created_at);
  `,
  // 7: how a session logged in (password, or which OpenID provider and the assurance level of its ID token), and
  // the account (and its login) that gave a consent in Samplan's own consent step, instead of a name typed in.
  `
  ALTER TABLE sessions ADD COLUMN login_method TEXT;
  ALTER TABLE sessions ADD COLUMN login_level TEXT;
  ALTER TABLE consents ADD COLUMN given_by_user_id TEXT REFERENCES users(id);
  ALTER TABLE consents ADD COLUMN given_login_method TEXT;
  ALTER TABLE consents ADD COLUMN given_login_level TEXT;
  `,
  // 8: notifications ("Varsler"): what happened for whom, once each (dedupe_key), read or not; and each user's
  // choice of what reaches them by mail, with when their last digest went out.
  `
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at INTEGER,
    UNIQUE (user_id, dedupe_key)
  );
  CREATE INDEX notifications_user ON notifications(user_id, created_at);
  CREATE TABLE notification_settings (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    last_digest_at INTEGER
  );
  `,
  // 9: whether an account's owner has shown its e-mail address is theirs (a mailed link used, or an identity
  // provider's verified address): only then is an OpenID login linked to it by that address. Accounts already
  // linked to an identity count as shown.
  `
  ALTER TABLE users ADD COLUMN email_confirmed_at INTEGER;
  UPDATE users SET email_confirmed_at = created_at WHERE id IN (SELECT user_id FROM oidc_identities);
  `,
  // 10: counting an account's invitations of the last hour (each one is a mail), in any plan.
  `
  CREATE INDEX invites_inviter ON invites(invited_by, created_at);
  `,
  // 11: a removed item that came back (undone, or brought back from the history), and by which update.
  `
  ALTER TABLE doc_deletions ADD COLUMN returned_seq INTEGER;
  CREATE INDEX doc_deletions_item ON doc_deletions(plan_id, item_id);
  `,
  // 12: a plan made with the example content, which nobody is notified about; those made before, as their
  // innsynslogg's first entry says.
  `
  ALTER TABLE plans ADD COLUMN example INTEGER NOT NULL DEFAULT 0;
  UPDATE plans SET example = 1 WHERE id IN (
    SELECT plan_id FROM access_log WHERE action = 'plan.created' AND json_extract(details, '$.demo') = 1
  );
  `,
];
