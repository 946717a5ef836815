/**
 * Why the server refused a peer's update: the reason of the auth `permissionDenied` message it sends, and of the
 * 4409 close that follows (the client then loads the plan again from the server, so it never diverges).
 * `part-read-only` names the part: `part-read-only:omBarnet`.
 */
export const UpdateRefusal = {
  /** The member may not change the plan at all. */
  readOnly: 'read-only',
  /** The member may not change this part of the plan. */
  partReadOnly: 'part-read-only',
  /** The update writes to a top-level type the plan does not have. */
  unknownPart: 'unknown-part',
  /** The update carries structs under a Yjs client id another account writes with. */
  clientIdTaken: 'client-id-taken',
  /** The update does not fit the plan: a reference the server cannot resolve, a value of the wrong kind, too deep. */
  invalid: 'invalid-update',
  /**
   * Not a refusal: the member's write budget is spent for now, so the update waits on their device and is sent
   * after the wait (the socket closes with 4529, not 4409). Named so in the innsynslogg's `edit.refused`.
   */
  writeBudgetSpent: 'write-budget-spent',
} as const;
export type UpdateRefusalCode = (typeof UpdateRefusal)[keyof typeof UpdateRefusal];

export function encodeUpdateRefusal(code: UpdateRefusalCode, detail?: string): string {
  return detail ? `${code}:${detail}` : code;
}

export function decodeUpdateRefusal(reason: string): { code: UpdateRefusalCode | 'unknown'; detail: string | null } {
  const at = reason.indexOf(':');
  const code = at < 0 ? reason : reason.slice(0, at);
  const known = (Object.values(UpdateRefusal) as string[]).includes(code);
  return { code: known ? (code as UpdateRefusalCode) : 'unknown', detail: at < 0 ? null : reason.slice(at + 1) };
}
