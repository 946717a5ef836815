import { useState, type FormEvent } from 'react';
import { api } from '../api/api.ts';
import { authErrorMessage } from '../api/authErrorMessage.ts';
import { Link } from '../routing/Link.tsx';
import { navigate } from '../routing/navigation.ts';
import { paths } from '../routing/routes.ts';
import { useSession } from '../session/SessionContext.tsx';
import { Alert } from '../components/Alert.tsx';
import { FormField } from '../components/FormField.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb } from '../i18n/index.ts';
import { nameError } from '../auth/nameError.ts';

const MIN_PASSWORD = 10;

export function RegisterPage() {
  usePageTitle(nb.auth.registerTitle);
  const { setUser } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [nameFieldError, setNameFieldError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    const nameProblem = nameError(name);
    const passwordProblem = password.length < MIN_PASSWORD ? nb.auth.passwordTooShort : null;
    setNameFieldError(nameProblem);
    setPasswordError(passwordProblem);
    if (nameProblem || passwordProblem) return;
    setBusy(true);
    try {
      setUser(await api.register(email.trim(), password, name.trim()));
      navigate(paths.plans(), { replace: true });
    } catch (err) {
      setError(authErrorMessage(err));
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <h1 tabIndex={-1}>{nb.auth.registerTitle}</h1>
      <p className="lead">{nb.auth.intro}</p>
      <form className="card form" onSubmit={submit}>
        {error && <Alert>{error}</Alert>}
        <FormField
          label={nb.auth.name}
          hint={nb.auth.nameHint}
          error={nameFieldError}
          name="name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <FormField
          label={nb.auth.email}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <FormField
          label={nb.auth.password}
          hint={nb.auth.passwordHint}
          error={passwordError}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? nb.auth.registering : nb.auth.register}
        </button>
      </form>
      <p>
        {nb.auth.haveAccount} <Link to={paths.login()}>{nb.auth.toLogin}</Link>
      </p>
    </div>
  );
}
