import type { ProgressFacts } from '@samplan/plan-model';

interface Member {
  userId: string;
  name: string;
  email: string;
}

const normalize = (text: string): string => text.trim().toLocaleLowerCase('nb').replace(/\s+/g, ' ');
/** What separates an address from the words around it in a contact text ("Kari <kari@skole.no>; tlf. 99 …"). */
const SEPARATORS = /[\s<>(),;:]+/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** The letters a top-level domain starts with; what follows them («/99 99 99 99», «!») is not the address. */
const TOP_LEVEL_DOMAIN = /^[a-z]{2,}/i;

/**
 * The e-mail addresses in a contact text, each word read once: a backtracking pattern over the whole text (which
 * any writer of Deltakere chooses) held the event loop for seconds over 1,500 "@", cubically, at every sweep.
 */
function emailsIn(contact: string): string[] {
  const emails: string[] = [];
  for (const word of contact.split(SEPARATORS)) {
    let end = word.length;
    while (end > 0 && word[end - 1] === '.') end -= 1; // the full stop after an address
    let start = 0;
    while (start < end && !LETTER_OR_DIGIT.test(word[start]!)) start += 1; // «, ", ' or [ before it
    const candidate = word.slice(start, end);
    const at = candidate.indexOf('@');
    const dot = candidate.lastIndexOf('.');
    if (at <= 0 || at !== candidate.lastIndexOf('@') || dot <= at + 1) continue;
    const domain = TOP_LEVEL_DOMAIN.exec(candidate.slice(dot + 1));
    if (domain) emails.push(candidate.slice(0, dot + 1 + domain[0].length));
  }
  return emails;
}

/**
 * Which member each participant of the plan (Deltakere) is: the participant whose contact holds the member's
 * e-mail address, or else whose name is the member's account name. The plan's participants are written by people
 * and need not have an account; those that match none are left out.
 */
export function participantMembers(
  participants: ProgressFacts['participants'],
  members: readonly Member[],
): Map<string, string> {
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.userId]));
  const byName = new Map<string, string | null>();
  for (const m of members) {
    const key = normalize(m.name);
    // Two members with one name: a name alone does not say which.
    byName.set(key, byName.has(key) ? null : m.userId);
  }
  const result = new Map<string, string>();
  for (const participant of participants) {
    const emails = emailsIn(participant.contact);
    const userId =
      emails.map((email) => byEmail.get(email.toLowerCase())).find((id) => id !== undefined) ??
      byName.get(normalize(participant.name)) ??
      undefined;
    if (userId) result.set(participant.id, userId);
  }
  return result;
}
