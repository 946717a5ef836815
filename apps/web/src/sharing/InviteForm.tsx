import { useId, useState, type FormEvent } from 'react';
import type { CreatedInvite, NewInvite } from '@samplan/api';
import { accessApi } from '../api/accessApi.ts';
import type { PlanInfo, PlanRole } from '@samplan/api';
import { useSession } from '../session/SessionContext.tsx';
import { Alert } from '../components/Alert.tsx';
import { FormField } from '../components/FormField.tsx';
import { nbAccess } from '../i18n/index.ts';
import { parseEndDate } from './accessDates.ts';
import { accessErrorMessage } from './accessError.ts';
import { canDo } from '../planDoc/permissions.ts';
import { isFamilyRole } from '@samplan/api/roles';

const t = nbAccess.inviteForm;

export const INVITE_ROLES: readonly PlanRole[] = ['foresatt', 'barn', 'koordinator', 'deltaker', 'lesetilgang'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invites someone by e-mail address with a role, an optional end of access and, for a foresatt, consent at once. */
export function InviteForm({ info, onCreated }: { info: PlanInfo; onCreated(created: CreatedInvite): void }) {
  const { user } = useSession();
  const roleHintId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<PlanRole | null>(null);
  const [end, setEnd] = useState('');
  const [withConsent, setWithConsent] = useState(false);
  const [givenBy, setGivenBy] = useState(user?.name ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayConsent = canDo(info, 'consent');
  const needsConsent = role !== null && !isFamilyRole(role);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const endDate = parseEndDate(end);
    const consentNow = needsConsent && mayConsent && withConsent;
    const found: Record<string, string | null> = {
      email: EMAIL.test(email.trim()) ? null : email.trim() ? t.invalidEmail : t.required,
      role: role ? null : t.required,
      end: endDate.ok ? null : endDate.reason === 'past' ? t.endPast : t.endInvalid,
      givenBy: consentNow && !givenBy.trim() ? t.required : null,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean) || !role || !endDate.ok) {
      const first = Object.keys(found).find((key) => found[key]);
      document.querySelector<HTMLElement>(`[data-invite-field="${first}"]`)?.focus();
      return;
    }
    const input: NewInvite = {
      email: email.trim(),
      role,
      ...(endDate.endsAt ? { membershipEndsAt: endDate.endsAt } : {}),
      ...(consentNow ? { consent: { givenBy: givenBy.trim(), ...(note.trim() ? { note: note.trim() } : {}) } } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const created = await accessApi.invite(info.id, input);
      setEmail('');
      setRole(null);
      setEnd('');
      setWithConsent(false);
      setNote('');
      onCreated(created);
    } catch (err) {
      setError(accessErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="invite-form" onSubmit={submit} noValidate aria-label={t.title}>
      {error && <Alert>{error}</Alert>}
      <FormField
        label={t.email}
        hint={t.emailHint}
        error={errors.email}
        type="email"
        autoComplete="off"
        required
        data-invite-field="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <fieldset className="radio-group role-picker" aria-describedby={errors.role ? roleHintId : undefined}>
        <legend>{t.role}</legend>
        {errors.role && (
          <p id={roleHintId} className="field-error">
            {errors.role}
          </p>
        )}
        {INVITE_ROLES.filter((option) => info.grantableRoles.includes(option)).map((option, index) => (
          <label key={option} className="role-picker__option">
            <input
              type="radio"
              name="invite-role"
              value={option}
              checked={role === option}
              data-invite-field={index === 0 ? 'role' : undefined}
              aria-describedby={`${roleHintId}-${option}`}
              onChange={() => setRole(option)}
            />
            <span>
              <span className="role-picker__name">{t.roleOption[option]}</span>
              <span id={`${roleHintId}-${option}`} className="hint">
                {t.roleHelp[option]}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <FormField
        label={t.end}
        hint={t.endHint}
        error={errors.end}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        data-invite-field="end"
        value={end}
        onChange={(e) => setEnd(e.target.value)}
      />
      {needsConsent && !mayConsent && <p className="alert alert--info">{t.consentNeeded}</p>}
      {needsConsent && mayConsent && (
        <div className="invite-form__consent">
          <div className="checkbox-field">
            <input
              id={`${roleHintId}-consent`}
              type="checkbox"
              checked={withConsent}
              aria-describedby={`${roleHintId}-consent-hint`}
              onChange={(e) => setWithConsent(e.target.checked)}
            />
            <label htmlFor={`${roleHintId}-consent`}>{t.consent}</label>
            <p id={`${roleHintId}-consent-hint`} className="hint">
              {t.consentHint}
            </p>
          </div>
          {withConsent && (
            <>
              <FormField
                label={t.givenBy}
                hint={t.givenByHint}
                error={errors.givenBy}
                type="text"
                required
                data-invite-field="givenBy"
                value={givenBy}
                onChange={(e) => setGivenBy(e.target.value)}
              />
              <FormField
                label={t.note}
                hint={t.noteHint}
                type="text"
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.submitting : t.submit}
        </button>
      </div>
    </form>
  );
}
