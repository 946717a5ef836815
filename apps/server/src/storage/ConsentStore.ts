import type { ConsentKind } from '@samplan/api';
import type { NewAccessLogEntry } from './AccessLogStore.ts';
import type { LoginMethod } from './AccountStore.ts';

/**
 * One consent the family gave: to the plan itself (`plan`), or to sharing the plan's confidential content with
 * one participant outside the family (`sharing`, whose subject is a member, or an invitation until accepted).
 */
export interface ConsentRecord {
  id: string;
  planId: string;
  kind: ConsentKind;
  subjectUserId: string | null;
  subjectInviteId: string | null;
  /** Who gave the consent, in words (e.g. "Kari Nilsen, mor"). */
  givenBy: string;
  /**
   * Set when the family gave it in Samplan itself (the consent step, or creating the plan): the account that did
   * and how it had logged in. Null for a consent given outside Samplan and recorded by a foresatt.
   */
  givenByAccount?: { userId: string; login: LoginMethod | null } | null;
  givenAt: number;
  note: string;
  recordedBy: string;
  recordedAt: number;
  withdrawnAt: number | null;
  withdrawnBy: string | null;
  withdrawalNote: string | null;
}

export interface ConsentStore {
  /** Writes the consent with its innsynslogg entries, in one transaction. */
  create(consent: ConsentRecord, log: readonly NewAccessLogEntry[]): Promise<void>;
  /** Writes several consents (the family's answer in the consent step) with their entries, in one transaction. */
  createAll(consents: readonly ConsentRecord[], log: readonly NewAccessLogEntry[]): Promise<void>;
  find(planId: string, consentId: string): Promise<ConsentRecord | undefined>;
  listForPlan(planId: string): Promise<ConsentRecord[]>;
  /**
   * Withdraws an active consent (and writes `log` with it); false, and nothing written, when it was already withdrawn.
   * `by` is null when it ended with its subject's membership expiring (nobody withdrew it).
   */
  withdraw(
    planId: string,
    consentId: string,
    by: string | null,
    now: number,
    note: string | null,
    log: readonly NewAccessLogEntry[],
  ): Promise<boolean>;
}
