export type HistoryErrorReason =
  /** The plan never had that seq. */
  | 'VERSION_NOT_FOUND'
  /** The item to bring back did not exist in that version. */
  | 'ITEM_NOT_IN_VERSION'
  /** The plan as it was (or is) cannot be read (an unknown schema version, say). */
  | 'PLAN_UNREADABLE'
  /** The version has a name already. */
  | 'VERSION_ALREADY_NAMED'
  /** Too many comparisons of one plan are waiting; try again in a moment. */
  | 'HISTORY_BUSY';

/** A request about a plan's history that cannot be answered; callers branch on `reason`. */
export class HistoryError extends Error {
  readonly reason: HistoryErrorReason;

  constructor(reason: HistoryErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HistoryError';
    this.reason = reason;
  }
}
