/**
 * Who is responsible, in one line: what was written, and the participant chosen unless what was written names them
 * already («Rektor, Marte Olsen» and Marte Olsen chosen is said once).
 */
export function responsibleLine(written: string | null | undefined, chosen: string | null | undefined): string {
  const text = (written ?? '').trim();
  const name = (chosen ?? '').trim();
  if (!name || text.toLocaleLowerCase('nb').includes(name.toLocaleLowerCase('nb'))) return text;
  return text ? `${text}, ${name}` : name;
}
