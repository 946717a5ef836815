/** An error answer from the server (`{ error: { code, message } }`), or NETWORK when there was no answer. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/** No answer from the server: offline, or the server is down (a 5xx from it or from a proxy in front of it). */
export const isNoAnswer = (err: unknown): boolean => err instanceof ApiError && (err.status === 0 || err.status >= 500);
