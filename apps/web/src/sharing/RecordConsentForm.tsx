import { useId, useState, type FormEvent } from 'react';
import type { NewConsent } from '@samplan/api';
import { accessApi } from '../api/accessApi.ts';
import { useSession } from '../session/SessionContext.tsx';
import { Alert } from '../components/Alert.tsx';
import { FormField } from '../components/FormField.tsx';
import { nbAccess } from '../i18n/index.ts';
import { parseGivenDate } from './accessDates.ts';
import { accessErrorMessage } from './accessError.ts';

const t = nbAccess.consent;

/** What a consent covers: the plan itself, a member outside the family, or someone invited. */
export type ConsentSubject =
  | { kind: 'plan'; label: string }
  | { kind: 'sharing'; subjectUserId: string; label: string }
  | { kind: 'sharing'; inviteId: string; label: string };

export const subjectKey = (subject: ConsentSubject): string =>
  subject.kind === 'plan'
    ? 'plan'
    : 'subjectUserId' in subject
      ? `user:${subject.subjectUserId}`
      : `invite:${subject.inviteId}`;

/**
 * Records the family's consent: who gave it, when, and what it covers. With one `subject` it is fixed; with
 * `choices` the user picks what it covers.
 */
export function RecordConsentForm({
  planId,
  subject,
  choices,
  title,
  onDone,
}: {
  planId: string;
  subject?: ConsentSubject;
  choices?: ConsentSubject[];
  title: string;
  onDone(recorded: boolean): void;
}) {
  const { user } = useSession();
  const titleId = useId();
  const selectId = useId();
  const options = subject ? [subject] : (choices ?? []);
  const [chosen, setChosen] = useState(options[0] ? subjectKey(options[0]) : '');
  const [givenBy, setGivenBy] = useState(user?.name ?? '');
  const [givenAt, setGivenAt] = useState('');
  const [note, setNote] = useState('');
  const [givenByError, setGivenByError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const target = options.find((option) => subjectKey(option) === chosen);
    const date = parseGivenDate(givenAt);
    setGivenByError(givenBy.trim() ? null : t.required);
    setDateError(date.ok ? null : date.reason === 'future' ? t.dateFuture : t.dateInvalid);
    if (!target || !givenBy.trim() || !date.ok) return;
    const input: NewConsent = {
      kind: target.kind,
      givenBy: givenBy.trim(),
      ...(date.givenAt ? { givenAt: date.givenAt } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(target.kind === 'sharing' && 'subjectUserId' in target ? { subjectUserId: target.subjectUserId } : {}),
      ...(target.kind === 'sharing' && 'inviteId' in target ? { inviteId: target.inviteId } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      await accessApi.recordConsent(planId, input);
      onDone(true);
    } catch (err) {
      setError(accessErrorMessage(err));
      setBusy(false);
    }
  };

  return (
    <form className="consent-form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h3 id={titleId} className="consent-form__title">
        {title}
      </h3>
      {error && <Alert>{error}</Alert>}
      {!subject && (
        <div className="form-field">
          <label htmlFor={selectId}>{t.kind}</label>
          <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {options.map((option) => (
              <option key={subjectKey(option)} value={subjectKey(option)}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <FormField
        label={t.givenByLabel}
        hint={t.givenByHint}
        error={givenByError}
        type="text"
        required
        autoFocus={Boolean(subject)}
        value={givenBy}
        onChange={(e) => setGivenBy(e.target.value)}
      />
      <FormField
        label={t.givenAtLabel}
        hint={t.givenAtHint}
        error={dateError}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={givenAt}
        onChange={(e) => setGivenAt(e.target.value)}
      />
      <FormField
        label={t.noteLabel}
        hint={t.noteHint}
        type="text"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? t.submitting : t.submit}
        </button>
        <button type="button" className="button button--small" onClick={() => onDone(false)}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
