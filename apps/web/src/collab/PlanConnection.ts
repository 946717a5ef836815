import { COLLAB_PATH } from '@samplan/protocol';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  connectionStateOf,
  failureOfCloseCode,
  type ConnectionFailure,
  type ConnectionSnapshot,
} from './connectionState.ts';
import { LOCAL_ORIGIN } from './localOrigin.ts';
import { PresenceIndex } from './PresenceIndex.ts';
import { undoDeleteFilter } from './undoDeleteFilter.ts';

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

export interface PlanConnectionOptions {
  planId: string;
  /** Why the server refused an edit on the connection this one replaces (the plan was loaded again). */
  refusal?: string;
  /** ws(s)://host/collab; defaults to this page's host. */
  serverUrl?: string;
}

/**
 * One open plan: its Y.Doc, the websocket provider (sync + awareness), the undo manager for this user's own
 * edits, and the connection state shown to the user. Not React; PlanPage owns one per mounted plan.
 */
export class PlanConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly undoManager: Y.UndoManager;
  /** Who is in the plan, and at which item and field. */
  readonly presence: PresenceIndex;
  /** Set on a connection opened because the server refused an edit: why (packages/protocol UpdateRefusal). */
  readonly refusal: string | null;
  /** Why the server refused an edit on this connection (it closed with 4409); null until then. */
  refusedBecause: string | null = null;
  private me: PresenceUser | null = null;

  private snapshot: ConnectionSnapshot = { state: 'connecting', loaded: false, pending: 0, failure: null };
  private readonly listeners = new Set<() => void>();
  private online = typeof navigator === 'undefined' ? true : navigator.onLine;
  private everSynced = false;
  private failure: ConnectionFailure | null = null;
  private pending = 0;

  constructor(options: PlanConnectionOptions) {
    this.refusal = options.refusal ?? null;
    const serverUrl =
      options.serverUrl ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
    // The session cookie authenticates the socket; no token in the URL.
    this.provider = new WebsocketProvider(serverUrl, options.planId, this.doc, {
      connect: false,
      disableBc: true,
      maxBackoffTime: 2500,
    });
    // No presence until identify(): the socket may open before the page knows who is logged in.
    this.provider.awareness.setLocalState(null);
    this.presence = new PresenceIndex(this.provider.awareness);

    // Undo covers the whole plan but only this user's transactions: ours, and the rich-text editors' once their
    // code has loaded (editorUndoManager adds Tiptap's origin).
    this.undoManager = new Y.UndoManager(this.doc, {
      trackedOrigins: new Set<unknown>([LOCAL_ORIGIN]),
      captureTransaction: (tr) => tr.meta.get('addToHistory') !== false,
      deleteFilter: undoDeleteFilter,
    });

    this.provider.on('status', this.update);
    this.provider.on('sync', this.onSync);
    this.provider.on('closed', this.onClosed);
    this.doc.on('update', this.onDocUpdate);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    if (this.online) this.provider.connect();
    this.update();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  /** Who this is, shown to the others in the plan (presence and carets). */
  identify(user: PresenceUser): void {
    this.me = user;
    const local = this.provider.awareness.getLocalState();
    this.provider.awareness.setLocalState({ section: null, item: null, field: null, ...local, user });
  }

  /** The user given to identify(); the page identifies a connection before it renders anything with it. */
  get user(): PresenceUser {
    if (!this.me) throw new Error('PlanConnection.user read before identify()');
    return this.me;
  }

  /** Runs a change as this user's own edit: sent to everyone, undoable by this user only. */
  transact(change: () => void): void {
    this.doc.transact(change, LOCAL_ORIGIN);
  }

  /** Tells the others which part of the plan this user is looking at. */
  setSection(section: string | null): void {
    this.provider.awareness.setLocalStateField('section', section);
  }

  /** Tells the others which item this user has open to edit (`collection:id`), or none. */
  setOpenItem(item: string | null): void {
    this.setLocalField('item', item);
  }

  /** Tells the others which short field this user is typing in (fieldKeyOf). */
  setTypingIn(field: string): void {
    this.setLocalField('field', field);
  }

  /** This user is no longer in that field (if they were). */
  leaveField(field: string): void {
    if (this.provider.awareness.getLocalState()?.field === field) this.setLocalField('field', null);
  }

  private setLocalField(key: 'item' | 'field', value: string | null): void {
    const local = this.provider.awareness.getLocalState();
    if (!local || local[key] === value) return;
    this.provider.awareness.setLocalStateField(key, value);
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  destroy(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.doc.off('update', this.onDocUpdate);
    this.undoManager.destroy();
    this.presence.destroy();
    this.provider.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private readonly emit = (): void => {
    for (const listener of [...this.listeners]) listener();
  };

  private readonly update = (): void => {
    const status = this.provider.wsconnected ? 'connected' : this.provider.wsconnecting ? 'connecting' : 'disconnected';
    const synced = this.provider.synced;
    if (status === 'connected' && synced) {
      this.everSynced = true;
      this.pending = 0;
    }
    const next: ConnectionSnapshot = {
      state: connectionStateOf({
        online: this.online,
        status,
        synced,
        everSynced: this.everSynced,
        failure: this.failure,
      }),
      loaded: this.everSynced,
      pending: this.pending,
      failure: this.failure,
    };
    const prev = this.snapshot;
    if (
      prev.state !== next.state ||
      prev.loaded !== next.loaded ||
      prev.pending !== next.pending ||
      prev.failure !== next.failure
    ) {
      this.snapshot = next;
      this.emit();
    }
  };

  private readonly onSync = (): void => this.update();

  private readonly onClosed = (event: { code: number; reason?: string }): void => {
    this.failure = failureOfCloseCode(event.code, event.reason);
    if (this.failure === 'updateRefused') {
      // Reconnecting would send the refused edit again: this document is done; the page opens the plan anew.
      this.refusedBecause = event.reason ?? '';
      this.provider.disconnect();
    }
    this.update();
  };

  private readonly onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider) return;
    if (!(this.provider.wsconnected && this.provider.synced)) {
      this.pending += 1;
      this.update();
    }
  };

  // Browsers keep a dead socket open for a while after the network goes; trust the browser and reconnect fast.
  private readonly onOffline = (): void => {
    this.online = false;
    this.provider.disconnect();
    this.update();
  };

  private readonly onOnline = (): void => {
    this.online = true;
    if (!this.failure) this.provider.connect();
    this.update();
  };
}
