import { useState } from 'react';
import type { InviteInfo } from '@samplan/api';
import { isFamilyRole } from '@samplan/api/roles';
import { accessApi } from '../api/accessApi.ts';
import { Alert } from '../components/Alert.tsx';
import { formatDateTime, nb, nbAccess } from '../i18n/index.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { lastDayOf } from './accessDates.ts';
import { useSession } from '../session/SessionContext.tsx';
import { accessErrorMessage } from './accessError.ts';

const t = nbAccess.invites;

const STATUS_BADGE: Record<string, string> = {
  venter: 'planlagt',
  akseptert: 'innvilget',
  utlopt: 'avslatt',
  trukket: 'avlyst',
};

interface ListProps {
  planId: string;
  /**
   * I am a foresatt: I may confirm an invitation that waits for the family, and withdraw any invitation into it
   * (others withdraw only those they made themselves).
   */
  mayConfirm: boolean;
  onChanged(): void;
  onNotice(message: string): void;
}

function InviteItem({ planId, invite, mayConfirm, onChanged, onNotice }: ListProps & { invite: InviteInfo }) {
  const me = useSession().user?.id;
  const mayWithdraw =
    invite.status === 'venter' && (!isFamilyRole(invite.role) || mayConfirm || invite.invitedBy.userId === me);
  const [error, setError] = useState<string | null>(null);
  // The invitation as shown when a button was pressed: its buttons wait until the list shows it again after the
  // change (a new object from the reload), or the change fails. A confirmed invitation stays in the list, so a flag
  // left set on success would keep its «Trekk tilbake» disabled for good.
  const [pressedOn, setPressedOn] = useState<InviteInfo | null>(null);
  const busy = pressedOn === invite;
  const act = async (change: () => Promise<unknown>, notice: string): Promise<void> => {
    setPressedOn(invite);
    setError(null);
    try {
      await change();
      onNotice(notice);
      onChanged();
    } catch (err) {
      setError(accessErrorMessage(err));
      setPressedOn(null);
    }
  };
  const withdraw = () => act(() => accessApi.withdrawInvite(planId, invite.id), t.withdrawn(invite.email));
  const confirm = () => act(() => accessApi.confirmInvite(planId, invite.id), t.confirmed(invite.email));
  /** A button's name (it says whose invitation) and what it does; none while one is under way. */
  const action = (labelFor: (email: string) => string, onClick: () => Promise<void>) => ({
    'aria-label': labelFor(invite.email),
    disabled: busy,
    onClick,
  });
  return (
    <li className="invite" data-invite-status={invite.status}>
      <div className="invite__main">
        <strong className="invite__email">{invite.email}</strong>{' '}
        <StatusBadge
          status={invite.role === 'koordinator' ? 'koordinator' : 'rolle'}
          label={nb.roles[invite.role] ?? invite.role}
        />{' '}
        <StatusBadge
          status={invite.waitsForFamily ? 'informert' : (STATUS_BADGE[invite.status] ?? 'informert')}
          label={invite.waitsForFamily ? t.waitsForFamily : (t.status[invite.status] ?? invite.status)}
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
      {invite.waitsForFamily && <p className="hint">{mayConfirm ? t.waitsForYou : t.waitsForFamilyHint}</p>}
      {error && <Alert>{error}</Alert>}
      {invite.waitsForFamily && mayConfirm && (
        <button type="button" className="button button--small button--primary" {...action(t.confirmFor, confirm)}>
          {t.confirm}
        </button>
      )}{' '}
      {mayWithdraw && (
        <button type="button" className="button button--small button--danger" {...action(t.withdrawFor, withdraw)}>
          {t.withdraw}
        </button>
      )}
    </li>
  );
}

/**
 * Invitations waiting for an answer (with withdraw, and for the family, confirm one into the family that waits for
 * it), and the older ones folded away.
 */
export function InvitesList({ invites, ...props }: ListProps & { invites: InviteInfo[] }) {
  const pending = invites.filter((invite) => invite.status === 'venter');
  const older = invites.filter((invite) => invite.status !== 'venter');
  const item = (invite: InviteInfo) => <InviteItem key={invite.id} invite={invite} {...props} />;
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
