import type { ReactNode } from 'react';
import type { SectionId } from '../routing/routes.ts';
import { useProgressiveCount } from '../hooks/useProgressiveCount.ts';
import { AddButton } from './AddButton.tsx';
import { SectionHeading } from './SectionHeading.tsx';

export interface ItemListSectionProps {
  section: SectionId;
  /** The add button's text and what it does; it returns nothing: the caller opens the new item. */
  add: { label: string; onAdd(): void };
  /** The ids shown, in order. */
  ids: readonly string[];
  /** The list's accessible name. */
  listLabel: string;
  /** Said when there is nothing to show. */
  empty: string;
  renderItem(id: string, index: number): ReactNode;
  /** Between the heading and the list, e.g. a filter. */
  tools?: ReactNode;
  /** Under the list, e.g. notes about the whole part. */
  footer?: ReactNode;
  listClassName?: string;
}

/** A part of the plan that is a list of items: its heading with an add button, the items as cards, or why none. */
export function ItemListSection({
  section,
  add,
  ids,
  listLabel,
  empty,
  renderItem,
  tools,
  footer,
  listClassName,
}: ItemListSectionProps) {
  const shownCount = useProgressiveCount(ids.length);
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section={section}>
        <AddButton label={add.label} onClick={add.onAdd} />
      </SectionHeading>
      {tools}
      {ids.length === 0 ? (
        <p className="card empty-state">{empty}</p>
      ) : (
        <ol className={`item-list ${listClassName ?? ''}`} aria-label={listLabel}>
          {ids.slice(0, shownCount).map((id, index) => renderItem(id, index))}
        </ol>
      )}
      {footer}
    </section>
  );
}
