import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { canWritePart } from '@samplan/api/partRights';
import type { InviteInfo, MemberInfo, PlanInfo, PlanRole } from '@samplan/api';
import { PLAN_PARTS } from '@samplan/plan-model';
import { accessApi } from '../api/accessApi.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { useSession } from '../session/SessionContext.tsx';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb, nbAccess } from '../i18n/index.ts';
import { accessErrorMessage } from './accessError.ts';
import './access.css';
import { isFamilyRole } from '@samplan/api/roles';

const t = nbAccess.familyConsent;

/** Someone outside the family the plan can be shared with: a member, or an invitation not yet accepted. */
interface Candidate {
  key: string;
  /** The member's name, or the address an invitation went to. */
  name: string;
  label: string;
  role: PlanRole;
  userId?: string;
  inviteId?: string;
  /** The koordinator who made the plan: the family has not answered yet, so they may open it until now. */
  creator: boolean;
}

function candidatesOf(members: MemberInfo[], invites: InviteInfo[]): Candidate[] {
  return [
    ...members
      .filter((m) => !m.family)
      .map((m) => ({
        key: `u:${m.userId}`,
        name: m.name,
        label: m.name,
        role: m.role,
        userId: m.userId,
        creator: m.consent === 'venter-pa-familien',
      })),
    ...invites
      .filter((i) => i.status === 'venter' && !isFamilyRole(i.role))
      .map((i) => ({
        key: `i:${i.id}`,
        name: i.email,
        label: t.invited(i.email),
        role: i.role,
        inviteId: i.id,
        creator: false,
      })),
  ];
}

const writableParts = (role: PlanRole) => PLAN_PARTS.filter((part) => canWritePart(role, part));
/** The parts the family writes; a role that writes them all writes "the whole plan, as the family does". */
const familyParts = writableParts('foresatt');

/**
 * The consent step a parent is led through when a plan made by a koordinator has no consent from the family: what
 * the plan is, who would see it and what each may do, that consent can be withdrawn. Nothing is ticked in advance:
 * the parent chooses. Giving it with someone left unticked asks first, naming who will not be able to open the plan
 * (the koordinator who made it among them). The server records it as this parent's account and how they logged in.
 */
export function FamilyConsentStep(props: {
  info: PlanInfo;
  /** The consent is kept: with how many members, and how many invited not yet in, it is shared. */
  onGiven(shared: { members: number; invited: number }): void;
}) {
  const { info, onGiven } = props;
  usePageTitle(t.title);
  const { user } = useSession();
  const [members, setMembers] = useState<MemberInfo[] | null>(null);
  const [invites, setInvites] = useState<InviteInfo[]>([]);
  /** Said once a family invitation that waited for the family is confirmed. */
  const [confirmed, setConfirmed] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Those left unticked, while the parent is asked whether to give consent anyway. */
  const [leftOut, setLeftOut] = useState<Candidate[] | null>(null);
  const confirmRef = useRef<HTMLElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const noteId = useId();

  useEffect(() => {
    if (leftOut) confirmRef.current?.focus();
  }, [leftOut]);
  // The question had the focus and is gone: a failure to give consent takes it, so it is not left on nothing.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  useEffect(() => {
    let cancelled = false;
    Promise.all([accessApi.members(info.id), accessApi.invites(info.id)]).then(
      ([memberList, inviteList]) => {
        if (cancelled) return;
        setMembers(memberList);
        setInvites(inviteList);
      },
      (err: unknown) => !cancelled && setError(accessErrorMessage(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [info.id]);

  if (!members) return error ? <Alert>{error}</Alert> : <Spinner label={nb.loading} />;
  const family = members.filter((m) => m.family);
  const candidates = candidatesOf(members, invites);
  // Invited into the family and not in yet; one the koordinator made before the family joined waits for it.
  const familyInvites = invites.filter((i) => i.status === 'venter' && isFamilyRole(i.role));

  const confirmInvite = async (invite: InviteInfo): Promise<void> => {
    setError(null);
    try {
      const updated = await accessApi.confirmInvite(info.id, invite.id);
      setInvites((list) => list.map((i) => (i.id === updated.id ? updated : i)));
      setConfirmed(nbAccess.invites.confirmed(invite.email));
    } catch (err) {
      setError(accessErrorMessage(err));
    }
  };

  const toggle = (key: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
    setLeftOut(null);
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const unticked = candidates.filter((c) => !chosen.has(c.key));
    if (unticked.length > 0) setLeftOut(unticked);
    else void give();
  };

  /** Back to the boxes: the first one left unticked gets the focus. */
  const goBack = (): void => {
    const first = leftOut?.[0];
    setLeftOut(null);
    if (first) document.getElementById(`${noteId}-${first.key}`)?.focus();
  };

  const give = async (): Promise<void> => {
    setLeftOut(null);
    setBusy(true);
    setError(null);
    const picked = candidates.filter((c) => chosen.has(c.key));
    try {
      await accessApi.giveFamilyConsent(info.id, {
        shareWithUserIds: picked.flatMap((c) => (c.userId ? [c.userId] : [])),
        shareWithInviteIds: picked.flatMap((c) => (c.inviteId ? [c.inviteId] : [])),
        note: note.trim(),
      });
      onGiven({
        members: picked.filter((c) => c.userId).length,
        invited: picked.filter((c) => !c.userId && c.inviteId).length,
      });
    } catch (err) {
      setError(accessErrorMessage(err));
      setBusy(false);
    }
  };

  return (
    <div className="family-consent">
      <h1 tabIndex={-1}>{t.title}</h1>
      <p className="lead">{t.intro(info.childName)}</p>
      <form className="card family-consent__form" onSubmit={submit}>
        <section aria-labelledby={`${noteId}-what`}>
          <h2 id={`${noteId}-what`}>{t.whatTitle}</h2>
          <p>{t.what}</p>
        </section>
        <section aria-labelledby={`${noteId}-who`}>
          <h2 id={`${noteId}-who`}>{t.whoTitle}</h2>
          <h3>{t.familyTitle}</h3>
          <p className="hint">{t.familyNote}</p>
          <ul className="family-consent__family">
            {family.map((m) => (
              <li key={m.userId}>
                {m.name} ({nb.roles[m.role]})
              </li>
            ))}
            {familyInvites.map((i) =>
              i.waitsForFamily ? (
                <li key={i.id}>
                  {t.familyWaiting(i.email, nb.roles[i.role] ?? i.role, i.invitedBy.name)}{' '}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={nbAccess.invites.confirmFor(i.email)}
                    onClick={() => void confirmInvite(i)}
                  >
                    {nbAccess.invites.confirm}
                  </button>
                </li>
              ) : (
                <li key={i.id}>{t.familyInvited(i.email, nb.roles[i.role] ?? i.role)}</li>
              ),
            )}
          </ul>
          <p role="status" className="hint">
            {confirmed}
          </p>
          {candidates.length === 0 ? (
            <p>{t.nobodyElse}</p>
          ) : (
            <fieldset className="family-consent__choices">
              <legend>{t.whoIntro(candidates.find((c) => c.creator)?.name ?? null)}</legend>
              {candidates.map((c) => (
                <div key={c.key} className="family-consent__choice">
                  <input
                    type="checkbox"
                    id={`${noteId}-${c.key}`}
                    aria-describedby={`${noteId}-${c.key}-may`}
                    checked={chosen.has(c.key)}
                    onChange={(e) => toggle(c.key, e.target.checked)}
                  />
                  <label htmlFor={`${noteId}-${c.key}`}>
                    {t.shareWith(c.label, nb.roles[c.role] ?? c.role)}
                    <span id={`${noteId}-${c.key}-may`} className="hint">
                      {t.mayDo(writableParts(c.role), writableParts(c.role).length === familyParts.length)}
                    </span>
                  </label>
                </div>
              ))}
            </fieldset>
          )}
        </section>
        <section aria-labelledby={`${noteId}-change`}>
          <h2 id={`${noteId}-change`}>{t.changeTitle}</h2>
          <p>{t.change}</p>
        </section>
        <div className="form-field">
          <label htmlFor={`${noteId}-note`}>{t.note}</label>
          <p id={`${noteId}-note-hint`} className="hint">
            {t.noteHint}
          </p>
          <input
            id={`${noteId}-note`}
            type="text"
            aria-describedby={`${noteId}-note-hint`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <p className="hint">{t.recordedAs(user?.name ?? '')}</p>
        {error && (
          <div ref={errorRef} tabIndex={-1}>
            <Alert>{error}</Alert>
          </div>
        )}
        {leftOut ? (
          <section
            ref={confirmRef}
            className="confirm family-consent__confirm"
            role="alertdialog"
            aria-labelledby={`${noteId}-confirm`}
            aria-describedby={`${noteId}-confirm-list`}
            tabIndex={-1}
            onKeyDown={(event) => {
              if (event.key === 'Escape') goBack();
            }}
          >
            <h2 id={`${noteId}-confirm`}>{t.confirmTitle}</h2>
            <p>{t.confirmIntro}</p>
            <ul id={`${noteId}-confirm-list`}>
              {leftOut.map((c) => (
                <li key={c.key}>{t.leftOut(c.name, c.role, { creator: c.creator, invited: !!c.inviteId })}</li>
              ))}
            </ul>
            <p>{t.confirmLater}</p>
            <div className="form-actions">
              <button type="button" className="button button--primary" onClick={() => void give()}>
                {t.confirmYes}
              </button>
              <button type="button" className="button" onClick={goBack}>
                {t.confirmBack}
              </button>
            </div>
          </section>
        ) : (
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t.giving : t.give}
            </button>
            <Link to={paths.plans()} className="button">
              {t.later}
            </Link>
          </div>
        )}
        <p className="hint">{t.laterNote}</p>
      </form>
    </div>
  );
}
