// Who is in the plan, from the awareness states. Pure, so it is unit-tested.

export interface PresenceEntry {
  clientId: number;
  userId: string;
  name: string;
  color: string;
  section: string | null;
  /** Their role in the plan, as the server set it. */
  role: string | null;
  /** The item this person has open to edit (`collection:id`), and the field they are typing in (`id:field`). */
  item: string | null;
  field: string | null;
  isMe: boolean;
}

interface AwarenessUser {
  id?: unknown;
  name?: unknown;
  color?: unknown;
  role?: unknown;
}

// What the app itself sets; anything else a client claims is ignored.
const ITEM_KEY = /^[a-z]{1,20}:[\w-]{1,64}$/;
const FIELD_KEY = /^[\w-]{1,64}:[A-Za-z]{1,40}$/;
const matching = (value: unknown, pattern: RegExp): string | null =>
  typeof value === 'string' && pattern.test(value) ? value : null;

/**
 * One entry per person (several tabs of one user collapse into the most recent client), me first, the others by
 * name. States without a user (a client still starting) are left out.
 */
export function presenceFromStates(
  states: ReadonlyMap<number, Record<string, unknown>>,
  myClientId: number,
): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const [clientId, state] of states) {
    const user = state['user'] as AwarenessUser | undefined;
    if (!user || typeof user.name !== 'string') continue;
    const userId = typeof user.id === 'string' ? user.id : `client-${clientId}`;
    const entry: PresenceEntry = {
      clientId,
      userId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#4a5568',
      section: typeof state['section'] === 'string' ? state['section'] : null,
      role: typeof user.role === 'string' ? user.role : null,
      item: matching(state['item'], ITEM_KEY),
      field: matching(state['field'], FIELD_KEY),
      isMe: clientId === myClientId,
    };
    const existing = byUser.get(userId);
    if (!existing || entry.isMe || (!existing.isMe && clientId > existing.clientId)) byUser.set(userId, entry);
  }
  return [...byUser.values()].sort((a, b) =>
    a.isMe !== b.isMe ? (a.isMe ? -1 : 1) : a.name.localeCompare(b.name, 'nb'),
  );
}
