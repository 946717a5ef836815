import { nb } from '../i18n/index.ts';
import type { Notice } from './NoticeContext.tsx';
import { usePlan } from './PlanContext.tsx';

/** Tells the user what just happened (e.g. a deletion), with a way to undo it. */
export function NoticeArea({ notice, onDismiss }: { notice: Notice | null; onDismiss(): void }) {
  const { connection } = usePlan();
  return (
    <div className="notice-area" role="status" aria-live="polite">
      {notice && (
        <div className="notice" key={notice.id}>
          <span>{notice.message}</span>
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
