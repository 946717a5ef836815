/** What a Room hears from the presence feed about its plan on the other instances. */
export interface PresenceListener {
  /** Awareness entries of the plan's peers on another instance, bound to their accounts there. */
  update(update: Uint8Array): void;
  /** A room that just opened on another instance asks for the entries of this instance's peers. */
  asked(): void;
}

/**
 * Presence across instances: the awareness entries a Room accepted from its own peers go to the Rooms of the same
 * plan on the other instances (Redis), so everyone sees everyone wherever they are connected. Without several
 * instances there is no feed (a Room's presence is all there is).
 */
export interface PresenceFeed {
  publish(planId: string, update: Uint8Array): void;
  ask(planId: string): void;
  /** Listens to one plan's presence from the other instances; returns the unsubscribe. */
  subscribe(planId: string, listener: PresenceListener): () => void;
}
