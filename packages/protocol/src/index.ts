export { CloseCode, FATAL_CLOSE_CODES } from './closeCodes.ts';
export { MessageType, SyncMessageType, AuthMessageType } from './messageTypes.ts';
export { DEFAULT_MAX_MESSAGE_BYTES, COLLAB_PATH } from './limits.ts';
export { READ_ONLY_REASON, encodePermissionDenied } from './readOnlyNotice.ts';
export { UpdateRefusal, decodeUpdateRefusal, encodeUpdateRefusal, type UpdateRefusalCode } from './updateRefusal.ts';
export { USER_COLORS, userColor } from './userColor.ts';
export { PRESENCE_LIMITS, type PresenceUser } from './presence.ts';
