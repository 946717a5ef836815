/** A member's access to a plan has ended (revoked, expired, consent withdrawn); `reason` is a stable code. */
export interface AccessEnded {
  planId: string;
  userId: string;
  reason: string;
}

/** A login session ended (logout), or all of a user's (`sessionId` null: "logg ut overalt"). */
export interface SessionEnded {
  userId: string;
  sessionId: string | null;
}

type Listener = (event: AccessEnded) => void;

/**
 * Announces ended access, so whoever holds connections (the rooms) closes them, without access/ knowing about
 * rooms. Listeners run synchronously, before the announcing call returns.
 */
export class AccessEvents {
  private readonly listeners = new Set<Listener>();
  private readonly sessionListeners = new Set<(event: SessionEnded) => void>();

  onEnded(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Told of every event announced here, to pass it on to the other instances (Redis). */
  relay: ((event: { kind: 'ended'; event: AccessEnded } | { kind: 'session'; event: SessionEnded }) => void) | null =
    null;

  ended(event: AccessEnded): void {
    this.endedElsewhere(event);
    this.relay?.({ kind: 'ended', event });
  }

  /** An event another instance announced: its listeners here run, and it is not passed on again. */
  endedElsewhere(event: AccessEnded): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  onSessionEnded(listener: (event: SessionEnded) => void): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  sessionEnded(event: SessionEnded): void {
    this.sessionEndedElsewhere(event);
    this.relay?.({ kind: 'session', event });
  }

  sessionEndedElsewhere(event: SessionEnded): void {
    for (const listener of [...this.sessionListeners]) listener(event);
  }
}
