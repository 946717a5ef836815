/** Websocket close codes sent by the sync server; the client maps them to what the user sees. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  badMessage: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  planNotFound: 4404,
  /** The server dropped a socket that did not read what it was sent (or answer pings); reconnect. */
  tooSlow: 4408,
  /** An update was refused (UpdateRefusal gives why): load the plan again from the server and tell the user. */
  updateRefused: 4409,
  messageTooLarge: 4413,
  tooManyConnections: 4429,
  serverError: 4500,
  /**
   * The member has written more into this plan than its write budget lets them at once; nothing was lost or
   * refused: the reason is the seconds to wait before connecting again, when the device sends what it holds.
   */
  tooMuchWritten: 4529,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Codes after which reconnecting cannot help: the client should stop and tell the user. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.unauthenticated,
  CloseCode.forbidden,
  CloseCode.planNotFound,
]);
