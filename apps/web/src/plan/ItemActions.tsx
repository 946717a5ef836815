import { nb } from '../i18n/index.ts';
import { useCanEdit } from './PartScope.tsx';

export interface ItemActionsProps {
  /** Names the item in the buttons' accessible names, e.g. "Flytt opp: Hovedmål 1". */
  name: string;
  removeLabel: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove(direction: -1 | 1): void;
  onRemove(): void;
}

export function ItemActions({ name, removeLabel, canMoveUp, canMoveDown, onMove, onRemove }: ItemActionsProps) {
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  return (
    <div className="item-actions" role="group" aria-label={`${nb.common.itemActions}: ${name}`}>
      <button
        type="button"
        className="icon-button"
        aria-label={`${nb.common.moveUp}: ${name}`}
        title={nb.common.moveUp}
        disabled={!canMoveUp}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`${nb.common.moveDown}: ${name}`}
        title={nb.common.moveDown}
        disabled={!canMoveDown}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        className="icon-button icon-button--danger"
        aria-label={removeLabel}
        title={nb.common.remove}
        onClick={onRemove}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
