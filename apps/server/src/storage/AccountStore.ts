import type { SqliteDatabase } from './openSqlite.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: number;
}

export interface UserWithPassword extends User {
  passwordHash: string | null;
}

/** Users and their login sessions. Asynchronous so a networked database fits the same callers. */
export interface AccountStore {
  createUser(user: UserWithPassword): Promise<void>;
  findUserByEmail(email: string): Promise<UserWithPassword | undefined>;
  findUserById(id: string): Promise<User | undefined>;
  createSession(tokenHash: string, userId: string, expiresAt: number): Promise<void>;
  /** The user of a live session, or undefined when it is unknown or expired. */
  findSessionUser(tokenHash: string, now: number): Promise<User | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: number;
}

const toUser = (row: UserRow): User => ({ id: row.id, email: row.email, name: row.name, createdAt: row.created_at });

export class SqliteAccountStore implements AccountStore {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      insertUser: db.prepare<[string, string, string, string | null, number]>(
        'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      userByEmail: db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?'),
      userById: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
      insertSession: db.prepare<[string, string, number, number]>(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      ),
      sessionUser: db.prepare<[string, number], UserRow>(
        `SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id
         WHERE sessions.token_hash = ? AND sessions.expires_at > ?`,
      ),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?'),
    };
  }

  async createUser(user: UserWithPassword): Promise<void> {
    this.statements.insertUser.run(user.id, user.email, user.name, user.passwordHash, user.createdAt);
  }

  async findUserByEmail(email: string): Promise<UserWithPassword | undefined> {
    const row = this.statements.userByEmail.get(email);
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async findUserById(id: string): Promise<User | undefined> {
    const row = this.statements.userById.get(id);
    return row && toUser(row);
  }

  async createSession(tokenHash: string, userId: string, expiresAt: number): Promise<void> {
    this.statements.insertSession.run(tokenHash, userId, Date.now(), expiresAt);
  }

  async findSessionUser(tokenHash: string, now: number): Promise<User | undefined> {
    const row = this.statements.sessionUser.get(tokenHash, now);
    return row && toUser(row);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.statements.deleteSession.run(tokenHash);
  }
}
