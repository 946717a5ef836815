/**
 * What a person's name may hold. Others see it in the app and in the mails Samplan sends for that person («Kari
 * Nilsen har invitert deg til Samplan»), to any address: a name of several lines, or one holding a web address,
 * would let anyone with an account mail text and links of their choosing from Samplan. So a name is one line of
 * ordinary characters, without anything a mail reader would make a link of.
 *
 * Plain code without zod, so the web app checks the name field by the same rule (`@samplan/api/personName`).
 */

/** Why a name is refused: a control or direction-changing character (a new line), or something like a web address. */
export type PersonNameProblem = 'characters' | 'link';

/**
 * Control characters (new lines, tabs), line and paragraph separators, the marks that turn text's direction, and
 * invisible ones (zero-width spaces and joiners, which can hide a web address from the check below).
 */
const CONTROL = /[\p{Cc}\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
/**
 * `https://`, `www.`, or a dot (or a dot from another script: `．`, `。`, `｡`) between a letter and two more
 * (`eksempel.no`); not initials (`K.A. Nilsen`). It also refuses a few real names written without a space
 * (`St.Clair`): they are asked to add one.
 */
const LINK = /:\/\/|www[.．。｡]|[\p{L}\d][.．。｡]\p{L}{2,}/iu;

export function personNameProblem(name: string): PersonNameProblem | null {
  if (CONTROL.test(name)) return 'characters';
  if (LINK.test(name)) return 'link';
  return null;
}

/** The longest name (characters). */
export const PERSON_NAME_MAX = 120;
