import { useState } from 'react';
import type { InviteInfo } from '@samplan/api';
import { accessApi } from '../api/accessApi.ts';
import { Alert } from '../components/Alert.tsx';
import { formatDateTime, nb, nbAccess } from '../i18n/index.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { lastDayOf } from './accessDates.ts';
import { accessErrorMessage } from './accessError.ts';

const t = nbAccess.invites;

const STATUS_BADGE: Record<string, string> = {
  venter: 'planlagt',
  akseptert: 'innvilget',
  utlopt: 'avslatt',
  trukket: 'avlyst',
};

function InviteItem({
  planId,
  invite,
  onChanged,
  onNotice,
}: {
  planId: string;
  invite: InviteInfo;
  onChanged(): void;
  onNotice(message: string): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const withdraw = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await accessApi.withdrawInvite(planId, invite.id);
      onNotice(t.withdrawn(invite.email));
      onChanged();
    } catch (err) {
      setError(accessErrorMessage(err));
      setBusy(false);
    }
  };
  return (
    <li className="invite" data-invite-status={invite.status}>
      <div className="invite__main">
        <strong className="invite__email">{invite.email}</strong>{' '}
        <StatusBadge
          status={invite.role === 'koordinator' ? 'koordinator' : 'rolle'}
          label={nb.roles[invite.role] ?? invite.role}
        />{' '}
        <StatusBadge
          status={STATUS_BADGE[invite.status] ?? 'informert'}
          label={t.status[invite.status] ?? invite.status}
        />
      </div>
      <p className="invite__facts muted">
        {t.invitedBy(invite.invitedBy.name, formatDateTime(invite.createdAt ?? ''))}
        {invite.status === 'venter' && invite.expiresAt && <> · {t.validUntil(formatDateTime(invite.expiresAt))}</>}
        {invite.status === 'akseptert' && invite.acceptedAt && (
          <> · {t.acceptedAt(formatDateTime(invite.acceptedAt))}</>
        )}
        {invite.membershipEndsAt && <> · {t.accessUntil(lastDayOf(invite.membershipEndsAt))}</>}
      </p>
      {error && <Alert>{error}</Alert>}
      {invite.status === 'venter' && (
        <button
          type="button"
          className="button button--small button--danger"
          aria-label={t.withdrawFor(invite.email)}
          disabled={busy}
          onClick={withdraw}
        >
          {t.withdraw}
        </button>
      )}
    </li>
  );
}

/** Invitations waiting for an answer (with withdraw), and the older ones folded away. */
export function InvitesList({
  planId,
  invites,
  onChanged,
  onNotice,
}: {
  planId: string;
  invites: InviteInfo[];
  onChanged(): void;
  onNotice(message: string): void;
}) {
  const pending = invites.filter((invite) => invite.status === 'venter');
  const older = invites.filter((invite) => invite.status !== 'venter');
  const item = (invite: InviteInfo) => (
    <InviteItem key={invite.id} planId={planId} invite={invite} onChanged={onChanged} onNotice={onNotice} />
  );
  return (
    <div className="invites">
      <h3>{t.pendingTitle}</h3>
      {pending.length === 0 ? <p className="muted">{t.none}</p> : <ul className="invite-list">{pending.map(item)}</ul>}
      {pending.length > 0 && <p className="hint">{t.linkLost}</p>}
      {older.length > 0 && (
        <details className="invites__older">
          <summary>{t.olderTitle(older.length)}</summary>
          <ul className="invite-list">{older.map(item)}</ul>
        </details>
      )}
    </div>
  );
}
