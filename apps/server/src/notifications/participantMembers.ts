import type { ProgressFacts } from '@samplan/plan-model';

interface Member {
  userId: string;
  name: string;
  email: string;
}

const normalize = (text: string): string => text.trim().toLocaleLowerCase('nb').replace(/\s+/g, ' ');
/** What separates an address from the words around it in a contact text ("Kari <kari@skole.no>; tlf. 99 …"). */
const SEPARATORS = /[\s<>(),;:]+/;
const TOP_LEVEL_DOMAIN = /^[a-z]{2,}$/i;

/**
 * The e-mail addresses in a contact text, each word read once: a backtracking pattern over the whole text (which
 * any writer of Deltakere chooses) held the event loop for seconds over 1,500 "@", cubically, at every sweep.
 */
function emailsIn(contact: string): string[] {
  const emails: string[] = [];
  for (const word of contact.split(SEPARATORS)) {
    let end = word.length;
    while (end > 0 && word[end - 1] === '.') end -= 1; // the full stop after an address
    const candidate = word.slice(0, end);
    const at = candidate.indexOf('@');
    const dot = candidate.lastIndexOf('.');
    if (at <= 0 || at !== candidate.lastIndexOf('@') || dot <= at + 1) continue;
    if (TOP_LEVEL_DOMAIN.test(candidate.slice(dot + 1))) emails.push(candidate);
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
