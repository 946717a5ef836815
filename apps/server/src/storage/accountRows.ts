import type { LoginFailures, User } from './AccountStore.ts';
import { intOrNull, type Int } from './rowValues.ts';

// Users' and login failures' rows, mapped alike for both stores.

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: Int;
}

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: Number(row.created_at),
});

export interface LoginFailuresRow {
  failures: number;
  first_failure_at: Int;
  locked_until: Int | null;
}

export const toLoginFailures = (row: LoginFailuresRow): LoginFailures => ({
  failures: row.failures,
  firstFailureAt: Number(row.first_failure_at),
  lockedUntil: intOrNull(row.locked_until),
});
