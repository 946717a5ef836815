/**
 * Top-level y-websocket message types (the first varuint of every frame).
 * Written once here and used by server, client extensions and tests.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Sub-types of a `sync` message, as in y-protocols/sync. */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType];

/** Sub-types of an `auth` message, as in y-protocols/auth. */
export const AuthMessageType = {
  permissionDenied: 0,
} as const;
