import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * Makes a user a member of a plan. The server has no invitation flow yet (its creator is a plan's only member),
 * so tests that need two people in one plan write the membership row directly, as an invitation would.
 */
export function addMember(dataDir: string, planId: string, userId: string, role = 'koordinator'): void {
  const db = new Database(join(dataDir, 'samplan.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('INSERT OR IGNORE INTO memberships (plan_id, user_id, role, created_at) VALUES (?, ?, ?, ?)').run(
      planId,
      userId,
      role,
      Date.now(),
    );
  } finally {
    db.close();
  }
}
