import { nb } from '../i18n/index.ts';
import { ApiError } from './ApiError.ts';

/** What to tell the user about a failed login or registration. */
export function authErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return nb.errorGeneric;
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return nb.auth.invalidCredentials;
    case 'EMAIL_TAKEN':
      return nb.auth.emailTaken;
    case 'REGISTRATION_DISABLED':
      return nb.auth.registrationDisabled;
    case 'LOGIN_LOCKED':
      return nb.auth.loginLocked;
    case 'RESET_LINK_INVALID':
      return nb.passwordReset.linkInvalid;
    case 'NETWORK':
      return nb.errorNetwork;
    default:
      return nb.errorGeneric;
  }
}
