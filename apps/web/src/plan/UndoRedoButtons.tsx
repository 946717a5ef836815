import { nb } from '../i18n/index.ts';
import { useUndoState } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

export function UndoRedoButtons() {
  const { connection, canEdit } = usePlan();
  const { canUndo, canRedo } = useUndoState(connection);
  if (!canEdit) return null;
  return (
    <div className="undo-redo" role="group" aria-label={`${nb.plan.undo} / ${nb.plan.redo}`}>
      <button
        type="button"
        className="button button--small"
        disabled={!canUndo}
        title={nb.plan.undoHint}
        onClick={() => connection.undo()}
      >
        <span aria-hidden="true">↶ </span>
        {nb.plan.undo}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={!canRedo}
        title={nb.plan.redoHint}
        onClick={() => connection.redo()}
      >
        <span aria-hidden="true">↷ </span>
        {nb.plan.redo}
      </button>
    </div>
  );
}
