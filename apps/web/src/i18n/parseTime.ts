/**
 * A clock time as people type it ('13:30', '13.30', 'kl. 9', '930', '1330') → 'HH:MM' ('13:30', '09:00', '09:30');
 * null when it is not a time of day.
 */
export function parseTime(input: string): string | null {
  const text = input
    .trim()
    .replace(/^kl\.?\s*/i, '')
    .trim();
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text) ?? /^(\d{1,2})(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
