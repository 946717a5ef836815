import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { InviteInfo, MemberInfo } from '@samplan/api';
import { accessApi } from '../api/accessApi.ts';
import type { ConsentInfo, PlanInfo } from '@samplan/api';
import { Alert } from '../components/Alert.tsx';
import { FormField } from '../components/FormField.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { formatDateTime, nb, nbAccess } from '../i18n/index.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { accessErrorMessage } from './accessError.ts';
import { canDo } from '../planDoc/permissions.ts';
import { RecordConsentForm, type ConsentSubject } from './RecordConsentForm.tsx';
import './access.css';
import { isFamilyRole } from '@samplan/api/roles';

const t = nbAccess.consent;

function subjectName(consent: ConsentInfo): string | null {
  const subject = consent.subject;
  if (!subject) return null;
  return 'name' in subject ? subject.name : t.forInvite(subject.email);
}

function consentTitle(consent: ConsentInfo): string {
  if (consent.kind === 'plan') return nb.consent.kindPlan;
  const name = subjectName(consent);
  return name ? nb.consent.kindSharing(name) : nb.consent.kindSharingUnknown;
}

function ConsentItem({
  planId,
  consent,
  mayWithdraw,
  onChanged,
}: {
  planId: string;
  consent: ConsentInfo;
  mayWithdraw: boolean;
  onChanged(message: string): void;
}) {
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const title = consentTitle(consent);
  const withdrawLabel =
    consent.kind === 'plan' ? t.withdrawForPlan : t.withdrawForSharing(subjectName(consent) ?? nbAccess.log.someone);

  const withdraw = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await accessApi.withdrawConsent(planId, consent.id, note.trim() || undefined);
      onChanged(t.withdrawnDone);
    } catch (err) {
      setError(accessErrorMessage(err));
      setBusy(false);
    }
  };
  const cancel = (): void => {
    setAsking(false);
    requestAnimationFrame(() => button.current?.focus());
  };

  return (
    <li className="consent-list__item" data-consent-kind={consent.kind} data-active={consent.active}>
      <div className="consent-list__title">
        <strong>{title}</strong>{' '}
        {consent.active ? (
          <StatusBadge status="innvilget" label={t.active} />
        ) : (
          <StatusBadge status="avslatt" label={t.withdrawn(formatDateTime(consent.withdrawnAt ?? ''))} />
        )}
      </div>
      <dl className="print-facts">
        <div>
          <dt>{t.givenBy}</dt>
          <dd>{consent.givenBy}</dd>
        </div>
        {consent.givenByAccount && (
          <div>
            <dt>{t.givenInSamplan}</dt>
            <dd>
              {consent.givenByAccount.login
                ? t.givenVia(consent.givenByAccount.login.method, consent.givenByAccount.login.level)
                : consent.givenByAccount.user.name}
            </dd>
          </div>
        )}
        {consent.givenAt && (
          <div>
            <dt>{t.givenAt}</dt>
            <dd>{formatDateTime(consent.givenAt)}</dd>
          </div>
        )}
        {consent.recordedBy && (
          <div>
            <dt>{t.recordedBy}</dt>
            <dd>{consent.recordedBy.name}</dd>
          </div>
        )}
        {consent.withdrawnBy && (
          <div>
            <dt>{t.withdrawnBy}</dt>
            <dd>{consent.withdrawnBy.name}</dd>
          </div>
        )}
        {consent.withdrawalNote && (
          <div>
            <dt>{t.withdrawalNote}</dt>
            <dd>{consent.withdrawalNote}</dd>
          </div>
        )}
      </dl>
      {consent.note && <p className="consent-list__note">{consent.note}</p>}
      {error && <Alert>{error}</Alert>}
      {consent.active && mayWithdraw && !asking && (
        <button
          ref={button}
          type="button"
          className="button button--small"
          aria-label={withdrawLabel}
          onClick={() => setAsking(true)}
        >
          {t.withdraw}
        </button>
      )}
      {asking && (
        <form className="confirm" onSubmit={withdraw} aria-label={withdrawLabel}>
          <p>
            {consent.kind === 'plan'
              ? t.withdrawEffectPlan
              : t.withdrawEffect(subjectName(consent) ?? nbAccess.log.someone)}
          </p>
          <FormField
            label={t.withdrawNote}
            type="text"
            value={note}
            autoFocus
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button--danger-solid button--small" disabled={busy}>
              {t.withdrawYes}
            </button>
            <button type="button" className="button button--small" onClick={cancel}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

/** What a new consent can cover: the plan, each member outside the family without consent, each open invitation. */
export function consentChoices(
  members: MemberInfo[],
  invites: InviteInfo[],
  consents: ConsentInfo[],
): ConsentSubject[] {
  const coveredInvites = new Set(
    consents.flatMap((c) => (c.active && c.subject && 'inviteId' in c.subject ? [c.subject.inviteId] : [])),
  );
  return [
    { kind: 'plan', label: t.kindPlan },
    ...members
      .filter((m) => !m.family && m.consent === 'mangler')
      .map((m): ConsentSubject => ({ kind: 'sharing', subjectUserId: m.userId, label: t.kindSharingWith(m.name) })),
    ...invites
      .filter((i) => i.status === 'venter' && !isFamilyRole(i.role) && !coveredInvites.has(i.id))
      .map((i): ConsentSubject => ({ kind: 'sharing', inviteId: i.id, label: t.kindSharingInvite(i.email) })),
  ];
}

/**
 * The consents the server has recorded for this plan: who gave them, when, and whether they still apply. A
 * foresatt records new ones and withdraws them here; everyone else sees them.
 */
export function ConsentManager({ info }: { info: PlanInfo }) {
  const mayConsent = canDo(info, 'consent');
  const [consents, setConsents] = useState<ConsentInfo[] | null>(null);
  const [choices, setChoices] = useState<ConsentSubject[]>([]);
  const [failed, setFailed] = useState(false);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');

  const load = useCallback(() => {
    setFailed(false);
    Promise.all([
      accessApi.consents(info.id),
      mayConsent ? accessApi.members(info.id) : Promise.resolve([]),
      mayConsent && canDo(info, 'invite') ? accessApi.invites(info.id) : Promise.resolve([]),
    ]).then(
      ([consentList, members, invites]) => {
        setConsents(consentList);
        setChoices(consentChoices(members, invites, consentList));
      },
      () => setFailed(true),
    );
  }, [info, mayConsent]);
  useEffect(load, [load]);

  const changed = (message: string): void => {
    setNotice(message);
    setAdding(false);
    load();
  };

  return (
    <div className="consent-manager">
      <p className="muted">{t.intro}</p>
      {!mayConsent && <p className="hint">{t.whoRecords}</p>}
      <p role="status" className="access-notice" data-empty={notice === '' || undefined}>
        {notice}
      </p>
      {failed && <p className="muted">{nb.consent.loadFailed}</p>}
      {!consents && !failed && <Spinner label={nb.loading} />}
      {consents && consents.length === 0 && (
        <p className="muted consent-list consent-list--empty">{nb.consent.serverNone}</p>
      )}
      {consents && consents.length > 0 && (
        <ul className="consent-list" aria-label={nb.consent.serverTitle}>
          {consents.map((consent) => (
            <ConsentItem
              key={consent.id}
              planId={info.id}
              consent={consent}
              mayWithdraw={mayConsent}
              onChanged={changed}
            />
          ))}
        </ul>
      )}
      {mayConsent && consents && !adding && (
        <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
          {t.recordTitle}
        </button>
      )}
      {mayConsent && adding && (
        <RecordConsentForm
          planId={info.id}
          choices={choices}
          title={t.recordTitle}
          onDone={(recorded) => (recorded ? changed(t.recorded) : setAdding(false))}
        />
      )}
    </div>
  );
}
