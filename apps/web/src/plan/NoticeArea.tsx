import { useState } from 'react';
import { nb } from '../i18n/index.ts';
import type { Notice } from '../planDoc/NoticeContext.tsx';
import { usePlan } from '../planDoc/PlanContext.tsx';

/** Tells the user what just happened (e.g. a deletion), with a way to undo it or act on it. */
export function NoticeArea({
  notice,
  onDismiss,
  onHold,
}: {
  notice: Notice | null;
  onDismiss(): void;
  /** The notice should stay while it is pointed at, has focus, or its action runs. */
  onHold(held: boolean): void;
}) {
  const { connection } = usePlan();
  const [outcome, setOutcome] = useState<{ id: number; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const done = outcome !== null && outcome.id === notice?.id;
  return (
    <div className="notice-area" role="status" aria-live="polite">
      {notice && (
        <div
          className="notice"
          key={notice.id}
          onMouseEnter={() => onHold(true)}
          onMouseLeave={() => onHold(false)}
          onFocus={() => onHold(true)}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) onHold(false);
          }}
        >
          <span>{done ? outcome.text : notice.message}</span>
          {notice.action && !done && (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => {
                const { id, action } = notice;
                setBusy(true);
                onHold(true);
                void action!
                  .run()
                  .then((text) => setOutcome({ id, text }))
                  .finally(() => {
                    setBusy(false);
                    onHold(false);
                  });
              }}
            >
              {notice.action.label}
            </button>
          )}
          {notice.undoable && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                connection.undo();
                onDismiss();
              }}
            >
              {nb.plan.undoDelete}
            </button>
          )}
          <button type="button" className="icon-button" aria-label={nb.plan.dismiss} onClick={onDismiss}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      )}
    </div>
  );
}
