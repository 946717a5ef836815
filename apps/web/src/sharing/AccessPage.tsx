import { useCallback, useEffect, useState } from 'react';
import type { CreatedInvite, InviteInfo, MemberInfo } from '@samplan/api';
import { accessApi } from '../api/accessApi.ts';
import type { PlanInfo } from '@samplan/api';
import { useSession } from '../session/SessionContext.tsx';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { nb, nbAccess } from '../i18n/index.ts';
import { accessErrorMessage } from './accessError.ts';
import { InviteForm } from './InviteForm.tsx';
import { InviteLinkBox } from './InviteLinkBox.tsx';
import { InvitesList } from './InvitesList.tsx';
import { MemberRow } from './MemberRow.tsx';
import { canDo } from '../planDoc/permissions.ts';
import { PlanAdminFrame } from './PlanAdminFrame.tsx';

const t = nbAccess.members;

/** Family first, then by role, then by name. */
const MANAGERS: ReadonlySet<string> = new Set(['foresatt', 'koordinator']);
const ROLE_ORDER = ['foresatt', 'barn', 'koordinator', 'deltaker', 'lesetilgang'];
const byRoleThenName = (a: MemberInfo, b: MemberInfo): number =>
  ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name, 'nb');

function AccessPanel({ info }: { info: PlanInfo }) {
  const { user } = useSession();
  const mayInvite = canDo(info, 'invite');
  const [members, setMembers] = useState<MemberInfo[] | null>(null);
  const [invites, setInvites] = useState<InviteInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [created, setCreated] = useState<CreatedInvite | null>(null);

  const load = useCallback(() => {
    setError(null);
    Promise.all([accessApi.members(info.id), mayInvite ? accessApi.invites(info.id) : Promise.resolve([])]).then(
      ([memberList, inviteList]) => {
        setMembers([...memberList].sort(byRoleThenName));
        setInvites([...inviteList].reverse());
      },
      (err: unknown) => setError(accessErrorMessage(err)),
    );
  }, [info.id, mayInvite]);
  useEffect(load, [load]);
  // The link of an invitation that no longer waits (withdrawn, or used) is of no use: the form comes back.
  useEffect(() => {
    if (!created || !invites) return;
    const current = invites.find((invite) => invite.id === created.invite.id);
    if (current && current.status !== 'venter') setCreated(null);
  }, [created, invites]);

  return (
    <>
      <p className="lead">{t.intro}</p>
      <p className="hint access-page__note">{t.notPlanList}</p>
      <p role="status" className="access-notice" data-empty={notice === '' || undefined}>
        {notice}
      </p>
      {error && (
        <Alert>
          {error}{' '}
          <button type="button" className="button button--small" onClick={load}>
            {nbAccess.page.retry}
          </button>
        </Alert>
      )}
      <div className="access-layout">
        <section className="card access-section" aria-labelledby="members-title">
          <h2 id="members-title">{t.listTitle}</h2>
          {!members && !error && <Spinner label={nb.loading} />}
          {members && (
            <ul className="member-list">
              {members.map((member) => (
                <MemberRow
                  key={member.userId}
                  info={info}
                  member={member}
                  isMe={member.userId === user?.id}
                  isLastManager={MANAGERS.has(member.role) && members.filter((m) => MANAGERS.has(m.role)).length === 1}
                  onChanged={load}
                  onNotice={setNotice}
                />
              ))}
            </ul>
          )}
        </section>
        {mayInvite && (
          <section className="card access-section" aria-labelledby="invite-title">
            <h2 id="invite-title">{nbAccess.inviteForm.title}</h2>
            <p className="muted">{nbAccess.inviteForm.intro}</p>
            {created ? (
              <InviteLinkBox created={created} onAnother={() => setCreated(null)} />
            ) : (
              <InviteForm
                info={info}
                onCreated={(next) => {
                  setCreated(next);
                  setNotice('');
                  load();
                }}
              />
            )}
            {invites && (
              <InvitesList
                planId={info.id}
                invites={invites}
                mayConfirm={info.role === 'foresatt'}
                onChanged={load}
                onNotice={setNotice}
              />
            )}
          </section>
        )}
      </div>
    </>
  );
}

/** Deltakere og tilgang: who may open the plan, with which role and until when; invitations; consent per person. */
export function AccessPage({ planId }: { planId: string }) {
  return (
    <PlanAdminFrame planId={planId} current="members">
      {(info) => <AccessPanel info={info} />}
    </PlanAdminFrame>
  );
}
