import { useLayoutEffect, useState, type FormEvent } from 'react';
import { api } from '../api/api.ts';
import { ApiError } from '../api/ApiError.ts';
import { authErrorMessage } from '../api/authErrorMessage.ts';
import { Link } from '../routing/Link.tsx';
import { navigate } from '../routing/navigation.ts';
import { paths } from '../routing/routes.ts';
import { useSession } from '../session/SessionContext.tsx';
import { Alert } from '../components/Alert.tsx';
import { FormField } from '../components/FormField.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb } from '../i18n/index.ts';

const MIN_PASSWORD = 10;

/** The token in the link's fragment. */
function tokenInAddress(): string | null {
  return decodeURIComponent(location.hash.replace(/^#/, '')).trim() || null;
}

/** The page a password reset mail links to: sets a new password with the link's token. */
export function ResetPasswordPage() {
  const t = nb.passwordReset;
  usePageTitle(t.newTitle);
  const { recheck } = useSession();
  const [token] = useState(tokenInAddress);
  // The token leaves the address bar (and the tab's history) as the page is put on screen, not while it renders: React
  // may render a lazily loaded page more than once before it shows it, and a second render would find no token.
  useLayoutEffect(() => {
    if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  }, []);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [error, setError] = useState<{ text: string; askAgain: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!token) return;
    setError(null);
    if (password.length < MIN_PASSWORD) {
      setPasswordError(nb.auth.passwordTooShort);
      return;
    }
    setPasswordError(null);
    setBusy(true);
    try {
      await api.confirmPasswordReset(token, password);
      // Every session of the account has ended: this browser's too if it was logged in as that account (another
      // account logged in here stays so). Words typed here and not sent yet are kept for the next login.
      await recheck();
      navigate(paths.loginAfterReset(), { replace: true });
    } catch (err) {
      setError({
        text: authErrorMessage(err),
        askAgain: err instanceof ApiError && err.code === 'RESET_LINK_INVALID',
      });
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <div className="auth-page">
        <h1 tabIndex={-1}>{t.newTitle}</h1>
        <Alert>{t.missingToken}</Alert>
        <p>
          <Link to={paths.forgotPassword()}>{t.askAgain}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="auth-page">
      <h1 tabIndex={-1}>{t.newTitle}</h1>
      <p className="lead">{t.newIntro}</p>
      <form className="card form" onSubmit={submit} noValidate>
        {error && (
          <Alert>
            {error.text} {error.askAgain && <Link to={paths.forgotPassword()}>{t.askAgain}</Link>}
          </Alert>
        )}
        <FormField
          label={t.newPassword}
          hint={nb.auth.passwordHint}
          error={passwordError}
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            if (e.target.value.length >= MIN_PASSWORD) setPasswordError(null);
          }}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.saving : t.save}
        </button>
      </form>
    </div>
  );
}
