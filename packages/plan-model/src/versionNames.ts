// The names the history gives a version from what happened in it: a meeting marked held, a revision done. The
// server names the version with them, and the web app finds that version by them.

/** A plan date as Norwegians write it: «2026-12-10» → «10.12.2026»; anything else → ''. */
function dateNb(iso: string | null): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
}

/** «Ansvarsgruppemøte (10.12.2026)»: the meeting's title (or the default) and its date. */
export function meetingVersionName(title: string, date: string | null): string {
  const name = title.trim() || 'Ansvarsgruppemøte';
  const day = dateNb(date);
  return day ? `${name} (${day})` : name;
}

/** «Revisjon 01.03.2027». */
export function revisionVersionName(date: string | null): string {
  return `Revisjon ${dateNb(date)}`;
}
