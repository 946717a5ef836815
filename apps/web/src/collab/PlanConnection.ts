import { CloseCode } from '@samplan/protocol';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { deleteStore, forgetAllButUnsent, forgetPlan, whenStoreDeleted } from '../offline/deviceStore.ts';
import { planStoreName, UNSENT_KEY, UNSENT_OBJECT_STORE } from '../offline/storeNames.ts';
import {
  ACCESS_ENDED,
  connectionStateOf,
  failureOfCloseCode,
  type ConnectionFailure,
  type ConnectionSnapshot,
} from './connectionState.ts';
import { collabServerUrl, EarlySocket } from './earlySocket.ts';
import { LOCAL_ORIGIN } from './localOrigin.ts';
import { PresenceIndex } from './PresenceIndex.ts';
import { undoDeleteFilter } from './undoDeleteFilter.ts';

/** Edits of one's own closer together than this are one step of «Angre»: a pause longer ends a run of typing. */
const UNDO_CAPTURE_MS = 1500;
/** The longest wait a held-back edit accepts from the server before it is sent again. */
const HELD_BACK_MAX_S = 15 * 60;

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
  /** Made early, on a plan's address (earlyConnection.ts): its first socket is the one the entry opened. */
  early?: boolean;
}

/** Failures after which this browser no longer keeps the plan: the user may not see it any more. */
const FORGET_PLAN: ReadonlySet<ConnectionFailure> = new Set<ConnectionFailure>([...ACCESS_ENDED, 'forbidden']);

/**
 * One open plan: its Y.Doc, the websocket provider (sync + awareness), the undo manager for this user's own
 * edits, and the connection state shown to the user. Not React; PlanPage owns one per mounted plan.
 *
 * Once the page says who the user is (identify), the document is also kept in this browser (y-indexeddb, a store
 * per account and plan): a plan opened before opens from it while offline, and what is typed offline is kept across
 * reloads and sent when the socket syncs again. The store is deleted when the server refuses an edit (4409: the
 * refused edit must not come back from it), when access to the plan ends (4403, 4404), and with everything else of
 * the account when the server says the user is logged out (4401).
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

  private snapshot: ConnectionSnapshot = {
    state: 'connecting',
    loaded: false,
    pending: 0,
    failure: null,
    keptOnDevice: false,
  };
  private readonly listeners = new Set<() => void>();
  private online = typeof navigator === 'undefined' ? true : navigator.onLine;
  private everSynced = false;
  private failure: ConnectionFailure | null = null;
  private pending = 0;
  private readonly planId: string;
  /** This browser's copy of the plan, from identify() on; null before, after destroy, and once deleted. */
  private store: IndexeddbPersistence | null = null;
  private storeName: string | null = null;
  /** The store has been read into the document, and it held the plan (it had been opened here before). */
  private storeLoaded = false;
  /** Every local change so far is written to the store (the last write's transaction has completed). */
  private kept = false;
  private keptWrites = 0;
  private destroyed = false;
  /** Set while an edit the server held back waits to be sent (4529). */
  private heldBackTimer: ReturnType<typeof setTimeout> | null = null;
  /** Fields typed in whose value is not written to the plan yet (holdDraft). */
  private readonly drafts = new Set<() => void>();

  constructor(options: PlanConnectionOptions) {
    this.planId = options.planId;
    this.refusal = options.refusal ?? null;
    const serverUrl = options.serverUrl ?? collabServerUrl();
    // The session cookie authenticates the socket; no token in the URL. An early connection's first socket is the
    // one the entry script opened (EarlySocket); only it takes that socket, whose answer (even a refusal) came
    // before anyone logged in on this page.
    this.provider = new WebsocketProvider(serverUrl, options.planId, this.doc, {
      connect: false,
      disableBc: true,
      maxBackoffTime: 2500,
      ...(options.early && { WebSocketPolyfill: EarlySocket.take }),
    });
    // No presence until identify(): the socket may open before the page knows who is logged in.
    this.provider.awareness.setLocalState(null);
    this.presence = new PresenceIndex(this.provider.awareness);

    // Undo covers the whole plan but only this user's transactions: ours, and the rich-text editors' once their
    // code has loaded (editorUndoManager adds Tiptap's origin).
    this.undoManager = new Y.UndoManager(this.doc, {
      trackedOrigins: new Set<unknown>([LOCAL_ORIGIN]),
      // One «Angre» takes back a run of typing, also typed slowly (Yjs's 500 ms took back a letter at a time).
      captureTimeout: UNDO_CAPTURE_MS,
      captureTransaction: (tr) => tr.meta.get('addToHistory') !== false,
      deleteFilter: undoDeleteFilter,
    });

    this.provider.on('status', this.update);
    this.provider.on('sync', this.onSync);
    this.provider.on('closed', this.onClosed);
    this.provider.on('connection-close', this.onConnectionClose);
    this.doc.on('update', this.onDocUpdate);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('pagehide', this.writeDrafts);
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
    this.keepOnDevice(user.id);
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

  /**
   * Keeps a field's value typed and not yet written to the plan (`write` writes it if it is whole and valid), so that
   * leaving the plan while still in the field writes it as leaving the field does: before this connection closes
   * (another page of the app, the browser's back button), and when the page goes (another address, the tab closed).
   * Returns the release: true if this connection has not written it on closing.
   */
  holdDraft(write: () => void): () => boolean {
    this.drafts.add(write);
    return () => this.drafts.delete(write);
  }

  private readonly writeDrafts = (): void => {
    for (const write of [...this.drafts]) {
      try {
        write();
      } catch (error) {
        reportError(error);
      }
    }
  };

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

  /** Undoes this user's last change; nothing once logged out (4401): no change may be made then. */
  undo(): void {
    if (this.failure !== 'unauthenticated') this.undoManager.undo();
  }

  redo(): void {
    if (this.failure !== 'unauthenticated') this.undoManager.redo();
  }

  destroy(): void {
    // Written while the socket and this browser's copy still take it. One written while not synced (offline) is
    // counted as not sent in the copy now: writeKept's count comes a microtask later, when the copy has closed, and
    // without it a logout would not ask first and a session's end would delete it (forgetAllButUnsent).
    const pending = this.pending;
    this.writeDrafts();
    this.drafts.clear();
    if (this.store && this.pending !== pending) this.putUnsent(this.store, this.pending);
    this.destroyed = true;
    if (this.heldBackTimer) clearTimeout(this.heldBackTimer);
    void this.store?.destroy();
    this.store = null;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('pagehide', this.writeDrafts);
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
    if (status === 'connected' && synced && this.pending > 0) {
      this.pending = 0;
      this.writeKept();
    }
    if (status === 'connected' && synced) this.everSynced = true;
    const next: ConnectionSnapshot = {
      state: connectionStateOf({
        online: this.online,
        status,
        synced,
        everSynced: this.everSynced,
        failure: this.failure,
      }),
      // A copy opened here before shows at once, unless the server has refused the connection before any sync.
      loaded: this.everSynced || (this.storeLoaded && !this.failure),
      pending: this.pending,
      failure: this.failure,
      keptOnDevice: this.kept,
    };
    const prev = this.snapshot;
    if (
      prev.state !== next.state ||
      prev.loaded !== next.loaded ||
      prev.pending !== next.pending ||
      prev.failure !== next.failure ||
      prev.keptOnDevice !== next.keptOnDevice
    ) {
      this.snapshot = next;
      this.emit();
    }
  };

  private readonly onSync = (): void => this.update();

  /**
   * The server held an edit back (4529: this member wrote very much into the plan just now): it stays here, not
   * sent, and is sent when the socket opens again after the wait the server gives (seconds, its reason). Without
   * the wait, the provider would reconnect at once and be held back again.
   */
  private readonly onConnectionClose = (event: { code: number; reason: string } | null): void => {
    if (!event || event.code !== CloseCode.tooMuchWritten) return;
    const seconds = Number(event.reason);
    const waitMs = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, HELD_BACK_MAX_S) * 1000 : 1000;
    this.provider.disconnect();
    if (this.heldBackTimer) clearTimeout(this.heldBackTimer);
    this.heldBackTimer = setTimeout(() => {
      this.heldBackTimer = null;
      if (!this.destroyed && this.online && !this.failure) this.provider.connect();
    }, waitMs);
    this.update();
  };

  private readonly onClosed = (event: { code: number; reason?: string }): void => {
    this.failure = failureOfCloseCode(event.code, event.reason);
    if (this.failure === 'updateRefused') {
      // Reconnecting would send the refused edit again: this document is done; the page opens the plan anew, and
      // this browser's copy goes first, or the refused edit would come back from it and be sent again.
      this.refusedBecause = event.reason ?? '';
      this.provider.disconnect();
      this.dropStore();
    } else if (this.failure === 'unauthenticated') {
      // The session ended (expired, or ended on another device): what this browser keeps goes as at a logout,
      // except changes typed here and not sent yet, kept for the next login (forgetAllButUnsent). This plan's copy
      // stays open while it holds some, so what is typed from now on is kept with them.
      if (this.pending === 0) this.dropStore();
      if (this.me) void forgetAllButUnsent(this.me.id);
    } else if (FORGET_PLAN.has(this.failure)) {
      this.dropStore();
      if (this.me) void forgetPlan(this.me.id, this.planId);
    }
    this.update();
  };

  private readonly onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || (origin !== null && origin === this.store)) return;
    if (!(this.provider.wsconnected && this.provider.synced)) {
      this.pending += 1;
      this.writeKept();
      this.update();
    }
  };

  /** Keeps the plan in this browser from now on, in the account's store for it, read into the document first. */
  private keepOnDevice(userId: string): void {
    if (this.storeName !== null || typeof indexedDB === 'undefined') return;
    const name = planStoreName(userId, this.planId);
    this.storeName = name;
    // A refused connection's copy (4409) is being deleted: open the store only after that.
    void whenStoreDeleted(name).then(() => {
      if (this.destroyed || this.failure) return;
      const store = new IndexeddbPersistence(name, this.doc);
      this.store = store;
      store.on('synced', () => {
        if (this.store !== store) return;
        // Shown at once; how many changes were not sent is read after (one IndexedDB round trip less first).
        this.storeLoaded = this.doc.store.clients.size > 0;
        this.kept = true;
        this.update();
        void store.get(UNSENT_KEY).then(
          (stored: unknown) => {
            if (this.store !== store) return;
            // Changes typed here before a reload (and not sent then) are still not sent.
            if (!this.everSynced && typeof stored === 'number' && stored > this.pending) this.pending = stored;
            this.writeKept();
            this.update();
          },
          () => undefined,
        );
      });
    });
  }

  /**
   * Writes how many changes are not sent yet into the store, in a transaction over the updates store too: it
   * completes after y-indexeddb's writes of the changes so far (IndexedDB runs overlapping read-write transactions
   * in order), so when it completes, everything typed so far is kept in this browser.
   */
  private writeKept(): void {
    const store = this.store;
    if (!store) return;
    const write = ++this.keptWrites;
    const pending = this.pending;
    this.kept = false;
    // After y-indexeddb's own listener has queued its write of this update.
    queueMicrotask(() => {
      if (this.store !== store) return;
      this.putUnsent(store, pending, () => {
        if (this.store !== store || write !== this.keptWrites) return;
        this.kept = true;
        this.update();
      });
    });
  }

  /** Writes the count of changes not sent into the store, after the writes of the changes queued so far. */
  private putUnsent(store: IndexeddbPersistence, pending: number, written?: () => void): void {
    const db = store.db;
    if (!db) return;
    try {
      const transaction = db.transaction(['updates', UNSENT_OBJECT_STORE], 'readwrite');
      transaction.objectStore(UNSENT_OBJECT_STORE).put(pending, UNSENT_KEY);
      if (written) transaction.oncomplete = written;
    } catch {
      // The store is closing (deleted meanwhile).
    }
  }

  /** Stops keeping the plan in this browser and deletes this browser's copy. */
  private dropStore(): void {
    const store = this.store;
    this.store = null;
    this.kept = false;
    if (this.storeName !== null) {
      void store?.destroy();
      void deleteStore(this.storeName);
    }
  }

  // Browsers keep a dead socket open for a while after the network goes; trust the browser and reconnect fast.
  private readonly onOffline = (): void => {
    this.online = false;
    this.provider.disconnect();
    this.update();
  };

  private readonly onOnline = (): void => {
    this.online = true;
    if (!this.failure && !this.heldBackTimer) this.provider.connect();
    this.update();
  };
}
