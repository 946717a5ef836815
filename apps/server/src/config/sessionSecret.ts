import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The configured secret, or one generated on first start and kept (mode 0600) in the data folder as `file`. */
export function resolveSecret(configured: string | undefined, dataDir: string, file: string): string {
  if (configured) return configured;
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

/** The secret that signs collab tokens (SESSION_SECRET, or `DATA_DIR/session-secret`). */
export const resolveSessionSecret = (configured: string | undefined, dataDir: string): string =>
  resolveSecret(configured, dataDir, 'session-secret');

/**
 * The key of the innsynslogg's chain (AUDIT_LOG_KEY, or `DATA_DIR/audit-log.key`). In production set it, and keep
 * it away from the database and its backups: whoever has both can rewrite the log.
 */
export const resolveAuditLogKey = (configured: string | undefined, dataDir: string): string =>
  resolveSecret(configured, dataDir, 'audit-log.key');
