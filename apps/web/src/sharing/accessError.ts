import { ApiError } from '../api/ApiError.ts';
import { nb, nbAccess } from '../i18n/index.ts';

/** What to tell the user when a request about access, invitations or consent fails. */
export function accessErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return nb.errorGeneric;
  if (error.code === 'NETWORK') return nb.errorNetwork;
  return nbAccess.errors[error.code] ?? nb.errorGeneric;
}

export const errorCode = (error: unknown): string | null => (error instanceof ApiError ? error.code : null);
