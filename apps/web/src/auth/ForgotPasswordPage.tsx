import { useState, type FormEvent } from 'react';
import { api } from '../api/api.ts';
import { authErrorMessage } from '../api/authErrorMessage.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { Alert } from '../components/Alert.tsx';
import { FormField } from '../components/FormField.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb } from '../i18n/index.ts';

/** Asks for a password reset link by mail. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const t = nb.passwordReset;
  usePageTitle(t.forgotTitle);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (err) {
      setError(authErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <h1 tabIndex={-1}>{t.forgotTitle}</h1>
      {sentTo === null ? (
        <>
          <p className="lead">{t.forgotIntro}</p>
          <form className="card form" onSubmit={submit}>
            {error && <Alert>{error}</Alert>}
            <FormField
              label={nb.auth.email}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t.sending : t.send}
            </button>
          </form>
        </>
      ) : (
        <Alert kind="info">{t.sent(sentTo)}</Alert>
      )}
      <p>
        <Link to={paths.login()}>{t.backToLogin}</Link>
      </p>
    </div>
  );
}
