import { useEffect, useId, useState, type FormEvent } from 'react';
import { DateField } from '../fields/DateField.tsx';
import type { SelectOption } from '../fields/SelectField.tsx';
import { parseNorwegianDate } from '../i18n/index.ts';
import { nbMeetings as t } from '../i18n/meetings.ts';
import { PartScope } from '../planDoc/PartScope.tsx';
import { useAskBeforeLeaving } from '../hooks/useAskBeforeLeaving.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { useField, useItemMap } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { decisionDraft, keepDecisionDraft } from './decisionDrafts.ts';

/**
 * A decision made in the meeting, written as a task with who does it and by when. It is a task of the plan with
 * this meeting as its meeting, so it shows under Oppgaver and on the meeting (and in its record). What is typed and
 * not added yet is kept while the app is open (another page of the plan and back finds it), and the browser asks
 * before the page is closed or reloaded with it.
 */
export function DecisionForm({
  meetingId,
  participants,
}: {
  meetingId: string;
  participants: readonly SelectOption[];
}) {
  const actions = usePlanActions();
  const { connection, info } = usePlan();
  const userId = connection.user.id;
  const id = useId();
  const item = useItemMap('meetings', meetingId);
  const invited = useField('meetings', item, 'participantIds');
  const [kept] = useState(() => decisionDraft(userId, info.id, meetingId));
  const [title, setTitle] = useState(kept?.title ?? '');
  const [who, setWho] = useState(kept?.who ?? '');
  const [due, setDue] = useState<string | null>(kept?.due ?? null);
  const typed = title.trim() !== '' || who !== '' || due !== null;
  useEffect(() => {
    keepDecisionDraft(userId, info.id, meetingId, typed ? { title, who, due } : null);
  }, [userId, info.id, meetingId, typed, title, who, due]);
  // Closing or reloading the page would lose it: the browser asks first.
  useAskBeforeLeaving(typed, t.decisionNotAdded);
  const [missing, setMissing] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  // Those invited first: they are the ones in the room.
  const ordered = [
    ...participants.filter((p) => invited.includes(p.value)),
    ...participants.filter((p) => !invited.includes(p.value)),
  ];

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const text = title.trim();
    if (text === '') {
      setMissing(true);
      document.getElementById(`${id}-what`)?.focus();
      return;
    }
    // The deadline as it stands in its field, also when it has not been left yet (Enter): one typed wrongly keeps
    // the decision from being added without it; the field says what is wrong.
    const dueInput = event.currentTarget.querySelector<HTMLInputElement>('.input--date');
    const dueText = dueInput?.value.trim() ?? '';
    const dueDate = dueText === '' ? null : parseNorwegianDate(dueText);
    if (dueText !== '' && !dueDate) {
      dueInput?.blur();
      dueInput?.focus();
      return;
    }
    actions.add('tasks', { title: text, responsibleId: who || null, dueDate, meetingId });
    setTitle('');
    setWho('');
    setDue(null);
    setMissing(false);
    setAdded(text);
  };

  return (
    <PartScope part="oppgaver">
      <form className="decision-form" onSubmit={submit} noValidate aria-labelledby={`${id}-legend`}>
        <p id={`${id}-legend`} className="hint">
          {t.decisionIntro}
        </p>
        <div className="field">
          <label htmlFor={`${id}-what`} className="field__label">
            {t.decisionWhat}
          </label>
          <textarea
            id={`${id}-what`}
            className="input input--multiline"
            rows={2}
            value={title}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${id}-missing` : undefined}
            onChange={(event) => {
              setTitle(event.target.value);
              if (event.target.value.trim() !== '') setMissing(false);
            }}
          />
          {missing && (
            <p id={`${id}-missing`} className="field-error" role="alert">
              {t.decisionMissingWhat}
            </p>
          )}
        </div>
        <div className="field-row">
          <div className="field field--grow">
            <label htmlFor={`${id}-who`} className="field__label">
              {t.decisionWho}
            </label>
            <select id={`${id}-who`} className="select" value={who} onChange={(event) => setWho(event.target.value)}>
              <option value="">{t.nobody}</option>
              {ordered.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <DateField label={t.decisionWhen} value={due} onChange={setDue} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t.decisionAdd}
          </button>
        </div>
        <p className="hint" role="status">
          {added ? t.decisionAdded(added) : ''}
        </p>
      </form>
    </PartScope>
  );
}
