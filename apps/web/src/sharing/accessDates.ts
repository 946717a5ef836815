import { formatDate, parseNorwegianDate, todayIso } from '../i18n/index.ts';

// A membership ends at an instant; people think of "access up to and including a day". The end is the start of the
// next day in the reader's time zone, and is shown as the day before that instant.

/** The instant access ends for "til og med" `isoDate` (local midnight after that day), as ISO 8601. */
export function endOfDayInstant(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + 1).toISOString();
}

/** The last day with access for an end instant, e.g. '20.06.2027'; '' for null. */
export function lastDayOf(endsAt: string | null | undefined): string {
  if (!endsAt) return '';
  const ms = Date.parse(endsAt);
  return Number.isNaN(ms) ? '' : formatDate(todayIso(new Date(ms - 1)));
}

export type EndDateResult = { ok: true; endsAt: string | null } | { ok: false; reason: 'invalid' | 'past' };

/** Reads an end date typed as dd.mm.åååå; empty means no end. The day must be today or later. */
export function parseEndDate(text: string, now: Date = new Date()): EndDateResult {
  if (text.trim() === '') return { ok: true, endsAt: null };
  const iso = parseNorwegianDate(text);
  if (!iso) return { ok: false, reason: 'invalid' };
  if (iso < todayIso(now)) return { ok: false, reason: 'past' };
  return { ok: true, endsAt: endOfDayInstant(iso) };
}

/** Reads the day a consent was given (dd.mm.åååå, not in the future); empty means now (the server's default). */
export function parseGivenDate(
  text: string,
  now: Date = new Date(),
): { ok: true; givenAt: string | undefined } | { ok: false; reason: 'invalid' | 'future' } {
  if (text.trim() === '') return { ok: true, givenAt: undefined };
  const iso = parseNorwegianDate(text);
  if (!iso) return { ok: false, reason: 'invalid' };
  const today = todayIso(now);
  if (iso > today) return { ok: false, reason: 'future' };
  if (iso === today) return { ok: true, givenAt: undefined };
  // Noon that day: no time zone moves it to another date.
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { ok: true, givenAt: new Date(year, month - 1, day, 12).toISOString() };
}
