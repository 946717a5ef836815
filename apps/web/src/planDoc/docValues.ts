import * as Y from 'yjs';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Values read straight from a plan's Y.Doc where planToJSON would be too slow (the overview is recomputed while
 * people type), forgiving what a buggy peer wrote as planToJSON is: a date only if it is one, text from a Y.Text or
 * a string, a value only from its list.
 */
export const isoDateOf = (value: unknown): string | null =>
  typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;

export const textOf = (value: unknown): string =>
  value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';

export const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  (values as readonly unknown[]).includes(value) ? (value as T) : fallback;
