// How often the plan's goals are evaluated (meta.evaluationInterval). Written as `P<n>W` or `P<n>M` (ISO 8601
// durations) by the editor; text written before it was structured ("Hver 3. måned", "hvert halvår") is read too,
// where it says a number of weeks or months. Anything else is kept as text and computes no due dates.

export type IntervalUnit = 'uker' | 'maaneder';

export interface EvaluationInterval {
  count: number;
  unit: IntervalUnit;
}

export const MAX_INTERVAL = { uker: 104, maaneder: 36 } as const;

const valid = (count: number, unit: IntervalUnit): EvaluationInterval | null =>
  Number.isInteger(count) && count >= 1 && count <= MAX_INTERVAL[unit] ? { count, unit } : null;

/** The structured interval in a meta.evaluationInterval value, or null when it says none. */
export function parseEvaluationInterval(value: string | null | undefined): EvaluationInterval | null {
  if (!value) return null;
  const text = value.trim().toLowerCase();
  const iso = /^p(\d{1,3})([wm])$/.exec(text);
  if (iso) return valid(Number(iso[1]), iso[2] === 'w' ? 'uker' : 'maaneder');
  if (/^(hver|hvert|en gang i)\s+(uke|uka)$/.test(text)) return valid(1, 'uker');
  if (/^(hver|hvert|en gang i)\s+(måned|måneden|mnd)$/.test(text)) return valid(1, 'maaneder');
  if (/^(hvert|hver)\s+(halvår|halvåret)$/.test(text)) return valid(6, 'maaneder');
  if (/^(hvert\s+år|årlig|en gang i året)$/.test(text)) return valid(12, 'maaneder');
  const every = /^(?:hvert?\s*)?(\d{1,3})\.?\s*(uker?|måned(?:er)?|mnd)$/.exec(text);
  if (every) return valid(Number(every[1]), every[2]!.startsWith('uke') ? 'uker' : 'maaneder');
  return null;
}

/** The value the editor writes for an interval. */
export const formatEvaluationInterval = ({ count, unit }: EvaluationInterval): string =>
  `P${count}${unit === 'uker' ? 'W' : 'M'}`;

/**
 * `date` (YYYY-MM-DD) plus the interval; a month step keeps the day, or ends on the month's last day. Null when
 * `date` is no date or the result falls outside the years 0000-9999 (a plan's stored values are not trusted).
 */
export function addInterval(date: string, { count, unit }: EvaluationInterval): string | null {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  let target: Date;
  if (unit === 'uker') {
    target = new Date(Date.UTC(year, month - 1, day + 7 * count));
  } else {
    target = new Date(Date.UTC(year, month - 1 + count, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(day, lastDay));
  }
  const result = target.getUTCFullYear();
  if (Number.isNaN(target.getTime()) || result < 0 || result > 9999) return null;
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); positive when `to` is later. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
