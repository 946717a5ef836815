/** Largest websocket frame the server accepts by default (2 MiB); configurable on the server. */
export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** Path prefix of the collaboration websocket: `ws://host/collab/:planId`. */
export const COLLAB_PATH = '/collab';
