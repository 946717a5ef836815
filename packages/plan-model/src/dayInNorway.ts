/** The time zone of every plan's calendar: plans are Norwegian, and so are their dates (Svalbard keeps it too). */
const PLAN_TIME_ZONE = 'Europe/Oslo';

// Made on first use: the browser bundles plan-model too, and an Intl format made at load costs its page time.
let format: Intl.DateTimeFormat | null = null;

/**
 * The calendar date in Norway at `ms` ('2026-12-07'), as the plan's dates are written. What the server calls
 * today: in UTC it would still be yesterday for the first one or two hours of every Norwegian day.
 */
export function dayInNorway(ms: number): string {
  format ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: PLAN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const written = format.formatToParts(ms);
  const field = (type: 'year' | 'month' | 'day'): string => written.find((part) => part.type === type)!.value;
  return `${field('year')}-${field('month')}-${field('day')}`;
}
