import { useEffect, useState } from 'react';
import type { InvitePreview } from '@samplan/api';
import { accessApi } from '../api/accessApi.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { useSession } from '../session/SessionContext.tsx';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { formatDateTime, nb, nbAccess } from '../i18n/index.ts';
import { lastDayOf } from '../sharing/accessDates.ts';
import { errorCode } from '../sharing/accessError.ts';
import '../sharing/access.css';
import { AcceptInvitation } from './AcceptInvitation.tsx';
import { readInviteToken } from './inviteToken.ts';
import { isFamilyRole } from '@samplan/api/roles';

const t = nbAccess.invitation;

function previewError(code: string | null): string {
  switch (code) {
    case 'INVITE_EXPIRED':
      return t.expired;
    case 'INVITE_USED':
      return t.used;
    case 'INVITE_REVOKED':
      return t.revoked;
    case 'INVITE_NOT_FOUND':
    case 'VALIDATION_FAILED':
      return t.notFound;
    case 'RATE_LIMITED':
      return nbAccess.errors.RATE_LIMITED!;
    case 'NETWORK':
      return nb.errorNetwork;
    default:
      return nb.errorGeneric;
  }
}

/** What the invitation offers: the plan, who invited, the role, and for how long. */
function InvitationSummary({ invite }: { invite: InvitePreview }) {
  return (
    <section className="card invitation-summary" aria-labelledby="invitation-lead">
      <p id="invitation-lead" className="invitation-summary__lead">
        {invite.invitedBy ? t.invitedYou(invite.invitedBy, invite.planTitle) : t.someoneInvitedYou(invite.planTitle)}
      </p>
      <p className="muted">{t.whatIsSamplan}</p>
      <dl className="invitation-facts">
        <div>
          <dt>{t.yourRole}</dt>
          <dd>
            <strong>{nb.roles[invite.role] ?? invite.role}</strong>
            <span className="hint">{t.roleForYou[invite.role]}</span>
          </dd>
        </div>
        <div>
          <dt>{t.invitedEmail}</dt>
          <dd>{invite.email}</dd>
        </div>
        {invite.membershipEndsAt && (
          <div>
            <dt>{t.accessUntil}</dt>
            <dd>{lastDayOf(invite.membershipEndsAt)}</dd>
          </div>
        )}
        {invite.expiresAt && (
          <div>
            <dt>{t.validUntil}</dt>
            <dd>{formatDateTime(invite.expiresAt)}</dd>
          </div>
        )}
      </dl>
      {!isFamilyRole(invite.role) && <p className="alert alert--info">{t.consentNote}</p>}
    </section>
  );
}

/** /invitasjon#<token>: shows the invitation, then registers or logs in, accepts, and opens the plan. */
export function InvitationPage() {
  usePageTitle(t.title);
  const { user } = useSession();
  const [token] = useState(readInviteToken);
  const [invite, setInvite] = useState<InvitePreview | null>(null);
  const [error, setError] = useState<string | null>(token ? null : t.missingToken);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    accessApi.previewInvite(token).then(
      (preview) => !cancelled && setInvite(preview),
      (err: unknown) => !cancelled && setError(previewError(errorCode(err))),
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  return (
    <div className="invitation-page">
      <h1 tabIndex={-1}>{t.title}</h1>
      {error && (
        <>
          <Alert>{error}</Alert>
          <p>{user ? <Link to={paths.plans()}>{t.openPlans}</Link> : <Link to={paths.login()}>{t.toLogin}</Link>}</p>
        </>
      )}
      {!error && (!invite || user === undefined) && <Spinner label={t.loading} />}
      {!error && invite && user !== undefined && token && (
        <>
          <InvitationSummary invite={invite} />
          {invite.blockedBecause ? (
            <Alert kind="info">
              {invite.blockedBecause === 'INVITE_NEEDS_FAMILY'
                ? t.waitsForFamily
                : nbAccess.errors[invite.blockedBecause]}
            </Alert>
          ) : (
            <AcceptInvitation token={token} invite={invite} />
          )}
        </>
      )}
    </div>
  );
}
