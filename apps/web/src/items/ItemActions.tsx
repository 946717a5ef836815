import { useId, useState } from 'react';
import { getItemMap, itemHasWords, removalReach, type CollectionName, type RemovalReach } from '@samplan/plan-model';
import { nb } from '../i18n/index.ts';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

export interface ItemActionsProps {
  /** Names the item in the buttons' accessible names, e.g. "Flytt opp: Hovedmål 1". */
  name: string;
  removeLabel: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Moves the item; without it there are no arrows (the order is not set by hand). */
  onMove?(direction: -1 | 1): void;
  /** The item the delete button removes, and what the notice calls it ("Målet ble slettet."). */
  removes: { collection: CollectionName; id: string; what: string };
}

/**
 * Move up, move down and delete for one item. Deleting an item someone has written in, or one with delmål or with
 * items linking to it, asks first; an empty one goes at once. Either way the notice after it can undo it.
 */
export function ItemActions({ name, removeLabel, canMoveUp, canMoveDown, onMove, removes }: ItemActionsProps) {
  const canEdit = useCanEdit();
  const { connection } = usePlan();
  const actions = usePlanActions();
  /** Asking first, with what the removal takes along; null when not asking. */
  const [confirming, setConfirming] = useState<RemovalReach | null>(null);
  const questionId = useId();
  if (!canEdit) return null;
  const remove = (): void => {
    setConfirming(null);
    actions.remove(removes.collection, removes.id, removes.what);
  };
  const askOrRemove = (): void => {
    const item = getItemMap(connection.doc, removes.collection, removes.id);
    if (!item) return remove();
    // Asked first when words would go: its own, its delmål's, or links to it from what others wrote.
    const reach = removalReach(connection.doc, removes.collection, removes.id);
    if (itemHasWords(removes.collection, item) || reach.subgoals > 0 || reach.linking > 0) setConfirming(reach);
    else remove();
  };
  return (
    <>
      <div className="item-actions" role="group" aria-label={`${nb.common.itemActions}: ${name}`}>
        {onMove && (
          <>
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
          </>
        )}
        <button
          type="button"
          className="icon-button icon-button--danger icon-button--text"
          aria-label={removeLabel}
          aria-expanded={confirming ? true : undefined}
          onClick={askOrRemove}
        >
          {/* A word, not ✕: next to «Ferdig» a cross reads as closing the form. */}
          <span aria-hidden="true">{nb.common.remove}</span>
        </button>
      </div>
      {confirming && (
        <div className="item-confirm" role="alertdialog" aria-labelledby={questionId}>
          <p id={questionId}>{nb.common.confirmRemove(name, confirming)}</p>
          <div className="item-confirm__buttons">
            <button type="button" className="button button--danger-solid" onClick={remove}>
              {nb.common.confirmRemoveYes}
            </button>
            {/* Keeping it is the safe choice, so it has the focus. */}
            <button type="button" className="button" autoFocus onClick={() => setConfirming(null)}>
              {nb.common.confirmRemoveNo}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
