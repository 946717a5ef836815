/** A decision typed on a meeting and not added yet. */
export interface DecisionDraft {
  title: string;
  who: string;
  due: string | null;
}

/** One user's drafts at a time, by plan and meeting: whoever logs in next on this page never finds them. */
let owner: string | null = null;
const drafts = new Map<string, DecisionDraft>();

const keyOf = (planId: string, meetingId: string): string => `${planId}/${meetingId}`;

/**
 * The decision `userId` typed on the meeting and has not added, kept while the app is open so that going to another
 * page of the plan and back finds it again; none for anyone else.
 */
export function decisionDraft(userId: string, planId: string, meetingId: string): DecisionDraft | null {
  return owner === userId ? (drafts.get(keyOf(planId, meetingId)) ?? null) : null;
}

/** Keeps what is typed in a meeting's decision form (null when nothing is, or once it is added). */
export function keepDecisionDraft(
  userId: string,
  planId: string,
  meetingId: string,
  draft: DecisionDraft | null,
): void {
  if (owner !== userId) {
    drafts.clear();
    owner = userId;
  }
  if (draft) drafts.set(keyOf(planId, meetingId), draft);
  else drafts.delete(keyOf(planId, meetingId));
}
