import { join } from 'node:path';
import type { FromColdClient, ToColdClient, WriteReport } from '../coldLoad.ts';
import { mailedInvitationLink } from '../../e2e/support/mailedInvitation.ts';
import { ChildHandle } from './ipc.ts';
import { Api, startOurs, type RunningServer } from './servers.ts';
import { storeInfo, waitForUpdate } from './storeInfo.ts';

const COLD_CLIENT = join(import.meta.dirname, '..', 'coldLoad.ts');

export type ColdClient = ChildHandle<ToColdClient, FromColdClient>;

export const newColdClient = (name: string): ColdClient => new ChildHandle(COLD_CLIENT, name);

export interface Account {
  email: string;
  password: string;
}

export interface FeedOptions {
  dataDir: string;
  edits: number;
  seed: number;
  sqliteSynchronous?: 'NORMAL' | 'FULL' | undefined;
  /** Members who take turns typing (1: the plan's creator alone). The others are invited as foresatt. */
  writers?: number;
  editsPerTurn?: number;
}

/** A plan fed through a running server; the writer is still connected and the server still running. */
export interface FedPlan {
  server: RunningServer;
  /** The plan's creator (koordinator). */
  account: Account;
  planId: string;
  writer: ColdClient;
  written: Omit<WriteReport, 'lastUpdate'>;
  /** The seq of the writer's last edit. */
  lastSeq: number;
  /** From the first edit until the last one is committed (rows visible in SQLite). */
  ingestMs: number;
}

/**
 * Starts our server on `dataDir`, creates a plan and types `edits` edits into it with a real y-websocket client
 * process (bench/coldLoad.ts), then waits until the last one is committed. The caller decides how the server
 * stops (at once, with which signal) and closes the writer.
 */
export async function feedPlan(options: FeedOptions): Promise<FedPlan> {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const account: Account = { email: `writer-${stamp}@example.org`, password: 'bench-password-1234' };
  const server = await startOurs({ dataDir: options.dataDir, sqliteSynchronous: options.sqliteSynchronous });
  let writer: ColdClient | undefined;
  try {
    const api = new Api(server.httpBase, server);
    await api.register(account.email, account.password, 'Forelder Kaldstart');
    // A foresatt, so the other writers can be the family too (only the family makes family members).
    const planId = await api.createPlan('Kaldstart', 'Barn med lang historikk', { creatorRole: 'foresatt' });
    const tokens: string[] = [];
    for (let i = 1; i < (options.writers ?? 1); i++) {
      const email = `writer-${stamp}-${i}@example.org`;
      // An invitation into the family has its link in the mail only (the server's outbox here).
      const invite =
        (await api.invite(planId, email, 'foresatt')) ??
        new URL(await mailedInvitationLink(options.dataDir, email)).hash.slice(1);
      const member = new Api(server.httpBase, server);
      await member.acceptInvite(invite, `Forelder ${i}`, account.password);
      tokens.push(await member.collabToken(planId));
    }
    const rowsBefore = storeInfo(options.dataDir, planId).logRows;

    writer = newColdClient('writer');
    const writeStart = performance.now();
    writer.send({
      type: 'write',
      wsBase: server.wsBase,
      planId,
      token: await api.collabToken(planId),
      edits: options.edits,
      seed: options.seed,
      ...(tokens.length > 0 ? { turns: { tokens, editsPerTurn: options.editsPerTurn ?? options.edits } } : {}),
    });
    const { type: _type, lastUpdate, ...written } = await writer.next('written', 15 * 60_000);
    const lastSeq = await waitForUpdate(options.dataDir, planId, lastUpdate, rowsBefore + written.updates, 5 * 60_000);
    return { server, account, planId, writer, written, lastSeq, ingestMs: performance.now() - writeStart };
  } catch (error) {
    if (writer) await writer.close();
    await server.stop('SIGKILL');
    throw error;
  }
}
