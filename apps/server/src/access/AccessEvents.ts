/** A member's access to a plan has ended (revoked, expired, consent withdrawn); `reason` is a stable code. */
export interface AccessEnded {
  planId: string;
  userId: string;
  reason: string;
}

type Listener = (event: AccessEnded) => void;

/**
 * Announces ended access, so whoever holds connections (the rooms) closes them, without access/ knowing about
 * rooms. Listeners run synchronously, before the announcing call returns.
 */
export class AccessEvents {
  private readonly listeners = new Set<Listener>();

  onEnded(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ended(event: AccessEnded): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
