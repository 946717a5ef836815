/** Stable error codes and the HTTP status each maps to: the one catalogue of API errors. */
export const errorCatalogue = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 401,
  TOKEN_EXPIRED: 401,
  OIDC_FAILED: 401,
  FORBIDDEN: 403,
  CONSENT_REQUIRED: 403,
  CSRF_REJECTED: 403,
  REGISTRATION_DISABLED: 403,
  NOT_FOUND: 404,
  PLAN_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  INVITE_NOT_FOUND: 404,
  CONSENT_NOT_FOUND: 404,
  OIDC_PROVIDER_NOT_FOUND: 404,
  VERSION_NOT_FOUND: 404,
  ITEM_NOT_IN_VERSION: 404,
  EMAIL_TAKEN: 409,
  OIDC_EMAIL_UNCONFIRMED: 409,
  ALREADY_MEMBER: 409,
  ROLE_NOT_GRANTABLE: 403,
  INVITE_FOR_OTHER_ADDRESS: 403,
  INVITE_NEEDS_FAMILY: 403,
  INVITE_INVITER_GONE: 403,
  FAMILY_ONLY: 403,
  LAST_MANAGER: 409,
  CONSENT_ALREADY_WITHDRAWN: 409,
  VERSION_ALREADY_NAMED: 409,
  PLAN_UNREADABLE: 409,
  INVITE_EXPIRED: 410,
  INVITE_USED: 410,
  INVITE_REVOKED: 410,
  RESET_LINK_INVALID: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INVITE_LIMIT: 429,
  HISTORY_BUSY: 429,
  LOGIN_LOCKED: 429,
  WRITE_BUDGET_SPENT: 429,
  INTERNAL_ERROR: 500,
  STORE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** An error the API reports as `{ error: { code, message } }` with the catalogue's status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code];
    this.details = details;
  }
}
