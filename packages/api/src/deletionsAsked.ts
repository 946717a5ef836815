/**
 * How a member asks who removed the items they saw go (`GET /api/plans/:id/deletions?items=`): each as
 * `collection:itemId`, comma-separated, at most DELETIONS_ASKED_MAX. Plain code without zod, so the web app writes
 * the question by the same rule (`@samplan/api/deletionsAsked`).
 */

/** Most items one question names. */
export const DELETIONS_ASKED_MAX = 50;

/** One item as the question names it. */
export const deletionAskedKey = (collection: string, itemId: string): string => `${collection}:${itemId}`;

/** The `items` parameter for these items (the first DELETIONS_ASKED_MAX of them). */
export const deletionsAskedParam = (items: ReadonlyArray<{ collection: string; itemId: string }>): string =>
  items
    .slice(0, DELETIONS_ASKED_MAX)
    .map(({ collection, itemId }) => deletionAskedKey(collection, itemId))
    .join(',');
