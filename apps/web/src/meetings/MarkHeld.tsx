import { meetingVersionName, type MeetingStatus } from '@samplan/plan-model';
import { useEffect, useId, useState } from 'react';
import { historyApi } from '../api/historyApi.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { nbHistory } from '../i18n/index.ts';
import { nbMeetings as t } from '../i18n/meetings.ts';
import { useConnectionSnapshot } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

const LOOK_EVERY_MS = 1000;
const LOOKS = 20;

/**
 * «Marker møtet som holdt»: the meeting becomes gjennomført, which names a version of the plan in the history
 * (the server does that, after the meeting's title and date). Once held, it says which version that is, links to
 * it, and offers the record to print.
 */
export function MarkHeld({
  meetingId,
  status,
  title,
  date,
}: {
  meetingId: string;
  status: MeetingStatus;
  title: string;
  date: string | null;
}) {
  const { connection, info } = usePlan();
  const actions = usePlanActions();
  const id = useId();
  const { pending } = useConnectionSnapshot(connection);
  const expected = meetingVersionName(title, date);
  const version = useHeldVersion(info.id, status === 'gjennomfort' && pending === 0 ? expected : null);

  if (status === 'avlyst') {
    return (
      <section className="card meeting-card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t.statusCancelled}</h2>
      </section>
    );
  }
  if (status === 'planlagt') {
    return (
      <section className="card meeting-card mark-held" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t.markHeldTitle}</h2>
        <p className="hint">{t.markHeldIntro}</p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => actions.update('meetings', meetingId, { status: 'gjennomfort' })}
        >
          {t.markHeld}
        </button>
      </section>
    );
  }
  return (
    <section className="card meeting-card mark-held mark-held--done" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.statusHeld}</h2>
      <p role="status">
        {version === undefined ? t.heldVersionWaiting : version ? t.heldVersion(version.name) : t.heldVersionElsewhere}
      </p>
      <div className="form-actions">
        <Link to={paths.meetingRecord(info.id, meetingId)} className="button button--primary">
          {t.printRecord}
        </Link>
        <Link to={version ? paths.version(info.id, version.seq) : paths.history(info.id)} className="button">
          {version ? t.seeVersion : nbHistory.nav}
        </Link>
        <button
          type="button"
          className="button"
          onClick={() => actions.update('meetings', meetingId, { status: 'planlagt' })}
        >
          {t.markPlanned}
        </button>
      </div>
    </section>
  );
}

/**
 * The version the history named `name` when the meeting was held: undefined while it is being looked for, null
 * when it is not found (renamed since, or long ago), else its seq and name.
 */
function useHeldVersion(planId: string, name: string | null): { seq: number; name: string } | null | undefined {
  const [found, setFound] = useState<{ key: string; version: { seq: number; name: string } | null } | null>(null);
  const key = name === null ? null : `${planId}:${name}`;
  useEffect(() => {
    if (key === null || name === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async (left: number): Promise<void> => {
      try {
        const list = await historyApi.versions(planId, { limit: 50 });
        const version = list.versions.find((v) => v.nameKind === 'meeting' && v.name === name);
        if (stopped) return;
        if (version) return setFound({ key, version: { seq: version.seq, name } });
      } catch {
        // Offline or refused: the link to the history page stays.
      }
      if (stopped) return;
      if (left <= 1) return setFound({ key, version: null });
      timer = setTimeout(() => void look(left - 1), LOOK_EVERY_MS);
    };
    void look(LOOKS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [planId, name, key]);
  return found?.key === key ? found.version : undefined;
}
