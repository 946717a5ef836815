import { useState, type FormEvent } from 'react';
import { api } from '../api/api.ts';
import { ApiError } from '../api/ApiError.ts';
import { authErrorMessage } from '../api/authErrorMessage.ts';
import { Link } from '../routing/Link.tsx';
import { navigate, useLocationPath } from '../routing/navigation.ts';
import { paths, safeNext } from '../routing/routes.ts';
import { useSession } from '../session/SessionContext.tsx';
import { OidcButtons, useAuthProviders } from '../auth/OidcButtons.tsx';
import { Alert } from '../components/Alert.tsx';
import { FormField } from '../components/FormField.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb, nbAccess } from '../i18n/index.ts';

export function LoginPage() {
  usePageTitle(nb.auth.loginTitle);
  const { setUser, offlineExpired } = useSession();
  const { search } = useLocationPath();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const providers = useAuthProviders();
  const failure = new URLSearchParams(search).get('feil');
  const oidcFailed = failure === 'oidc';
  const oidcUnconfirmed = failure === 'oidc-bekreft';
  const passwordChanged = new URLSearchParams(search).get('passord') === 'endret';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setUser(await api.login(email.trim(), password));
      navigate(safeNext(search), { replace: true });
    } catch (err) {
      setError({ text: authErrorMessage(err), locked: err instanceof ApiError && err.code === 'LOGIN_LOCKED' });
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <h1 tabIndex={-1}>{nb.auth.loginTitle}</h1>
      <p className="lead">{nb.auth.intro}</p>
      <form className="card form" onSubmit={submit} noValidate={false}>
        {error && (
          <Alert>
            {error.text} {error.locked && <Link to={paths.forgotPassword()}>{nb.auth.makeNewPassword}</Link>}
          </Alert>
        )}
        {oidcFailed && !error && <Alert>{nbAccess.oidc.failed}</Alert>}
        {oidcUnconfirmed && !error && (
          <Alert>
            {nbAccess.oidc.unconfirmed} <Link to={paths.forgotPassword()}>{nb.auth.makeNewPassword}</Link>
          </Alert>
        )}
        {passwordChanged && !error && <Alert kind="info">{nb.auth.passwordChanged}</Alert>}
        {offlineExpired && !error && <Alert kind="info">{nb.auth.offlineExpired}</Alert>}
        <FormField
          label={nb.auth.email}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <FormField
          label={nb.auth.password}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p className="form-aside">
          <Link to={paths.forgotPassword()}>{nb.auth.forgotPassword}</Link>
        </p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? nb.auth.loggingIn : nb.auth.login}
        </button>
      </form>
      <OidcButtons providers={providers} returnTo={safeNext(search)} />
      {providers?.registration !== false && (
        <p>
          {nb.auth.noAccount} <Link to={paths.register()}>{nb.auth.toRegister}</Link>
        </p>
      )}
    </div>
  );
}
