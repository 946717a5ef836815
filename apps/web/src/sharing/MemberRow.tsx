import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { MemberInfo } from '@samplan/api';
import { accessApi } from '../api/accessApi.ts';
import type { PlanInfo } from '@samplan/api';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { Alert } from '../components/Alert.tsx';
import { FormField } from '../components/FormField.tsx';
import { formatDateTime, nb, nbAccess } from '../i18n/index.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { lastDayOf, parseEndDate } from './accessDates.ts';
import { accessErrorMessage } from './accessError.ts';
import { canChangeMember, canDo } from '../planDoc/permissions.ts';
import { RecordConsentForm } from './RecordConsentForm.tsx';

const t = nbAccess.members;

const CONSENT_BADGE: Record<string, string> = {
  gitt: 'innvilget',
  mangler: 'delvis_naadd',
  'trukket-for-planen': 'avslatt',
};

type Mode = 'view' | 'end' | 'remove' | 'consent';

/** One person with access: role, since when, until when, the family's consent, and what I may change. */
export function MemberRow({
  info,
  member,
  isMe,
  isLastManager,
  onChanged,
  onNotice,
}: {
  info: PlanInfo;
  member: MemberInfo;
  isMe: boolean;
  /** The server keeps one foresatt or koordinator; removing the last is not offered. */
  isLastManager: boolean;
  onChanged(): void;
  onNotice(message: string): void;
}) {
  const [mode, setMode] = useState<Mode>('view');
  const [endText, setEndText] = useState('');
  const [endError, setEndError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const actions = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  // Back from a form or question: focus returns to the buttons it came from, not to the top of the page.
  useEffect(() => {
    if (mode === 'view' && wasOpen.current) actions.current?.querySelector<HTMLElement>('button')?.focus();
    wasOpen.current = mode !== 'view';
  }, [mode]);
  // Your own access is not changed from here: a parent does not end her own access by a slip of the mouse.
  const mayChange = !isMe && canChangeMember(info, member);
  const mayRemove = mayChange && !isLastManager;
  const mayWithdraw = !member.family && member.consent === 'gitt' && canDo(info, 'consent');
  const mayConsent = !member.family && member.consent === 'mangler' && canDo(info, 'consent');
  // Someone who may invite but not consent (the koordinator) can ask the family, who get a mail.
  const mayAskFamily =
    !member.family && member.consent === 'mangler' && !canDo(info, 'consent') && canDo(info, 'invite');

  const askFamily = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await accessApi.requestConsent(info.id, { subjectUserId: member.userId });
      onNotice(t.askedFamily(member.name));
    } catch (err) {
      setError(accessErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const open = (next: Mode): void => {
    setError(null);
    setEndError(null);
    if (next === 'end') setEndText(lastDayOf(member.endsAt));
    setMode(next);
  };

  const saveEnd = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = parseEndDate(endText);
    if (!parsed.ok) {
      setEndError(parsed.reason === 'past' ? nbAccess.inviteForm.endPast : nbAccess.inviteForm.endInvalid);
      return;
    }
    setBusy(true);
    try {
      await accessApi.setMemberEnd(info.id, member.userId, parsed.endsAt);
      setMode('view');
      onNotice(t.endSaved(member.name));
      onChanged();
    } catch (err) {
      setError(accessErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (): Promise<void> => {
    setBusy(true);
    try {
      await accessApi.removeMember(info.id, member.userId);
      onNotice(t.removed(member.name));
      onChanged();
    } catch (err) {
      setError(accessErrorMessage(err));
      setBusy(false);
    }
  };

  return (
    <li className="member" aria-labelledby={headingId} data-user-id={member.userId}>
      <div className="member__main">
        <h3 id={headingId} className="member__name">
          {member.name} {isMe && <span className="muted">{t.you}</span>}
        </h3>
        <p className="member__role">
          <StatusBadge status={member.family ? 'foresatt' : member.role} label={nb.roles[member.role] ?? member.role} />
        </p>
      </div>
      <dl className="facts member__facts">
        <div>
          <dt>{t.email}</dt>
          <dd>{member.email}</dd>
        </div>
        {member.joinedAt && (
          <div>
            <dt>{t.joined}</dt>
            <dd>{formatDateTime(member.joinedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t.access}</dt>
          <dd>{member.endsAt ? t.accessUntil(lastDayOf(member.endsAt)) : t.accessNoEnd}</dd>
        </div>
        {!member.family && (
          <div>
            <dt>{t.consent}</dt>
            <dd>
              <StatusBadge
                status={CONSENT_BADGE[member.consent] ?? 'informert'}
                label={t.consentStatus[member.consent] ?? member.consent}
              />
              {mayWithdraw && (
                <>
                  <Link
                    to={paths.plan(info.id, 'samtykke')}
                    className="member__consent-link"
                    aria-label={t.seeConsentFor(member.name)}
                  >
                    {t.seeConsent}
                  </Link>
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      {error && <Alert>{error}</Alert>}
      {mode === 'view' && (mayChange || mayConsent || mayAskFamily) && (
        <div ref={actions} className="member__actions" role="group" aria-label={t.actions(member.name)}>
          {mayAskFamily && (
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={t.askFamilyFor(member.name)}
              disabled={busy}
              onClick={askFamily}
            >
              {t.askFamily}
            </button>
          )}
          {mayConsent && (
            <button type="button" className="button button--small button--secondary" onClick={() => open('consent')}>
              {t.recordConsent}
            </button>
          )}
          {mayChange && (
            <>
              <button
                type="button"
                className="button button--small"
                aria-label={t.changeEndFor(member.name)}
                onClick={() => open('end')}
              >
                {t.changeEnd}
              </button>
              {mayRemove && (
                <button
                  type="button"
                  className="button button--small button--danger"
                  aria-label={t.removeFor(member.name)}
                  onClick={() => open('remove')}
                >
                  {t.remove}
                </button>
              )}
            </>
          )}
        </div>
      )}
      {mode === 'end' && (
        <form className="member__form" onSubmit={saveEnd} aria-label={t.changeEndFor(member.name)}>
          <FormField
            label={t.endLabel}
            hint={t.endHint}
            error={endError}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={endText}
            autoFocus
            onChange={(e) => setEndText(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary button--small" disabled={busy}>
              {t.saveEnd}
            </button>
            <button type="button" className="button button--small" onClick={() => setMode('view')}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      {mode === 'remove' && (
        <div className="confirm" role="group" aria-label={t.removeFor(member.name)}>
          <p>{t.removeConfirm(member.name)}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button--danger-solid button--small"
              disabled={busy}
              onClick={remove}
              autoFocus
            >
              {t.removeYes}
            </button>
            <button type="button" className="button button--small" onClick={() => setMode('view')}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      {mode === 'consent' && (
        <RecordConsentForm
          planId={info.id}
          subject={{ kind: 'sharing', subjectUserId: member.userId, label: member.name }}
          title={t.recordConsentFor(member.name)}
          onDone={(recorded) => {
            setMode('view');
            if (recorded) {
              onNotice(nbAccess.consent.recorded);
              onChanged();
            }
          }}
        />
      )}
    </li>
  );
}
