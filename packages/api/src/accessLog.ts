/** What the innsynslogg records. */
export const ACCESS_LOG_ACTIONS = [
  'plan.created',
  /** Plan metadata read over REST (GET /api/plans/:id). */
  'plan.viewed',
  /** The plan document opened on the websocket. */
  'plan.opened',
  'plan.exported',
  /** Who changed which parts, derived from the attributed update log. */
  'plan.changed',
  /** A member tried something their role or missing consent does not allow. */
  'access.refused',
  /** A read-only member's socket sent an edit; it was dropped (recorded once per connection). */
  'edit.refused',
  'member.invited',
  'invite.revoked',
  /** A foresatt confirmed an invitation into the family that someone outside it made before the family joined. */
  'invite.confirmed',
  'invite.accepted',
  /** Someone tried an expired, used or withdrawn invitation. */
  'invite.refused',
  'member.revoked',
  /** A membership's end date was set, moved or removed. */
  'member.updated',
  'member.expired',
  'consent.recorded',
  'consent.withdrawn',
  /** Someone who may invite asked the family to consent for a waiting participant (the family was mailed). */
  'consent.requested',
  /** A member named the plan as it is now (a version). */
  'version.named',
  /** An earlier version of the plan (or of one part or item) was brought back, as a new update. */
  'plan.restored',
  /** An earlier version of the plan was opened (a read). */
  'version.viewed',
  /** What changed between two versions was read, with what was written before (a read). */
  'version.compared',
  /**
   * The list of versions, or of removed items, was read with what it holds from before: the titles of removed items,
   * the names given to versions (a read). `latestOnly`: only the last version, as the plan asks for as it opens.
   */
  'history.viewed',
] as const;
export type AccessLogAction = (typeof ACCESS_LOG_ACTIONS)[number];

/** An innsynslogg entry as the API shows it. */
export interface AccessLogEntry {
  seq: number;
  at: string;
  actor: { userId: string; name: string | null } | null;
  action: AccessLogAction;
  details: Record<string, unknown>;
  hash: string;
}

/** The hash chain checked again: `ok: false` names the first entry that does not verify, and why. */
export interface LogVerification {
  ok: boolean;
  checked: number;
  /** Hash of the last entry. */
  headHash: string;
  firstBadSeq?: number;
  problem?: string;
}

/** `GET /api/plans/:id/access-log`: a page of entries, oldest first. */
export interface AccessLogPage {
  entries: AccessLogEntry[];
  nextAfter: number | null;
  verification: LogVerification;
  /**
   * Where this reader's log starts (ISO 8601): a koordinator's when the plan last opened to them; null for the family
   * (and a plan's creator), who read it from the start.
   */
  from: string | null;
}
