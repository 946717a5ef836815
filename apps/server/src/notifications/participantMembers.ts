import type { ProgressFacts } from '@samplan/plan-model';

interface Member {
  userId: string;
  name: string;
  email: string;
}

const normalize = (text: string): string => text.trim().toLocaleLowerCase('nb').replace(/\s+/g, ' ');
const EMAIL = /[^\s<>(),;:]+@[^\s<>(),;:]+\.[a-z]{2,}/gi;

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
    const emails = participant.contact.match(EMAIL) ?? [];
    const userId =
      emails.map((email) => byEmail.get(email.toLowerCase())).find((id) => id !== undefined) ??
      byName.get(normalize(participant.name)) ??
      undefined;
    if (userId) result.set(participant.id, userId);
  }
  return result;
}
