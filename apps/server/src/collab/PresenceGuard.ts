import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { PRESENCE_LIMITS } from '@samplan/protocol';
import type { Peer } from './Peer.ts';
import { presenceState } from './presenceState.ts';
import { ProtocolError } from './ProtocolError.ts';

interface Entry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/**
 * Presence bound to the account. Each awareness entry a connection sends is kept only if it is for a client id this
 * connection announced first (and that no other account writes the document with), within the caps of
 * PRESENCE_LIMITS; its `user` is replaced by the connection's own (name, id, role and colour from the session),
 * and of the rest only what the web app writes, in its shape, is kept (presenceState).
 * Providers also pass on other people's entries they have seen: those are dropped here, not refused.
 */
export class PresenceGuard {
  private readonly announcedBy = new Map<number, Peer>();
  /** Client ids announced by peers on other instances (the PresenceFeed): nobody here may take them over. */
  private readonly elsewhere = new Set<number>();
  private readonly documentOwner: (clientId: number) => string | undefined;

  constructor(documentOwner: (clientId: number) => string | undefined) {
    this.documentOwner = documentOwner;
  }

  /** The entries of `update` this peer may set, rewritten; null when none is left. Throws ProtocolError if malformed. */
  accept(peer: Peer, update: Uint8Array): Uint8Array | null {
    const kept: Entry[] = [];
    for (const entry of decodeEntries(update)) {
      if (!this.mayAnnounce(peer, entry.clientId)) continue;
      if (entry.state === null) {
        kept.push(entry);
        continue;
      }
      this.announcedBy.set(entry.clientId, peer);
      peer.awarenessIds.add(entry.clientId);
      kept.push({ ...entry, state: { ...presenceState(entry.state), user: peer.presence } });
    }
    return kept.length === 0 ? null : encodeEntries(kept);
  }

  /** Notes the entries of an update from another instance: set ones are theirs, removed ones free again. */
  acceptElsewhere(update: Uint8Array): void {
    for (const { clientId, state } of decodeEntries(update)) {
      if (state === null) this.elsewhere.delete(clientId);
      else if (!this.announcedBy.has(clientId)) this.elsewhere.add(clientId);
    }
  }

  /** Forgets entries that timed out (their instance may be gone). */
  forget(clientIds: readonly number[]): void {
    for (const clientId of clientIds) this.elsewhere.delete(clientId);
  }

  /** Forgets what a peer announced (its states are removed as it leaves). */
  leave(peer: Peer): void {
    for (const clientId of peer.awarenessIds) {
      if (this.announcedBy.get(clientId) === peer) this.announcedBy.delete(clientId);
    }
  }

  private mayAnnounce(peer: Peer, clientId: number): boolean {
    const announcer = this.announcedBy.get(clientId);
    if (announcer) return announcer === peer;
    if (this.elsewhere.has(clientId)) return false;
    const owner = this.documentOwner(clientId);
    if (owner !== undefined && owner !== peer.userId) return false;
    return (
      peer.awarenessIds.size < PRESENCE_LIMITS.clientsPerConnection &&
      this.announcedBy.size < PRESENCE_LIMITS.statesPerPlan
    );
  }
}

/** Reads a y-protocols awareness update: per entry its client id, clock and JSON state (null: removed). */
function decodeEntries(update: Uint8Array): Entry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > PRESENCE_LIMITS.stateBytes) continue;
      const state = JSON.parse(json) as unknown;
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new ProtocolError('awareness state is not an object');
      }
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update');
    return entries;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`bad awareness update: ${(error as Error).message}`);
  }
}

function encodeEntries(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
