import type { AccessLogAction, AccessLogEntry as PublicLogEntry } from '@samplan/api';
import type {
  AccessLogEntry,
  AccessLogListOptions,
  AccessLogStore,
  LogChain,
  NewAccessLogEntry,
} from '../storage/AccessLogStore.ts';
import type { AccountStore } from '../storage/AccountStore.ts';
import { ChainVerifier, type ChainVerification } from './chain.ts';

export interface Actor {
  id: string;
  name?: string;
}

export const toPublicEntry = (entry: AccessLogEntry): PublicLogEntry => ({
  seq: entry.seq,
  at: new Date(entry.at).toISOString(),
  actor: entry.actorId ? { userId: entry.actorId, name: entry.actorName } : null,
  action: entry.action as AccessLogAction,
  details: JSON.parse(entry.details) as Record<string, unknown>,
  hash: entry.hash,
});

/** The family's access log (innsynslogg) of each plan: append-only, each entry hashing the one before. */
export class AccessLog {
  private readonly store: AccessLogStore;
  private readonly accounts: AccountStore;
  private readonly chain: LogChain;
  private readonly now: () => number;

  constructor(store: AccessLogStore, accounts: AccountStore, chain: LogChain, now: () => number = Date.now) {
    this.store = store;
    this.accounts = accounts;
    this.chain = chain;
    this.now = now;
  }

  /** Appends one entry; the actor's name is kept in the entry as it was at the time. */
  async record(
    planId: string,
    actor: Actor | null,
    action: AccessLogAction,
    details: Record<string, unknown> = {},
  ): Promise<AccessLogEntry> {
    const [entry] = await this.store.append(planId, [await this.entry(actor, action, details)]);
    return entry!;
  }

  /** An entry to append later, inside a write that spans several stores (a new plan). */
  async entry(
    actor: Actor | null,
    action: AccessLogAction,
    details: Record<string, unknown> = {},
  ): Promise<NewAccessLogEntry> {
    const actorName = actor ? (actor.name ?? (await this.accounts.findUserById(actor.id))?.name ?? null) : null;
    return { at: this.now(), actorId: actor?.id ?? null, actorName, action, details };
  }

  async list(planId: string, options: AccessLogListOptions): Promise<AccessLogEntry[]> {
    return this.store.list(planId, options);
  }

  /** Re-computes every hash of the plan's log; reports the first entry that was changed, removed or inserted. */
  async verify(planId: string): Promise<ChainVerification> {
    const verifier = new ChainVerifier(this.chain.entryHash);
    const pageSize = 1000;
    for (let afterSeq = 0; ;) {
      const page = await this.store.list(planId, { afterSeq, limit: pageSize });
      for (const entry of page) if (!verifier.add(entry)) return verifier.result();
      if (page.length < pageSize) return verifier.result();
      afterSeq = page[page.length - 1]!.seq;
    }
  }
}
