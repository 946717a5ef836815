import { COLLAB_PATH, MessageType, SyncMessageType } from '@samplan/protocol';

/** An early socket nobody takes within this time (the page went elsewhere, or nobody is logged in) is closed. */
const UNTAKEN_MS = 10_000;

/**
 * SyncStep1 of a document that holds nothing: [sync, step1, a state vector of 1 byte: 0 clients]. What a fresh
 * provider sends first; sent by the early socket as soon as it opens, so the plan is on its way before the
 * provider exists.
 */
const EMPTY_SYNC_STEP1 = new Uint8Array([MessageType.sync, SyncMessageType.step1, 1, 0]);

type Handler<E extends Event> = ((event: E) => void) | null;

/** The collab server of this page: a WebsocketProvider's server URL. */
export function collabServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
}

/** The socket URL a WebsocketProvider on this page uses for `planId` (its server URL + '/' + the room). */
function planSocketUrl(planId: string): string {
  return `${collabServerUrl()}/${planId}`;
}

/**
 * A plan's websocket opened by the entry script, before any of the plan's code has loaded: it asks for the plan at
 * once and keeps what arrives until the plan's WebsocketProvider takes it (EarlySocket.take as its WebSocket
 * class), which then sees the socket open and every message, in order, as if it had opened it itself. The sync
 * thus runs while the app's code loads and starts, not after it.
 *
 * The object stands in for a browser WebSocket as far as y-websocket uses one: the `on…` handlers, `send`,
 * `close`, `readyState`, `binaryType`.
 */
export class EarlySocket {
  private static waiting: EarlySocket | null = null;

  readonly CONNECTING = WebSocket.CONNECTING;
  readonly OPEN = WebSocket.OPEN;
  readonly CLOSING = WebSocket.CLOSING;
  readonly CLOSED = WebSocket.CLOSED;
  readonly url: string;
  onopen: Handler<Event> = null;
  onmessage: Handler<MessageEvent> = null;
  onclose: Handler<CloseEvent> = null;
  onerror: Handler<Event> = null;

  private readonly socket: WebSocket;
  /** What happened before the provider took the socket, replayed to it in order; null once taken. */
  private held: Event[] | null = [];
  /** The provider's first SyncStep1 is the one already sent while its document is still empty. */
  private sentEmptyStep1 = false;
  private readonly timer: ReturnType<typeof setTimeout>;

  private constructor(url: string) {
    this.url = url;
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = (event) => {
      if (this.held) {
        this.socket.send(EMPTY_SYNC_STEP1);
        this.sentEmptyStep1 = true;
      }
      this.pass(event, () => this.onopen?.(event));
    };
    this.socket.onmessage = (event) => this.pass(event, () => this.onmessage?.(event));
    this.socket.onerror = (event) => this.pass(event, () => this.onerror?.(event));
    // Closed before it is taken (the server refused it: nobody logged in, no access), it is still handed out: the
    // provider hears the refusal with its code, as from a socket of its own.
    this.socket.onclose = (event) => this.pass(event, () => this.onclose?.(event));
    this.timer = setTimeout(() => {
      if (EarlySocket.waiting === this) EarlySocket.discard();
    }, UNTAKEN_MS);
  }

  /** Closes the early socket if nobody has taken it (the page opens its own). */
  static discard(): void {
    const early = EarlySocket.waiting;
    EarlySocket.waiting = null;
    if (!early) return;
    clearTimeout(early.timer);
    early.close();
  }

  /** Opens `planId`'s socket now (the entry script, on a plan's address, while online). */
  static open(planId: string): void {
    if (EarlySocket.waiting || !navigator.onLine) return;
    EarlySocket.waiting = new EarlySocket(planSocketUrl(planId));
  }

  /**
   * A WebSocket class for y-websocket (its WebSocketPolyfill option): the early socket for `url` if nobody has taken
   * it, else a new WebSocket. Handed out once.
   */
  static readonly take = function takeEarlySocket(url: string, protocols?: string | string[]): WebSocket {
    const early = EarlySocket.waiting;
    if (!early || early.url !== url) return new WebSocket(url, protocols);
    EarlySocket.waiting = null;
    clearTimeout(early.timer);
    // The provider sets its handlers right after constructing; what happened before reaches them after that.
    queueMicrotask(() => early.replay());
    return early as unknown as WebSocket;
  } as unknown as typeof WebSocket;

  get readyState(): number {
    return this.socket.readyState;
  }

  get binaryType(): BinaryType {
    return this.socket.binaryType;
  }

  set binaryType(type: BinaryType) {
    this.socket.binaryType = type;
  }

  send(data: ArrayBufferLike | ArrayBufferView | Blob | string): void {
    // The provider's own first SyncStep1 repeats ours when its document is still empty: sent once is enough.
    if (this.sentEmptyStep1 && data instanceof Uint8Array && sameBytes(data, EMPTY_SYNC_STEP1)) {
      this.sentEmptyStep1 = false;
      return;
    }
    this.sentEmptyStep1 = false;
    this.socket.send(data);
  }

  close(code?: number, reason?: string): void {
    this.held = null;
    this.socket.close(code, reason);
  }

  /** Delivers `event` now if the socket has been taken, else keeps it for the replay. */
  private pass(event: Event, deliver: () => void): void {
    if (this.held) this.held.push(event);
    else deliver();
  }

  private replay(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const event of held) {
      // Each event on its own, as a socket dispatches them: one handler's error must not swallow the rest (a close
      // after it, say); it is thrown on afterwards, where a socket's handler would have thrown it.
      try {
        if (event.type === 'open') this.onopen?.(event);
        else if (event.type === 'message') this.onmessage?.(event as MessageEvent);
        else if (event.type === 'error') this.onerror?.(event);
        else if (event.type === 'close') this.onclose?.(event as CloseEvent);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
