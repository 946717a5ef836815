import { useEffect, useRef, type ReactNode } from 'react';
import { partOfCollection, type CollectionName } from '@samplan/plan-model';
import { nbItems } from '../i18n/index.ts';
import { OthersNote } from '../fields/OthersNote.tsx';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { ItemActions } from './ItemActions.tsx';
import { itemKey, useOpenItem } from './OpenItem.tsx';

export interface ItemCardProps {
  collection: CollectionName;
  id: string;
  /** The item's own title (or what stands for it while it has none). */
  title: string;
  /** Where the item stands, shown above its title, e.g. "Hovedmål 1". */
  kicker?: string;
  /** Status and other badges beside the title. */
  badges?: ReactNode;
  /** The section's items in order, for moving this one; none when the order is not set by hand. */
  siblings: readonly string[];
  /** The delete button's accessible name, and what the notice calls the item ("Målet ble slettet."). */
  removeLabel: string;
  removeWhat: string;
  /** The reading view: facts and a short text. */
  children?: ReactNode;
  /** The form, mounted only while the item is open. */
  editor: () => ReactNode;
  /** Shown under the card in both views, e.g. a hovedmål's delmål. */
  after?: ReactNode;
  className?: string;
  /** A card inside another card (a delmål in its hovedmål): its heading is one level down. */
  nested?: boolean;
  /** Data attributes on the list item, e.g. `{ 'data-goal-id': id }`. */
  data?: Record<`data-${string}`, string>;
}

/**
 * One item of a section: read as a card, opened in place to edit by who may write its part (one item at a time).
 * The others see who has it open.
 */
export function ItemCard({
  collection,
  id,
  title,
  kicker,
  badges,
  siblings,
  removeLabel,
  removeWhat,
  children,
  editor,
  after,
  className,
  nested = false,
  data,
}: ItemCardProps) {
  const canEdit = useCanEdit();
  const actions = usePlanActions();
  const { isOpen, open, close } = useOpenItem(collection, id);
  const headingId = `${collection}-${id}`;
  const index = siblings.indexOf(id);
  const editButton = useRef<HTMLButtonElement>(null);
  const closedHere = useRef(false);
  // Back from editing with «Ferdig», the focus returns to the button that opened it (not when another item was
  // opened instead: its first field has the focus then).
  useEffect(() => {
    if (isOpen || !closedHere.current) return;
    closedHere.current = false;
    editButton.current?.focus();
  }, [isOpen]);
  const done = (): void => {
    closedHere.current = true;
    close();
  };
  const name = kicker ? `${kicker}: ${title}` : title;
  const Heading = nested ? 'h4' : 'h3';
  const editing = isOpen && canEdit;

  return (
    <li className={className} {...data} data-open={editing ? 'true' : undefined}>
      <article className={`item-card ${editing ? 'item-card--open' : ''}`} aria-labelledby={headingId}>
        <header className="item-card__header">
          <div className="item-card__heading">
            {kicker && <p className="item-card__kicker">{kicker}</p>}
            <Heading id={headingId} className="item-card__title">
              {title}
            </Heading>
          </div>
          {badges}
          <OthersNote
            kind="item"
            at={itemKey(collection, id)}
            part={partOfCollection(collection)}
            say={nbItems.othersEditing}
            className="item-card__others"
          />
          {canEdit &&
            (editing ? (
              <button
                type="button"
                className="button button--small button--primary"
                aria-label={`${nbItems.done}: ${name}`}
                onClick={done}
              >
                {nbItems.done}
              </button>
            ) : (
              <button
                type="button"
                ref={editButton}
                className="button button--small"
                aria-label={`${nbItems.edit}: ${name}`}
                onClick={open}
              >
                {nbItems.edit}
              </button>
            ))}
        </header>
        {editing ? (
          <div className="item-card__form">
            <ItemActions
              name={name}
              removeLabel={removeLabel}
              canMoveUp={index > 0}
              canMoveDown={index >= 0 && index < siblings.length - 1}
              onMove={
                siblings.length > 0 ? (direction) => actions.move(collection, id, siblings, direction) : undefined
              }
              removes={{ collection, id, what: removeWhat }}
            />
            {editor()}
            <p className="item-card__done">
              <button
                type="button"
                className="button button--primary"
                aria-label={`${nbItems.done}: ${name}`}
                onClick={done}
              >
                {nbItems.done}
              </button>
            </p>
          </div>
        ) : (
          children && <div className="item-card__body">{children}</div>
        )}
        {after}
      </article>
    </li>
  );
}
