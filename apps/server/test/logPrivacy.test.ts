import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './support/childServer.ts';
import { CSRF_HEADERS, collabToken, connectProvider, createFamilyPlan, registerUser } from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

// Issue 9: the log is read by more people than the plans are (operators, log services): it names no token that opens
// a plan or an account, and no mail's words.
describe('the log at LOG_LEVEL=info', () => {
  let server: ChildServer;
  let log = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-log-'));

  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    server.process.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.process.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  });
  afterAll(async () => {
    server.process.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names no collab token, no password-reset token and no words of a mail', async () => {
    const mother = await registerUser(server.url, 'Kari Loggesen');
    const planId = await createFamilyPlan(server.url, mother, 'Emma Loggesen');
    const token = await collabToken(server.url, mother, planId);
    const provider = connectProvider(server.wsUrl, planId, token);
    await waitFor(() => provider.synced);
    provider.destroy();
    const asked = await fetch(`${server.url}/api/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ email: mother.email }),
    });
    expect(asked.status).toBe(202);
    const outbox = join(dataDir, 'outbox');
    const mail = await waitFor(() => {
      try {
        const file = readdirSync(outbox).find((name) => name.endsWith('.eml'));
        return file ? readFileSync(join(outbox, file), 'utf8') : false;
      } catch {
        return false;
      }
    });
    const resetToken = /#([\w-]{20,})/.exec(mail)![1]!;
    await waitFor(() => log.includes('mail written to the outbox') && log.includes('/collab/'));

    expect(log).toContain(`/collab/${planId}`);
    expect(log).not.toContain(token);
    expect(log).not.toContain(resetToken);
    expect(log).not.toContain('Kari Loggesen');
    expect(log).not.toContain(mother.email);
  });
});
