import { useState, type FormEvent } from 'react';
import { api } from '../api/api.ts';
import type { InvitePreview } from '@samplan/api';
import { accessApi } from '../api/accessApi.ts';
import { navigate } from '../routing/navigation.ts';
import { paths } from '../routing/routes.ts';
import { LogoutButton } from '../session/LogoutButton.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { OidcButtons, useAuthProviders } from '../auth/OidcButtons.tsx';
import { Alert } from '../components/Alert.tsx';
import { FormField } from '../components/FormField.tsx';
import { nbAccess } from '../i18n/index.ts';
import { accessErrorMessage, errorCode } from '../sharing/accessError.ts';
import { nameError } from '../auth/nameError.ts';
import { forgetInviteToken } from './inviteToken.ts';

const t = nbAccess.invitation;
const MIN_PASSWORD = 10;

type Mode = 'register' | 'login';

/**
 * The second half of the invitation page: logged in, one button; otherwise a new account for the invited address,
 * or a login when that address already has one. Then the plan opens.
 */
export function AcceptInvitation({ token, invite }: { token: string; invite: InvitePreview }) {
  const { user, setUser, recheck } = useSession();
  const providers = useAuthProviders();
  const [mode, setMode] = useState<Mode>(invite.accountExists ? 'login' : 'register');
  const [name, setName] = useState('');
  const [email, setEmail] = useState(invite.email);
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const opened = (planId: string): void => {
    forgetInviteToken();
    navigate(paths.plan(planId), { replace: true });
  };

  const fail = (err: unknown): void => {
    if (errorCode(err) === 'EMAIL_TAKEN') setMode('login');
    setError(accessErrorMessage(err));
    setBusy(false);
  };

  const accept = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await accessApi.acceptInvite(token);
      opened(result.plan.id);
    } catch (err) {
      fail(err);
    }
  };

  const register = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = {
      name: nameError(name),
      password: password.length >= MIN_PASSWORD ? null : password ? t.passwordTooShort : t.required,
    };
    setFieldErrors(found);
    if (found.name || found.password) return;
    setBusy(true);
    setError(null);
    try {
      const result = await accessApi.acceptInvite(token, { name: name.trim(), password });
      if (result.sessionMsLeft !== null) setUser({ user: result.user, sessionMsLeft: result.sessionMsLeft });
      // Accepted by a login this page did not know of (made meanwhile in another tab): the server says who it is,
      // and until when, as /api/me; else the plan would open to the login page.
      else await recheck();
      opened(result.plan.id);
    } catch (err) {
      fail(err);
    }
  };

  const login = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = { email: email.trim() ? null : t.required, password: password ? null : t.required };
    setFieldErrors(found);
    if (found.email || found.password) return;
    setBusy(true);
    setError(null);
    try {
      setUser(await api.login(email.trim(), password));
      const result = await accessApi.acceptInvite(token);
      opened(result.plan.id);
    } catch (err) {
      fail(err);
    }
  };

  if (user) {
    const sameAddress = user.email.toLowerCase() === invite.email.toLowerCase();
    return (
      <section className="card invitation-action" aria-labelledby="accept-title">
        <h2 id="accept-title">{t.acceptTitle}</h2>
        <p>{t.loggedInAs(user.name, user.email)}</p>
        {!sameAddress && <p className="alert alert--info">{t.otherAccount(invite.email)}</p>}
        {error && <Alert>{error}</Alert>}
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={accept}>
            {busy ? t.accepting : t.accept}
          </button>
          {/* Stays here: the invitation is then accepted with the other account. */}
          <LogoutButton label={t.logoutFirst} onLoggedOut={() => undefined} />
        </div>
      </section>
    );
  }

  if (mode === 'login') {
    return (
      <section className="card invitation-action" aria-labelledby="accept-title">
        <h2 id="accept-title">{t.loginTitle}</h2>
        <p>{t.loginIntro(invite.email)}</p>
        <form className="form" onSubmit={login} noValidate>
          {error && <Alert>{error}</Alert>}
          <FormField
            label={t.email}
            type="email"
            autoComplete="username"
            required
            error={fieldErrors.email}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <FormField
            label={t.loginPassword}
            type="password"
            autoComplete="current-password"
            required
            error={fieldErrors.password}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t.loggingIn : t.login}
          </button>
        </form>
        <OidcButtons providers={providers} returnTo={paths.invitation()} />
        {!invite.accountExists && (
          <p>
            <button type="button" className="link-button" onClick={() => setMode('register')}>
              {t.switchToRegister}
            </button>
          </p>
        )}
      </section>
    );
  }

  return (
    <section className="card invitation-action" aria-labelledby="accept-title">
      <h2 id="accept-title">{t.registerTitle}</h2>
      <p>{t.registerIntro(invite.email)}</p>
      <form className="form" onSubmit={register} noValidate>
        {error && <Alert>{error}</Alert>}
        <FormField
          label={t.name}
          hint={t.nameHint}
          type="text"
          autoComplete="name"
          required
          error={fieldErrors.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <FormField
          label={t.password}
          hint={t.passwordHint}
          type="password"
          autoComplete="new-password"
          required
          error={fieldErrors.password}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.registering : t.register}
        </button>
      </form>
      <p>
        <button type="button" className="link-button" onClick={() => setMode('login')}>
          {t.switchToLogin}
        </button>
      </p>
      <OidcButtons providers={providers} returnTo={paths.invitation()} />
    </section>
  );
}
