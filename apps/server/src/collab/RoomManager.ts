import { AppError } from '../errors/AppError.ts';
import type { WriteBudget } from './WriteBudget.ts';
import { CloseCode } from '@samplan/protocol';
import type { AccessEvents } from '../access/AccessEvents.ts';
import type { Compactor } from '../documents/Compactor.ts';
import type { DocumentLog } from '../documents/DocumentLog.ts';
import type { ServerCommits } from '../documents/PlanHistory.ts';
import type { NewAccessLogEntry } from '../storage/AccessLogStore.ts';
import type { UpdateKind } from '../storage/DocumentStore.ts';
import type { CheckpointPolicy } from '../documents/DocumentState.ts';
import type { Peer } from './Peer.ts';
import type { PresenceFeed } from './PresenceFeed.ts';
import { Room, type RoomLogger } from './Room.ts';
import type { WritePolicy } from './WritePolicy.ts';

export interface RoomManagerOptions {
  /** Ended access closes that member's connections to the plan at once (4403 with the event's reason). */
  accessEvents: AccessEvents;
  log: DocumentLog;
  writePolicy: WritePolicy;
  checkpointPolicy: CheckpointPolicy;
  compactor: Compactor;
  logger: RoomLogger;
  onEditRefused?: (planId: string, userId: string, reason: string) => void;
  onLeft?: (planId: string, userId: string, seq: number, stayedMs: number) => void;
  /** The plans' presence on the other instances (Redis); none with one instance. */
  presence?: PresenceFeed | null;
  /** How much each member may write into each plan at once (shared by the rooms, kept past their closing). */
  writeBudget?: WriteBudget | null;
  /**
   * With several instances: how often the open rooms' seqs are compared with the log's heads, so a commit whose
   * message was lost reaches the peers here even when no commit follows it. None with one instance.
   */
  watermarkCheckMs?: number | null;
  /** With several instances: how long a due checkpoint may wait for one written elsewhere (Room). */
  checkpointSpreadMs?: number;
  /** A room has unloaded and everything in it is committed. */
  onSaved?: (planId: string) => void;
  /**
   * With several instances: how often every open connection's access is asked again (accessStillGranted), as a net
   * under the revocations, logouts and withdrawals other instances announce on Redis, which may lose a message.
   */
  accessCheckMs?: number | null;
  /** Whether a connection may still be open: null, or how to close it. */
  accessStillGranted?: (
    planId: string,
    userId: string,
    sessionId: string,
  ) => Promise<{ code: number; reason: string } | null>;
}

/** Why a socket closes with 4401 when its session ends. */
export const LOGGED_OUT = 'LOGGED_OUT';

/** Keeps one Room per open plan and drops it once its last peer has left and it has saved. */
export class RoomManager implements ServerCommits {
  private readonly options: RoomManagerOptions;
  private readonly rooms = new Map<string, Room>();
  private readonly saving = new Map<string, Promise<void>>();
  private watermarkTimer: NodeJS.Timeout | null = null;
  private checking = false;
  private accessTimer: NodeJS.Timeout | null = null;
  private checkingAccess = false;

  constructor(options: RoomManagerOptions) {
    this.options = options;
    options.accessEvents.onEnded(({ planId, userId, reason }) =>
      this.closeUser(planId, userId, CloseCode.forbidden, reason),
    );
    options.accessEvents.onSessionEnded(({ userId, sessionId }) => {
      for (const room of this.rooms.values()) room.closeUser(userId, CloseCode.unauthenticated, LOGGED_OUT, sessionId);
    });
  }

  /** Starts the watermark check and the access check (when configured). */
  start(): void {
    const every = this.options.watermarkCheckMs;
    if (every && !this.watermarkTimer) {
      this.watermarkTimer = setInterval(() => void this.checkWatermarks(), every);
      this.watermarkTimer.unref();
    }
    const accessEvery = this.options.accessCheckMs;
    if (accessEvery && this.options.accessStillGranted && !this.accessTimer) {
      this.accessTimer = setInterval(() => void this.checkAccess(), accessEvery);
      this.accessTimer.unref();
    }
  }

  /** Asks again, once per user and session of each open room, whether its connections may stay; closes those not. */
  async checkAccess(): Promise<void> {
    const stillGranted = this.options.accessStillGranted;
    if (!stillGranted || this.checkingAccess || this.rooms.size === 0) return;
    this.checkingAccess = true;
    try {
      for (const [planId, room] of [...this.rooms]) {
        for (const { userId, sessionId } of room.connectedSessions()) {
          try {
            const refusal = await stillGranted(planId, userId, sessionId);
            if (refusal) room.closeUser(userId, refusal.code, refusal.reason, sessionId);
          } catch (error) {
            // Asked again next time; nobody is closed for a failure to ask.
            this.options.logger.error({ planId, err: (error as Error).message }, 'could not check a connection');
          }
        }
      }
    } finally {
      this.checkingAccess = false;
    }
  }

  /** Compares each open room's last seq with the log's head, in one query, and lets those behind fill the gap. */
  async checkWatermarks(): Promise<void> {
    if (this.checking || this.rooms.size === 0) return;
    this.checking = true;
    try {
      const heads = await this.options.log.heads([...this.rooms.keys()]);
      for (const [planId, head] of heads) this.rooms.get(planId)?.catchUpTo(head);
    } catch (error) {
      this.options.logger.error({ err: (error as Error).message }, 'could not check the rooms against the log');
    } finally {
      this.checking = false;
    }
  }

  /** Number of plans open right now. */
  get openRooms(): number {
    return this.rooms.size;
  }

  async join(planId: string, peer: Peer): Promise<Room> {
    // A plan still saving after its last peer left is reopened only once it has finished.
    for (let pending = this.saving.get(planId); pending; pending = this.saving.get(planId)) await pending;
    let room = this.rooms.get(planId);
    if (!room) {
      room = new Room({
        planId,
        log: this.options.log,
        writePolicy: this.options.writePolicy,
        checkpointPolicy: this.options.checkpointPolicy,
        compactor: this.options.compactor,
        logger: this.options.logger,
        onClosing: (closing, saved) => this.onClosing(closing, saved),
        onEditRefused: this.options.onEditRefused,
        onLeft: this.options.onLeft,
        presence: this.options.presence ?? null,
        writeBudget: this.options.writeBudget ?? null,
        checkpointSpreadMs: this.options.checkpointSpreadMs ?? 0,
      });
      this.rooms.set(planId, room);
    }
    room.join(peer);
    return room;
  }

  /**
   * Commits an update the server makes (a restore) under `userId`: through the plan's room when it is open, so
   * its peers get it at once, in order with their own; otherwise straight to the log. Resolves with its seq.
   */
  async commitServerUpdate(
    planId: string,
    update: Uint8Array,
    userId: string,
    kind: UpdateKind,
    log?: (seq: number) => readonly NewAccessLogEntry[],
  ): Promise<number> {
    // A restore writes into the history as an edit does: out of its member's write budget.
    const waitMs = this.options.writeBudget?.spend(planId, userId, update.byteLength) ?? 0;
    if (waitMs > 0) {
      throw new AppError('WRITE_BUDGET_SPENT', 'Du har skrevet svært mye i planen nå nettopp; prøv igjen litt senere', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    for (let pending = this.saving.get(planId); pending; pending = this.saving.get(planId)) await pending;
    // A closing room has already left this map (onClosing runs at once), so a room here takes the update.
    const room = this.rooms.get(planId);
    if (room) return room.commitServerUpdate(update, userId, kind, log);
    return this.options.log.append(planId, [{ update, userId, kind, ...(log && { log }) }]);
  }

  /** Closes one user's connections to one plan (membership ended, consent withdrawn). */
  closeUser(planId: string, userId: string, code: number, reason: string): void {
    this.rooms.get(planId)?.closeUser(userId, code, reason);
  }

  async closeAll(code: number, reason: string): Promise<void> {
    if (this.watermarkTimer) clearInterval(this.watermarkTimer);
    this.watermarkTimer = null;
    if (this.accessTimer) clearInterval(this.accessTimer);
    this.accessTimer = null;
    await Promise.all([...this.rooms.values()].map((room) => room.closeAll(code, reason)));
    await Promise.all([...this.saving.values()]);
  }

  private onClosing(room: Room, saved: Promise<void>): void {
    if (this.rooms.get(room.planId) === room) this.rooms.delete(room.planId);
    const done = saved.finally(() => {
      if (this.saving.get(room.planId) === done) this.saving.delete(room.planId);
      this.options.onSaved?.(room.planId);
    });
    this.saving.set(room.planId, done);
  }
}
