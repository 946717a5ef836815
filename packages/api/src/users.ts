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
