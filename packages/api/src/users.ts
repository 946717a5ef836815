import { z } from 'zod';
import { PERSON_NAME_MAX, personNameProblem } from './personName.ts';

/** A user as the API shows them (`/api/me`, login, register). */
export interface User {
  id: string;
  email: string;
  name: string;
}

/**
 * `GET /api/me`, and the answer to a login or a registration: who is logged in, and how long their login session has
 * left (ms), as a duration so that the browser's clock need not agree with the server's. A browser opens the plans it
 * keeps offline until then.
 */
export interface Me {
  user: User;
  sessionMsLeft: number;
}

/** `GET /api/auth/providers`: whether open registration is on, and the OIDC logins configured. */
export interface AuthProviders {
  registration: boolean;
  oidc: Array<{ id: string; label: string; loginUrl: string }>;
}

/** A new password: at least 10 characters (length is what makes a password strong, not its symbols). */
export const NewPassword = z.string().min(10, 'Passordet må ha minst 10 tegn').max(200);

/** A person's name as others see it (personName.ts): one line, no web addresses. */
export const PersonName = z
  .string()
  .trim()
  .min(1)
  .max(PERSON_NAME_MAX)
  .superRefine((name, context) => {
    const problem = personNameProblem(name);
    if (problem === 'characters') context.addIssue({ code: 'custom', message: 'Navnet må stå på én linje' });
    if (problem === 'link') context.addIssue({ code: 'custom', message: 'Navnet kan ikke inneholde en nettadresse' });
  });

/** `POST /api/auth/register`. */
export const RegisterBody = z.object({
  email: z.email().max(254),
  password: NewPassword,
  name: PersonName,
});
export type RegisterInput = z.input<typeof RegisterBody>;

/**
 * `POST /api/auth/login`. The address is not checked as an address (a login says as little as it can about
 * addresses), but it holds no spaces or control characters: the login lock counts an address's failures per client
 * address under «address, new line, client address».
 */
export const LoginBody = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .regex(/^[^\s\p{Cc}]*$/u, 'E-postadressen kan ikke inneholde mellomrom'),
  password: z.string().max(200),
});
export type LoginInput = z.input<typeof LoginBody>;

/** `POST /api/auth/password-reset`: answered 202 whether or not the address has an account. */
export const PasswordResetRequestBody = z.object({ email: z.string().trim().max(254) });
export type PasswordResetRequestInput = z.input<typeof PasswordResetRequestBody>;

/** `POST /api/auth/password-reset/confirm`: 204, and the link is spent; 410 `RESET_LINK_INVALID`. */
export const PasswordResetConfirmBody = z.object({ token: z.string().min(1).max(200), password: NewPassword });
export type PasswordResetConfirmInput = z.input<typeof PasswordResetConfirmBody>;
