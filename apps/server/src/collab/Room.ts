import type { WriteBudget } from './WriteBudget.ts';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, encodePermissionDenied, UpdateRefusal } from '@samplan/protocol';
import type { Commit } from '../documents/CommitFeed.ts';
import type { Compacted, Compactor } from '../documents/Compactor.ts';
import type { DocumentLog } from '../documents/DocumentLog.ts';
import { applyUpdates } from '../documents/applyUpdates.ts';
import { DocumentState, type CheckpointPolicy } from '../documents/DocumentState.ts';
import { readUpdateEffect } from '../documents/updateEffect.ts';
import { readUpdateMeta, type UpdateMeta } from '../documents/updateMeta.ts';
import type { NewAccessLogEntry } from '../storage/AccessLogStore.ts';
import { ClientIdTaken } from '../storage/ClientIdTaken.ts';
import type { UpdateKind } from '../storage/DocumentStore.ts';
import { decodeClientMessage } from './clientMessage.ts';
import type { Peer } from './Peer.ts';
import type { PresenceFeed } from './PresenceFeed.ts';
import { PresenceGuard } from './PresenceGuard.ts';
import { ProtocolError } from './ProtocolError.ts';
import { encodeAwarenessMessage, encodeSyncReply, encodeSyncStep1, encodeUpdateMessage } from './serverMessages.ts';
import type { WritePolicy } from './WritePolicy.ts';

export interface RoomLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RoomOptions {
  planId: string;
  log: DocumentLog;
  checkpointPolicy: CheckpointPolicy;
  /** Asked before a peer's update is queued, with what it would do; a refusal is never committed or relayed. */
  writePolicy: WritePolicy;
  compactor: Compactor;
  logger: RoomLogger;
  /** Called once, when the last peer has left; `saved` settles when everything is committed. */
  onClosing: (room: Room, saved: Promise<void>) => void;
  /** Called when a peer leaves, with what the plan was as it left and how long it stayed (its user's visit). */
  onLeft?: (planId: string, userId: string, seq: number, stayedMs: number) => void;
  /** Called when a peer's edit is refused (it is dropped, and the peer closed with 4409 to load the plan again). */
  onEditRefused?: (planId: string, userId: string, reason: string) => void;
  /** The plan's presence on the other instances; none with one instance. */
  presence?: PresenceFeed | null;
  /** How much each member may write at once; past it, the update waits on their device (4529). None: no limit. */
  writeBudget?: WriteBudget | null;
  /**
   * With several instances, each holding the plan: a checkpoint that is due waits a random time up to this long,
   * then takes the one another instance has written meanwhile instead of compacting the same log again. 0 or
   * absent with one instance (compacted at once).
   */
  checkpointSpreadMs?: number;
}

/** The origin of awareness entries from another instance. */
const ELSEWHERE = Symbol('another instance');

/** Updates read from the log per round while filling a gap. */
const FILL_PAGE = 500;
/**
 * How long a commit that does not follow the state's last seq waits for the ones before it to arrive from the other
 * instances (their messages carry the updates) before the gap is read from the log instead.
 */
const GAP_WAIT_MS = 30;
/** The wait before trying again when a gap could not be read from the log. */
const GAP_RETRY_MS = 1000;

/** A committed update past the state's last seq, waiting for the ones before it. */
interface Ahead {
  update: Uint8Array;
  userId: string | null;
  /** Set for this room's own commits: who sent it (not relayed back to them), its frame, what it covers. */
  own: { origin: Peer | null; frame: Uint8Array | null; meta: UpdateMeta } | null;
}

interface QueuedUpdate {
  /** The peer that sent it; null for an update the server makes (a restore). */
  origin: Peer | null;
  userId: string | null;
  kind: UpdateKind;
  /** A server update's innsynslogg entries, committed with it. */
  log?: (seq: number) => readonly NewAccessLogEntry[];
  update: Uint8Array;
  meta: UpdateMeta;
  /** Yjs client ids the update's writer claims. */
  claims?: readonly number[];
  /** The peer's own frame when it can be relayed as it is. */
  frame: Uint8Array | null;
  /** Settles a server update's caller once it is committed (with its seq) or could not be. */
  committed?: { resolve: (seq: number) => void; reject: (error: Error) => void };
}

/**
 * One open plan: its peers, its committed state and awareness. Speaks the y-websocket protocol.
 * An update is committed to the log before any other peer receives it. It is committed as soon as it
 * arrives; updates that arrive while a commit is under way are committed together in the next one.
 * Commits to the plan made elsewhere (the CommitFeed) are added and relayed too.
 */
export class Room {
  readonly planId: string;
  private readonly options: RoomOptions;
  private readonly peers = new Set<Peer>();
  private readonly awareness: awarenessProtocol.Awareness;
  private state: DocumentState | null = null;
  /**
   * The committed plan as a live Y.Doc (plus what is queued for commit), to read what an incoming update would do
   * before it is accepted. Built from `state` when the first update that brings something needs it (liveDoc()), so
   * opening a plan, and a read-only viewer, never wait for it.
   */
  private doc: Y.Doc | null = null;
  /**
   * Set once the live document has deleted something in a transaction of its own, which no committed update
   * deleted (Yjs tidies a rich text's formatting so after a remote transaction; applyUpdates keeps every update
   * local so that it does not, and this catches anything else). It then no longer holds exactly what is committed,
   * so a checkpoint is compacted from the log instead.
   */
  private docChangedItself = false;
  /** The account each Yjs client id writes for (stored with the updates that claimed them). */
  private owners = new Map<number, string>();
  private readonly presence = new PresenceGuard((clientId) => this.owners.get(clientId));
  private backlog: Array<[Peer, Uint8Array]> = [];
  private queue: QueuedUpdate[] = [];
  /** Set while queued updates are being committed; settles once the queue is empty. */
  private draining: Promise<void> | null = null;
  /** Set while a batch is being appended: the live document holds updates the state does not yet. */
  private appending = false;
  private checkpointing: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  /** Commits from elsewhere that arrived while the plan was loading. */
  private feedBacklog: Commit[] = [];
  /** Set while the state is being filled from the log (a gap in commits from elsewhere); settles when done. */
  private filling: Promise<boolean> | null = null;
  /**
   * Committed updates past the state's last seq, by seq (another instance's commit landed before this room heard
   * of it, or a message came out of order): each is added and relayed once those before it are in, so the state
   * never claims a seq it has not seen, and peers get the plan's updates in order.
   */
  private readonly ahead = new Map<number, Ahead>();
  private gapTimer: NodeJS.Timeout | null = null;
  /** Ends the wait of a checkpoint being spread (closing compacts at once). */
  private endSpread: (() => void) | null = null;
  private readonly unsubscribe: () => void;
  private readonly unsubscribePresence: () => void;
  readonly loaded: Promise<void>;

  constructor(options: RoomOptions) {
    this.options = options;
    this.planId = options.planId;
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    // Subscribed before loading, so a commit made elsewhere meanwhile is not missed.
    this.unsubscribe = options.log.feed.subscribe(options.planId, this.onFeed);
    this.unsubscribePresence =
      options.presence?.subscribe(options.planId, {
        update: (update) => this.presenceElsewhere(update),
        asked: () => this.tellOwnPresence(),
      }) ?? (() => {});
    // Who is on the plan on the other instances: they answer with their peers' entries.
    options.presence?.ask(options.planId);
    this.loaded = this.load();
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** Each user and login session with a connection here, once. */
  connectedSessions(): Array<{ userId: string; sessionId: string }> {
    const seen = new Map<string, { userId: string; sessionId: string }>();
    for (const { userId, sessionId } of this.peers) seen.set(`${userId}\n${sessionId}`, { userId, sessionId });
    return [...seen.values()];
  }

  join(peer: Peer): void {
    this.peers.add(peer);
    if (this.state) this.greet(peer);
  }

  receive(peer: Peer, frame: Uint8Array): void {
    if (!this.peers.has(peer)) return;
    if (this.state === null) {
      this.backlog.push([peer, frame]);
      return;
    }
    try {
      this.handle(peer, frame, this.state);
    } catch (error) {
      const closeCode = error instanceof ProtocolError ? error.closeCode : CloseCode.serverError;
      this.options.logger.warn(
        { planId: this.planId, err: (error as Error).message },
        'closing peer after bad message',
      );
      peer.socket.close(closeCode, error instanceof ProtocolError ? 'bad message' : 'server error');
      this.leave(peer);
    }
  }

  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    if (this.state) this.options.onLeft?.(this.planId, peer.userId, this.state.lastSeq, Date.now() - peer.joinedAt);
    this.presence.leave(peer);
    if (peer.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], 'leave');
    }
    if (this.peers.size === 0) void this.close();
  }

  /** Closes every peer (e.g. on shutdown) and waits until everything is committed. */
  async closeAll(code: number, reason: string): Promise<void> {
    for (const peer of [...this.peers]) {
      peer.socket.close(code, reason);
      this.leave(peer);
    }
    await this.close();
  }

  /**
   * The log's head as read elsewhere (the watermark check): a room behind it (a commit made on another instance
   * whose message was lost, with none after it) fills the gap from the log.
   */
  catchUpTo(head: number): void {
    if (this.state === null || this.closing !== null || head <= this.state.lastSeq) return;
    void this.fillTo(head);
  }

  /** Closes the connections of one user (e.g. when a membership ends), or of one of their sessions. */
  closeUser(userId: string, code: number, reason: string, sessionId: string | null = null): void {
    for (const peer of [...this.peers]) {
      if (peer.userId !== userId || (sessionId !== null && peer.sessionId !== sessionId)) continue;
      peer.socket.close(code, reason);
      this.leave(peer);
    }
  }

  private async load(): Promise<void> {
    try {
      const [loaded, owners] = await Promise.all([
        this.options.log.load(this.planId),
        this.options.log.clientOwners(this.planId),
      ]);
      const state = new DocumentState(loaded);
      this.owners = owners;
      // A long tail (after a crash, or a burst of edits) is compacted before anyone is served from it.
      if (state.needsCheckpoint(this.options.checkpointPolicy)) {
        const snapshot = state.snapshot();
        const compacted = await this.options.compactor.compact(snapshot.parts);
        await this.options.log.writeCheckpoint(this.planId, state.install(snapshot, compacted));
      }
      this.state = state;
      const backlog = this.feedBacklog;
      this.feedBacklog = [];
      this.addForeign(backlog);
    } catch (error) {
      this.options.logger.error({ planId: this.planId, err: (error as Error).message }, 'could not load plan');
      for (const peer of [...this.peers]) {
        peer.socket.close(CloseCode.serverError, 'could not load plan');
        this.leave(peer);
      }
      return;
    }
    for (const peer of this.peers) this.greet(peer);
    const backlog = this.backlog;
    this.backlog = [];
    for (const [peer, frame] of backlog) this.receive(peer, frame);
  }

  private greet(peer: Peer): void {
    const state = this.state!;
    peer.socket.send(encodeSyncStep1(state.encodeStateVector()));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      peer.socket.send(
        encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])),
      );
    }
  }

  private handle(peer: Peer, frame: Uint8Array, state: DocumentState): void {
    const message = decodeClientMessage(frame);
    switch (message.kind) {
      case 'syncStep1':
        if (state.holdsDeletedWords) return void this.replyFromLiveDoc(peer, message.stateVector);
        for (const reply of encodeSyncReply(state.missingFor(message.stateVector, message.hasNothing))) {
          peer.socket.send(reply);
        }
        return;
      case 'update': {
        if (message.meta.empty) return;
        const doc = this.liveDoc();
        const effect = readUpdateEffect(doc, message.decoded);
        // A returning peer's sync that brings nothing new is neither refused nor stored.
        if (effect.noop) return;
        // Structs past what the plan has of their client: a returning peer typing before its sync has sent what came
        // before (y-websocket sends an edit as soon as the socket opens). Not applied, stored or refused: the peer is
        // asked for what the plan lacks, and its answer brings these with the gap filled (and is checked as usual).
        if (effect.problem === 'CLOCK_GAP') return void peer.socket.send(encodeSyncStep1(Y.encodeStateVector(doc)));
        const claims: number[] = [];
        for (const client of effect.writers) {
          const owner = this.owners.get(client);
          if (owner === undefined) claims.push(client);
          else if (owner !== peer.userId) return this.refuse(peer, UpdateRefusal.clientIdTaken);
        }
        const decision = this.options.writePolicy.check(peer, effect);
        if (!decision.ok) return this.refuse(peer, decision.reason);
        const waitMs = this.options.writeBudget?.spend(this.planId, peer.userId, message.update.byteLength) ?? 0;
        if (waitMs > 0) return this.holdBack(peer, waitMs);
        for (const client of claims) this.owners.set(client, peer.userId);
        applyUpdates(doc, [message.update], this);
        this.enqueue({
          origin: peer,
          userId: peer.userId,
          kind: 'edit',
          update: message.update,
          meta: message.meta,
          ...(claims.length > 0 && { claims }),
          frame: message.isStep2 ? null : frame,
        });
        return;
      }
      case 'awareness': {
        // Only this connection's own entries, each with the account's name, id, role and colour.
        const accepted = this.presence.accept(peer, message.update);
        if (!accepted) return;
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, peer);
        } catch (error) {
          throw new ProtocolError(`bad awareness update: ${(error as Error).message}`);
        }
        this.broadcast(encodeAwarenessMessage(accepted), peer);
        this.options.presence?.publish(this.planId, accepted);
        return;
      }
      case 'queryAwareness':
        peer.socket.send(
          encodeAwarenessMessage(
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
          ),
        );
        return;
    }
  }

  /**
   * Drops an update past its writer's budget and closes the socket with 4529 and the seconds to wait: the update
   * stays on the writer's device, which connects again after the wait and sends it then. Nothing is committed,
   * relayed or lost; the innsynslogg says it was held back (once a minute per member, as refused edits are).
   */
  private holdBack(peer: Peer, waitMs: number): void {
    this.options.logger.warn({ planId: this.planId, userId: peer.userId, waitMs }, 'write budget spent');
    this.options.onEditRefused?.(this.planId, peer.userId, UpdateRefusal.writeBudgetSpent);
    peer.socket.close(CloseCode.tooMuchWritten, String(Math.ceil(waitMs / 1000)));
    this.leave(peer);
  }

  /**
   * Drops a refused update and closes its peer with 4409: the peer's document holds what the plan does not, so it
   * must load the plan again rather than go on diverging. Nothing of the update was committed or relayed.
   */
  private refuse(peer: Peer, reason: string): void {
    peer.socket.send(encodePermissionDenied(reason));
    this.options.onEditRefused?.(this.planId, peer.userId, reason);
    peer.socket.close(CloseCode.updateRefused, reason);
    this.leave(peer);
  }

  /**
   * Answers a SyncStep1 from the live document when the stored bytes still hold words deleted since the
   * checkpoint: those bytes would hand them to whoever asks (a member who joined after they were deleted, whom the
   * history never shows them), while the live document has let them go (Yjs keeps only their length). Only once
   * every queued update is committed, as the live document holds those too and no peer gets an uncommitted one.
   */
  private async replyFromLiveDoc(peer: Peer, stateVector: Uint8Array): Promise<void> {
    while (this.draining) await this.draining;
    if (!this.peers.has(peer) || this.state === null) return;
    const update = Y.encodeStateAsUpdate(this.liveDoc(), stateVector);
    for (const reply of encodeSyncReply({ first: null, last: update })) peer.socket.send(reply);
  }

  /** The live document, built from the committed state the first time it is needed. */
  private liveDoc(): Y.Doc {
    if (this.doc === null) {
      const doc = docOf(this.state!);
      this.docChangedItself = false;
      // Every update this room applies has the room as its origin; Yjs's own tidying has none.
      doc.on('afterTransaction', (transaction: Y.Transaction) => {
        if (transaction.origin !== this && transaction.deleteSet.clients.size > 0) this.docChangedItself = true;
      });
      this.doc = doc;
    }
    return this.doc;
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === 'leave') {
      const removal = awarenessProtocol.encodeAwarenessUpdate(this.awareness, change.removed);
      this.broadcast(encodeAwarenessMessage(removal), null);
      this.options.presence?.publish(this.planId, removal);
      return;
    }
    if (origin === 'timeout') {
      this.presence.forget(change.removed);
      return;
    }
    if (origin === ELSEWHERE) return;
    const peer = origin as Peer;
    if (!this.peers.has(peer)) return;
    for (const id of change.removed) peer.awarenessIds.delete(id);
  };

  /** Awareness entries of this plan's peers on another instance: kept, and passed on to the peers here. */
  private presenceElsewhere(update: Uint8Array): void {
    try {
      this.presence.acceptElsewhere(update);
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, ELSEWHERE);
    } catch (error) {
      this.options.logger.warn({ planId: this.planId, err: (error as Error).message }, 'bad presence from elsewhere');
      return;
    }
    this.broadcast(encodeAwarenessMessage(update), null);
  }

  /** Sends the entries of this instance's own peers to the other instances (a room opened there). */
  private tellOwnPresence(): void {
    const own = [...this.peers].flatMap((peer) => [...peer.awarenessIds]).filter((id) => this.awareness.states.has(id));
    if (own.length === 0) return;
    this.options.presence?.publish(this.planId, awarenessProtocol.encodeAwarenessUpdate(this.awareness, own));
  }

  /**
   * Commits an update the server makes (a restore) under `userId`, in order with the peers' updates, and relays it
   * to every peer. Resolves with its seq once committed.
   */
  async commitServerUpdate(
    update: Uint8Array,
    userId: string,
    kind: UpdateKind,
    log?: (seq: number) => readonly NewAccessLogEntry[],
  ): Promise<number> {
    await this.loaded;
    if (this.state === null) throw new Error(`plan ${this.planId} could not be loaded`);
    applyUpdates(this.liveDoc(), [update], this);
    return new Promise((resolve, reject) => {
      this.enqueue({
        origin: null,
        userId,
        kind,
        ...(log && { log }),
        update,
        meta: readUpdateMeta(update),
        frame: null,
        committed: { resolve, reject },
      });
    });
  }

  private enqueue(item: QueuedUpdate): void {
    this.queue.push(item);
    this.draining ??= this.drain();
  }

  /** Commits appended to this plan's log by someone else (another instance, or the server with no room open). */
  private readonly onFeed = (commits: readonly Commit[], origin: unknown): void => {
    if (origin === this) return;
    if (this.state === null) this.feedBacklog.push(...commits);
    else this.addForeign(commits);
  };

  /** Commits made elsewhere (another instance, or the server with no room open), in any order. */
  private addForeign(commits: readonly Commit[]): void {
    for (const commit of commits) this.accept(commit.seq, { update: commit.update, userId: commit.userId, own: null });
  }

  /**
   * A committed update: added and relayed at once when it follows the state's last seq (with whatever waited for
   * it), kept until the updates before it are in otherwise. A gap that stays open for GAP_WAIT_MS (a message lost,
   * or slow) is read from the log.
   */
  private accept(seq: number, entry: Ahead): void {
    const state = this.state!;
    if (seq <= state.lastSeq) return;
    if (seq !== state.lastSeq + 1) {
      // This room's own commit knows more (who sent it) than the same update read from the log or a message.
      if (!this.ahead.has(seq) || entry.own) this.ahead.set(seq, entry);
      this.watchGap(GAP_WAIT_MS);
      return;
    }
    this.add(seq, entry);
    for (let next = this.ahead.get(state.lastSeq + 1); next; next = this.ahead.get(state.lastSeq + 1)) {
      this.ahead.delete(state.lastSeq + 1);
      this.add(state.lastSeq + 1, next);
    }
    for (const waiting of this.ahead.keys()) if (waiting <= state.lastSeq) this.ahead.delete(waiting);
    if (this.ahead.size === 0 && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
    }
  }

  /** Fills the gap before the waiting commits from the log if it is still open after `ms`. */
  private watchGap(ms: number): void {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.ahead.size === 0) return;
      const below = Math.min(...this.ahead.keys()) - 1;
      void this.fillTo(below).then((filled) => {
        if (!filled) this.watchGap(GAP_RETRY_MS);
      });
    }, ms);
    this.gapTimer.unref();
  }

  /** Adds the update that follows the state's last seq and relays it. */
  private add(seq: number, { update, userId, own }: Ahead): void {
    if (!own) return this.addCommitted({ update, seq, userId });
    this.state!.add(update, own.meta, seq);
    this.broadcast(own.frame ?? encodeUpdateMessage(update), own.origin);
  }

  /** Adds the client owners the log knows and this room does not (claimed on another instance). */
  private async learnOwners(): Promise<void> {
    try {
      for (const [client, owner] of await this.options.log.clientOwners(this.planId)) {
        if (!this.owners.has(client)) this.owners.set(client, owner);
      }
    } catch (error) {
      this.options.logger.error({ planId: this.planId, err: (error as Error).message }, 'could not read client owners');
    }
  }

  /**
   * Adds a committed update that follows the state's last seq, and relays it to every peer. The client ids it
   * writes with are its writer's from now on (claimed where it was accepted), here too.
   */
  private addCommitted({ update, seq, userId }: { update: Uint8Array; seq: number; userId: string | null }): void {
    const meta = readUpdateMeta(update);
    this.state!.add(update, meta, seq);
    if (userId !== null)
      for (const client of meta.ranges.keys()) if (!this.owners.has(client)) this.owners.set(client, userId);
    if (this.doc) applyUpdates(this.doc, [update], this);
    this.broadcast(encodeUpdateMessage(update), null);
  }

  /**
   * Reads the log up to `seq`, adding what the state lacks (and what waited for it); fills run one after the
   * other. Resolves with false when the log could not be read.
   */
  private fillTo(seq: number): Promise<boolean> {
    const previous = this.filling ?? Promise.resolve(true);
    const fill: Promise<boolean> = previous
      .then(async () => {
        const state = this.state!;
        while (state.lastSeq < seq) {
          const page = await this.options.log.history(this.planId, {
            afterSeq: state.lastSeq,
            upToSeq: seq,
            limit: FILL_PAGE,
          });
          if (page.length === 0) break;
          for (const stored of page)
            this.accept(stored.seq, { update: stored.update, userId: stored.userId, own: null });
        }
        return true;
      })
      .catch((error: unknown) => {
        this.options.logger.error({ planId: this.planId, seq, err: (error as Error).message }, 'could not fill a gap');
        return false;
      })
      .finally(() => {
        if (this.filling === fill) this.filling = null;
      });
    this.filling = fill;
    return fill;
  }

  private broadcast(frame: Uint8Array, except: Peer | null): void {
    for (const peer of this.peers) if (peer !== except) peer.socket.send(frame);
  }

  /**
   * Group commit: the first update commits at once (after the frames of the same read have queued), and
   * whatever arrives while a commit is under way goes into the next one.
   */
  private async drain(): Promise<void> {
    try {
      await Promise.resolve();
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        await this.commit(batch);
      }
    } finally {
      this.draining = null;
    }
  }

  private async commit(batch: QueuedUpdate[]): Promise<void> {
    const state = this.state!;
    let lastSeq: number;
    this.appending = true;
    try {
      lastSeq = await this.options.log.append(
        this.planId,
        batch.map(({ update, userId, kind, log, claims }) => ({
          update,
          userId,
          kind,
          ...(log && { log }),
          ...(claims && { claims }),
        })),
        this,
      );
    } catch (error) {
      // Nobody has seen these updates; their senders reconnect and sync them again.
      this.options.logger.error({ planId: this.planId, err: (error as Error).message }, 'could not commit updates');
      for (const item of batch) item.committed?.reject(error as Error);
      // The live document had these applied: rebuild it from what is committed (the state, and this room's own
      // commits still waiting for those before them, which were applied on arrival and are not applied again when
      // added), plus what is still queued.
      this.doc?.destroy();
      this.doc = null;
      const kept = [
        ...[...this.ahead.values()].filter((entry) => entry.own).map((entry) => entry.update),
        ...this.queue.map((item) => item.update),
      ];
      if (kept.length > 0) {
        const doc = this.liveDoc();
        applyUpdates(doc, kept, this);
      }
      for (const item of batch) for (const client of item.claims ?? []) this.owners.delete(client);
      // Another instance let another account claim that id at the same moment: learn who owns it now.
      if (error instanceof ClientIdTaken) void this.learnOwners();
      for (const origin of new Set(batch.map((item) => item.origin))) {
        if (!origin) continue;
        origin.socket.close(CloseCode.serverError, 'could not save');
        this.leave(origin);
      }
      return;
    } finally {
      this.appending = false;
    }
    // Committed: relayed once the plan's updates before it are in (another instance may have committed since the
    // state's last seq; its message brings those, or the log does).
    let seq = lastSeq - batch.length;
    for (const item of batch) {
      seq += 1;
      this.accept(seq, {
        update: item.update,
        userId: item.userId,
        own: { origin: item.origin, frame: item.frame, meta: item.meta },
      });
      item.committed?.resolve(seq);
    }
    if (this.checkpointing === null && state.needsCheckpoint(this.options.checkpointPolicy)) {
      void this.checkpoint();
    }
  }

  /**
   * Compacts off the event loop while commits and relays go on; one compaction at a time. With several instances
   * the checkpoint is first spread (checkpointSpreadMs), and one written elsewhere meanwhile is taken instead.
   */
  private checkpoint(): Promise<void> {
    if (this.checkpointing) return this.checkpointing;
    const state = this.state;
    if (!state || state.tailLength === 0) return Promise.resolve();
    this.checkpointing = (async () => {
      const spread = this.options.checkpointSpreadMs ?? 0;
      if (spread > 0 && this.closing === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.random() * spread);
          this.endSpread = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.endSpread = null;
        const stored = await this.options.log.readCheckpoint(this.planId);
        if (stored && state.adopt(stored) && !state.needsCheckpoint(this.options.checkpointPolicy)) return;
      }
      const snapshot = state.snapshot();
      const compacted = this.liveState() ?? (await this.options.compactor.compact(snapshot.parts));
      await this.options.log.writeCheckpoint(this.planId, state.install(snapshot, compacted));
    })()
      .catch((error: unknown) => {
        this.options.logger.error({ planId: this.planId, err: (error as Error).message }, 'could not write checkpoint');
      })
      .finally(() => {
        this.checkpointing = null;
      });
    return this.checkpointing;
  }

  /**
   * The live document's own state when it holds exactly what the state does (nothing queued, being appended or
   * waiting for earlier seqs, and nothing it deleted on its own): it has let deleted content go as a compaction
   * would, so encoding it takes the place of replaying the checkpoint and the tail (a tenth of the server's CPU
   * under load, bench). Null otherwise.
   */
  private liveState(): Compacted | null {
    const doc = this.doc;
    if (doc === null || this.docChangedItself) return null;
    if (this.queue.length > 0 || this.appending || this.ahead.size > 0) return null;
    return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
  }

  private close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closing = (async () => {
      await this.loaded;
      await this.draining;
      // Commits still waiting for those before them: read the gap from the log now.
      if (this.ahead.size > 0) await this.fillTo(Math.max(...this.ahead.keys()));
      if (this.gapTimer) clearTimeout(this.gapTimer);
      await this.filling;
      this.endSpread?.();
      await this.checkpointing;
      if (this.state && this.state.tailLength > 0) await this.checkpoint();
      this.unsubscribe();
      this.unsubscribePresence();
      this.awareness.off('update', this.onAwarenessUpdate);
      this.awareness.destroy();
      this.doc?.destroy();
      this.doc = null;
    })();
    this.options.onClosing(this, this.closing);
    return this.closing;
  }
}

/** A live Y.Doc of what `state` holds. */
function docOf(state: DocumentState): Y.Doc {
  const doc = new Y.Doc();
  applyUpdates(doc, state.snapshot().parts, null);
  return doc;
}
