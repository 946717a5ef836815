import { decodeUpdateRefusal } from '@samplan/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from '../routing/Link.tsx';
import { paths, type SectionId } from '../routing/routes.ts';
import { undoKeyOf } from '../fields/undoKeys.ts';
import { PHONE_QUERY, useMediaQuery } from '../hooks/useMediaQuery.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { SinceLastVisit } from '../history/SinceLastVisit.tsx';
import { nb, nbAccess, nbHistory } from '../i18n/index.ts';
import { AccessNav } from '../sharing/AccessNav.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { NoticeArea } from './NoticeArea.tsx';
import { OverviewLine } from './OverviewLine.tsx';
import { PresenceStrip } from './PresenceStrip.tsx';
import { SectionMenu } from './SectionMenu.tsx';
import { NoticeContext, type Notice, type NoticeApi } from '../planDoc/NoticeContext.tsx';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { useMergedApartNotices } from './useMergedApartNotices.ts';
import { useRemovalNotices } from './useRemovalNotices.ts';
import { PresenceList } from './PresenceList.tsx';
import { ProgressOverview } from './ProgressOverview.tsx';
import { SectionContent } from './SectionContent.tsx';
import { SectionNav } from './SectionNav.tsx';
import { UndoRedoButtons } from './UndoRedoButtons.tsx';

const NOTICE_MS = 10_000;

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT');

/** Notices to read before they go: an edit the server refused, the consent just given. */
const LONG_NOTICE_MS = 60_000;

/** The open plan: header, overview, the section list and the section being edited. */
export function PlanView({ section, notice: opening }: { section: SectionId; notice?: string }) {
  const { connection, info, canEdit, canWrite, loggedOut } = usePlan();
  usePageTitle(`${nb.sections[section]} – ${info.title}`);
  const [notice, setNotice] = useState<Notice | null>(null);
  const counter = useRef(0);
  const phone = useMediaQuery(PHONE_QUERY);

  const noticeApi = useMemo<NoticeApi>(
    () => ({
      notify: (message, options) => {
        counter.current += 1;
        setNotice({ ...options, id: counter.current, message, undoable: options?.undoable ?? false });
      },
    }),
    [],
  );
  const [held, setHeld] = useState(false);
  const dismiss = useCallback(() => {
    setNotice(null);
    setHeld(false);
  }, []);
  useEffect(() => {
    if (!notice || held) return;
    const timer = setTimeout(dismiss, notice.durationMs ?? NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, held, dismiss]);

  useEffect(() => connection.setSection(section), [connection, section]);
  // Something to say as the plan opens (the family's consent just given).
  useEffect(() => {
    if (opening) noticeApi.notify(opening, { durationMs: LONG_NOTICE_MS });
  }, [opening, noticeApi]);
  useRemovalNotices(noticeApi);
  useMergedApartNotices(noticeApi);
  // Opened again because the server refused an edit: say what was not saved, and keep it until read.
  useEffect(() => {
    if (!connection.refusal) return;
    const { code, detail } = decodeUpdateRefusal(connection.refusal);
    noticeApi.notify(nbAccess.parts.refused(code, detail), { durationMs: LONG_NOTICE_MS });
  }, [connection, noticeApi]);

  // Moving to another section puts focus on its heading (not on the first load, where the page h1 gets it).
  const firstSection = useRef(true);
  useEffect(() => {
    if (firstSection.current) {
      firstSection.current = false;
      return;
    }
    document.getElementById('section-heading')?.focus();
  }, [section]);

  // Ctrl+Z outside a field still undoes this user's last change (inside fields the field handles it).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const action = undoKeyOf(event);
      if (!action || isEditable(event.target) || !canEdit) return;
      event.preventDefault();
      if (action === 'undo') connection.undo();
      else connection.redo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [connection, canEdit]);

  return (
    <NoticeContext.Provider value={noticeApi}>
      <div className="plan-page">
        <div className="plan-header">
          <p className="plan-header__back">
            <Link to={paths.plans()}>
              <span aria-hidden="true">← </span>
              {nb.plan.back}
            </Link>
          </p>
          <h1 tabIndex={-1}>{info.title}</h1>
          <p className="plan-header__child">
            {nb.plan.childLabel}: <strong>{info.childName}</strong>
          </p>
          {!canEdit && !loggedOut && <p className="alert alert--info">{nb.plan.readOnly}</p>}
          {/* A plan a koordinator made waits for the family: what to do next. */}
          {info.role === 'koordinator' && info.familyConsent === 'venter' && (
            <p className="alert alert--info next-step">
              {nbAccess.nextStep.text} <Link to={paths.access(info.id)}>{nbAccess.nextStep.link}</Link>
            </p>
          )}
        </div>
        <div className="plan-toolbar" role="region" aria-label={nb.plan.toolbarLabel}>
          <ConnectionStatus />
          <UndoRedoButtons />
          {phone ? (
            <PresenceStrip />
          ) : (
            <>
              <Link to={paths.print(info.id)} className="button button--small">
                {nb.plan.print}
              </Link>
              <Link to={paths.history(info.id)} className="button button--small">
                {nbHistory.nav}
              </Link>
            </>
          )}
        </div>
        <SinceLastVisit planId={info.id} myId={connection.user.id} />
        {phone ? <OverviewLine /> : <ProgressOverview />}
        <div className="plan-layout">
          {phone ? (
            <SectionMenu current={section} />
          ) : (
            <aside className="plan-layout__side">
              <SectionNav current={section} />
              <AccessNav />
              <PresenceList />
            </aside>
          )}
          <div className="plan-layout__main">
            <SectionContent section={section} />
            {/* Only where this user writes: a reader is told the plan, or this part of it, is read-only instead. */}
            {canWrite(section) && <p className="muted saved-hint">{nb.plan.savedAutomatically}</p>}
          </div>
        </div>
        <NoticeArea notice={notice} onDismiss={dismiss} onHold={setHeld} />
      </div>
    </NoticeContext.Provider>
  );
}
