/**
 * A login session's lifetime unless the operator sets `SESSION_TTL_HOURS`: the server ends the session then, and a
 * browser opens the plans it keeps offline for no longer than this after the server last confirmed the login.
 */
export const DEFAULT_SESSION_TTL_HOURS = 24 * 14;

/** The same lifetime in milliseconds: what a browser assumes when the server has not said how long is left. */
export const DEFAULT_SESSION_TTL_MS = DEFAULT_SESSION_TTL_HOURS * 3_600_000;
