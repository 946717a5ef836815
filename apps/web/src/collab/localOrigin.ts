/**
 * The transaction origin of this user's own structured edits (adding goals, statuses, short texts). The undo
 * manager tracks it together with Tiptap's own origin, so undo never touches other people's edits.
 */
export const LOCAL_ORIGIN = Object.freeze({ name: 'samplan-local-edit' });
