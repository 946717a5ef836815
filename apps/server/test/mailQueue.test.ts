import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { retryDelay } from '../src/mail/MailQueue.ts';
import { startMailbox, unusedPort, type Mailbox } from './support/mailbox.ts';
import { CSRF_HEADERS, registerUser, startTestServer, type TestServer } from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

const askReset = (server: TestServer, email: string) =>
  fetch(`${server.url}/api/auth/password-reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
    body: JSON.stringify({ email }),
  });

const queueRows = (dataDir: string) => {
  const db = new Database(join(dataDir, 'samplan.db'), { readonly: true });
  try {
    return db.prepare('SELECT id, attempts, sent_at, last_error FROM mail_queue').all() as Array<{
      id: string;
      attempts: number;
      sent_at: number | null;
      last_error: string | null;
    }>;
  } finally {
    db.close();
  }
};

describe('the mail queue', () => {
  it('waits 1 s, 2 s, 4 s … between tries, never more than 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 40].map((n) => retryDelay(n, 30_000))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(retryDelay(3, 1000)).toBe(1000);
  });

  const servers: TestServer[] = [];
  let mailbox: Mailbox | undefined;
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    await mailbox?.close();
    mailbox = undefined;
  });

  it('keeps a mail while the SMTP server is down and sends it once when it is back', async () => {
    const port = await unusedPort();
    const server = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_MAX_SECONDS: '1' });
    servers.push(server);
    const user = await registerUser(server.url);
    expect((await askReset(server, user.email)).status).toBe(202);
    // Tried and failed at least twice while nothing listens.
    await waitFor(() => queueRows(server.dataDir).some((row) => row.attempts >= 2 && row.last_error !== null));

    mailbox = await startMailbox(port);
    const [row] = await waitFor(() => {
      const rows = queueRows(server.dataDir);
      return rows.length === 1 && rows[0]!.sent_at !== null ? rows : false;
    });
    expect(mailbox.mails.map((m) => m.to)).toEqual([[user.email]]);
    expect(mailbox.mails[0]!.messageId).toBe(`<${row!.id}@samplan.invalid>`);
  });

  it('sends after a restart what was queued before it', async () => {
    const port = await unusedPort();
    const first = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_MAX_SECONDS: '1' });
    const user = await registerUser(first.url);
    await askReset(first, user.email);
    await waitFor(() => queueRows(first.dataDir).some((row) => row.attempts >= 1 && row.last_error !== null));
    await first.app.close();

    mailbox = await startMailbox(port);
    const second = await startTestServer({ SMTP_URL: mailbox.url, MAIL_RETRY_MAX_SECONDS: '1' }, first.dataDir);
    servers.push(second);
    await waitFor(() => mailbox!.mails.length === 1);
    expect(mailbox.mails[0]!.subject).toBe('Lag nytt passord i Samplan');
    await waitFor(() => queueRows(second.dataDir)[0]!.sent_at !== null);
    await second.close();
    servers.pop();
    rmSync(first.dataDir, { recursive: true, force: true });
  });

  it('writes mails to DATA_DIR/outbox without SMTP_URL', async () => {
    const server = await startTestServer();
    servers.push(server);
    const user = await registerUser(server.url);
    await askReset(server, user.email);
    const outbox = join(server.dataDir, 'outbox');
    const [file] = await waitFor(() => {
      try {
        const files = readdirSync(outbox);
        return files.length === 1 ? files : false;
      } catch {
        return false;
      }
    });
    const message = readFileSync(join(outbox, file!), 'utf8');
    expect(message).toMatch(/^Subject: Lag nytt passord i Samplan$/m);
    expect(message).toContain(`To: ${user.email}`);
    expect(message).toContain('/nytt-passord#');
    await waitFor(() => queueRows(server.dataDir)[0]!.sent_at !== null);
  });
});
