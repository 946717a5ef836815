import { useState, type FormEvent } from 'react';
import { api } from '../api/api.ts';
import { isNoAnswer } from '../api/ApiError.ts';
import type { NewPlanInput } from '@samplan/api';
import { Link } from '../routing/Link.tsx';
import { navigate } from '../routing/navigation.ts';
import { paths } from '../routing/routes.ts';
import { Alert } from '../components/Alert.tsx';
import { FormField } from '../components/FormField.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb } from '../i18n/index.ts';

export function CreatePlanPage() {
  usePageTitle(nb.createPlan.title);
  const [title, setTitle] = useState<string>(nb.createPlan.planTitleDefault);
  const [childName, setChildName] = useState('');
  // Nobody is a parent by default: a koordinator who missed the question would become "the family".
  const [role, setRole] = useState<NewPlanInput['creatorRole'] | null>(null);
  const [roleError, setRoleError] = useState(false);
  // "Lag en eksempelplan" from the empty Mine planer comes here with the example content chosen.
  const [demo, setDemo] = useState(() => new URLSearchParams(window.location.search).has('eksempel'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (role === null) {
      setRoleError(true);
      document.getElementById('role-foresatt')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const plan = await api.createPlan({
        title: title.trim() || nb.createPlan.planTitleDefault,
        childName: childName.trim(),
        creatorRole: role,
        ...(demo ? { demo: true } : {}),
      });
      navigate(paths.plan(plan.id));
    } catch (err) {
      // Offline (or the server out of reach): say so, and keep what was filled in for when the network is back.
      setError(isNoAnswer(err) ? nb.createPlan.offline : nb.errorGeneric);
      setBusy(false);
    }
  };

  return (
    <div className="narrow-page">
      <h1 tabIndex={-1}>{nb.createPlan.title}</h1>
      <p className="lead">{nb.createPlan.intro}</p>
      <form className="card form" onSubmit={submit}>
        {error && <Alert>{error}</Alert>}
        <FormField
          label={nb.createPlan.childName}
          hint={nb.createPlan.childNameHint}
          name="childName"
          required
          autoComplete="off"
          value={childName}
          onChange={(e) => setChildName(e.target.value)}
        />
        <FormField
          label={nb.createPlan.planTitle}
          name="title"
          required
          autoComplete="off"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <fieldset className="radio-group" aria-describedby={roleError ? 'role-error' : undefined}>
          <legend>{nb.createPlan.myRole}</legend>
          {roleError && (
            <p id="role-error" className="field-error">
              {nb.createPlan.roleMissing}
            </p>
          )}
          {(['foresatt', 'koordinator'] as const).map((value) => (
            <label key={value}>
              <input
                id={`role-${value}`}
                type="radio"
                name="role"
                checked={role === value}
                onChange={() => {
                  setRole(value);
                  setRoleError(false);
                }}
              />
              {value === 'foresatt' ? nb.createPlan.roleForesatt : nb.createPlan.roleKoordinator}
            </label>
          ))}
        </fieldset>
        <div className="checkbox-field">
          <input
            id="demo"
            type="checkbox"
            name="demo"
            checked={demo}
            aria-describedby="demo-hint"
            onChange={(e) => setDemo(e.target.checked)}
          />
          <label htmlFor="demo">{nb.createPlan.demo}</label>
          <p id="demo-hint" className="hint">
            {nb.createPlan.demoHint}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? nb.createPlan.submitting : nb.createPlan.submit}
          </button>
          <Link to={paths.plans()} className="button">
            {nb.createPlan.cancel}
          </Link>
        </div>
      </form>
    </div>
  );
}
