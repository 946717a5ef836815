/**
 * Who a presence (awareness) state belongs to. The server sets it from the session on every state a connection
 * announces, whatever the client claimed, so a name and colour on screen are always the account's.
 */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
  /** The member's role in the plan (@samplan/api PlanRole). */
  role: string;
}

/** Caps on presence, per connection and per plan; states over them are dropped by the server. */
export const PRESENCE_LIMITS = {
  /** Awareness client ids one connection may announce (a provider uses one). */
  clientsPerConnection: 4,
  /** Presence states one plan holds at once. */
  statesPerPlan: 256,
  /** Bytes of one state's JSON (a caret and a section name need a few hundred). */
  stateBytes: 4096,
} as const;
