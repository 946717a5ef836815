export type PlanModelErrorReason =
  | 'UNKNOWN_COLLECTION'
  | 'UNKNOWN_FIELD'
  | 'ITEM_NOT_FOUND'
  | 'INVALID_VALUE'
  | 'INVALID_PARENT'
  | 'INVALID_PLACEMENT'
  | 'UNSUPPORTED_SCHEMA_VERSION'
  | 'NOT_EMPTY';

// Thrown for writes that would break a local invariant; callers branch on `reason`, not on the message.
export class PlanModelError extends Error {
  readonly reason: PlanModelErrorReason;

  constructor(reason: PlanModelErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PlanModelError';
    this.reason = reason;
  }
}
