// Reads a date as Norwegians write it: 20.06.2027, 20.6.27, 20062027, 20/6/2027, or ISO 2027-06-20.

const TWO_DIGIT_YEAR_BASE = 2000;

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** An ISO date ('2027-06-20'), or null when the text is not a real date. */
export function parseNorwegianDate(text: string): string | null {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{2}|\d{4})$/.exec(value);
  if (match) {
    const year = match[3]!.length === 2 ? TWO_DIGIT_YEAR_BASE + Number(match[3]) : Number(match[3]);
    return isoOf(year, Number(match[2]), Number(match[1]));
  }
  match = /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (match) return isoOf(Number(match[3]), Number(match[2]), Number(match[1]));
  return null;
}
