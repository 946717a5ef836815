import { z } from 'zod';

/** A user as the API shows them (`/api/me`, login, register). */
export interface User {
  id: string;
  email: string;
  name: string;
}

/** `GET /api/auth/providers`: whether open registration is on, and the OIDC logins configured. */
export interface AuthProviders {
  registration: boolean;
  oidc: Array<{ id: string; label: string; loginUrl: string }>;
}

/** `POST /api/auth/register`. */
export const RegisterBody = z.object({
  email: z.email().max(254),
  password: z.string().min(10, 'Passordet må ha minst 10 tegn').max(200),
  name: z.string().trim().min(1).max(120),
});
export type RegisterInput = z.input<typeof RegisterBody>;

/** `POST /api/auth/login`. */
export const LoginBody = z.object({
  email: z.string().max(254),
  password: z.string().max(200),
});
export type LoginInput = z.input<typeof LoginBody>;
