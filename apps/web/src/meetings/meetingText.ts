import { formatDate, nb } from '../i18n/index.ts';

/** The name the history gives the version a meeting was held in (the server's milestoneName, DocumentProjector). */
export function heldVersionName(title: string, date: string | null): string {
  const name = title.trim() || nb.meetings.titleDefault;
  const day = formatDate(date);
  return day ? `${name} (${day})` : name;
}
