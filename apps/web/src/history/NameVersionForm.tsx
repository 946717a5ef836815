import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/ApiError.ts';
import { historyApi } from '../api/historyApi.ts';
import { Alert } from '../components/Alert.tsx';
import { FormField } from '../components/FormField.tsx';
import { nbHistory } from '../i18n/index.ts';

const t = nbHistory.name;

/** Names the plan as it is now ("Vedtatt i ansvarsgruppemøtet 12. mars"), so that version is easy to find again. */
export function NameVersionForm({ planId, onNamed }: { planId: string; onNamed(): void }) {
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const trimmed = name.trim();
    setFieldError(trimmed ? null : t.empty);
    if (!trimmed) return;
    setBusy(true);
    setMessage(null);
    try {
      await historyApi.name(planId, trimmed);
      setName('');
      setMessage({ kind: 'info', text: t.saved(trimmed) });
      onNamed();
    } catch (error) {
      const named = error instanceof ApiError && error.code === 'VERSION_ALREADY_NAMED';
      setMessage({ kind: 'error', text: named ? t.alreadyNamed : t.failed });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form name-version" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t.legend}</legend>
        <FormField
          label={t.label}
          hint={t.hint}
          type="text"
          value={name}
          maxLength={200}
          error={fieldError}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t.save}
          </button>
        </div>
      </fieldset>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
    </form>
  );
}
