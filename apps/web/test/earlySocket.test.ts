import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EarlySocket as EarlySocketClass } from '../src/collab/earlySocket.ts';

/** A browser WebSocket the test drives: it opens, receives and closes when the test says. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static made: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  binaryType = 'blob';
  readonly sent: Uint8Array[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = FakeSocket.CLOSED;
  }
  serverOpens(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.(new Event('open'));
  }
  serverSends(bytes: number[]): void {
    this.onmessage?.(new MessageEvent('message', { data: new Uint8Array(bytes).buffer }));
  }
  serverCloses(code: number): void {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.(Object.assign(new Event('close'), { code, reason: '' }) as CloseEvent);
  }
}

const PLAN_URL = 'ws://samplan.test/collab/p1';
const EMPTY_STEP1 = [0, 0, 1, 0];
const bytesOf = (sent: Uint8Array[]): number[][] => sent.map((data) => [...data]);

/** What a provider does with the socket it constructs: sets its handlers and records what reaches them. */
function attach(socket: WebSocket) {
  const seen: string[] = [];
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => {
    seen.push('open');
    // A fresh provider's document is empty: its first SyncStep1 is the one the early socket sent already.
    socket.send(new Uint8Array(EMPTY_STEP1));
  };
  socket.onmessage = (event: MessageEvent) => seen.push(`message ${[...new Uint8Array(event.data as ArrayBuffer)]}`);
  socket.onclose = (event: CloseEvent) => seen.push(`close ${event.code}`);
  return seen;
}

const microtasks = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('EarlySocket: the plan socket the entry script opens, taken over by the provider', () => {
  // Imported afresh for each test (its one waiting socket is module state), after the globals are stubbed.
  let EarlySocket: typeof EarlySocketClass;

  beforeEach(async () => {
    FakeSocket.made = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('location', { protocol: 'http:', host: 'samplan.test' });
    vi.stubGlobal('navigator', { onLine: true });
    vi.resetModules();
    ({ EarlySocket } = await import('../src/collab/earlySocket.ts'));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('asks for the plan as soon as it opens, and replays the open and every message, in order, once taken', async () => {
    EarlySocket.open('p1');
    const real = FakeSocket.made[0]!;
    expect(real.url).toBe(PLAN_URL);
    real.serverOpens();
    expect(bytesOf(real.sent)).toEqual([EMPTY_STEP1]);
    real.serverSends([0, 0, 1, 0]);
    real.serverSends([0, 1, 9, 9]);

    const taken = new EarlySocket.take(PLAN_URL);
    const seen = attach(taken);
    expect(seen).toEqual([]);
    await microtasks();
    expect(seen).toEqual(['open', 'message 0,0,1,0', 'message 0,1,9,9']);
    expect(taken.readyState).toBe(WebSocket.OPEN);
    // The provider's own empty SyncStep1 repeats the early one: not sent twice. What it sends next goes out.
    taken.send(new Uint8Array([0, 1, 5]));
    expect(bytesOf(real.sent)).toEqual([EMPTY_STEP1, [0, 1, 5]]);
    // From now on events pass straight through.
    real.serverSends([1, 7]);
    real.serverCloses(1006);
    expect(seen.slice(3)).toEqual(['message 1,7', 'close 1006']);
    // Handed out once: a reconnect gets a new socket.
    new EarlySocket.take(PLAN_URL);
    expect(FakeSocket.made).toHaveLength(2);
  });

  it('taken while still connecting, it sends nothing of its own: the provider asks when it opens', async () => {
    EarlySocket.open('p1');
    const real = FakeSocket.made[0]!;
    const taken = new EarlySocket.take(PLAN_URL);
    const seen = attach(taken);
    await microtasks();
    real.serverOpens();
    expect(seen).toEqual(['open']);
    expect(bytesOf(real.sent)).toEqual([EMPTY_STEP1]);
  });

  it('is not handed out for another plan', () => {
    EarlySocket.open('p1');
    const other = new EarlySocket.take('ws://samplan.test/collab/p2') as unknown as FakeSocket;
    expect(FakeSocket.made.map((socket) => socket.url)).toEqual([PLAN_URL, 'ws://samplan.test/collab/p2']);
    expect(other).toBe(FakeSocket.made[1]);
  });

  it('refused by the server before it is taken (nobody logged in yet), the provider hears the refusal', async () => {
    EarlySocket.open('p1');
    FakeSocket.made[0]!.serverCloses(4401);
    const taken = new EarlySocket.take(PLAN_URL);
    const seen = attach(taken);
    await microtasks();
    expect(seen).toEqual(['close 4401']);
    // No second socket, refused again for the same reason.
    expect(FakeSocket.made).toHaveLength(1);
  });

  it('opens nothing while offline, and closes a socket nobody takes', () => {
    vi.stubGlobal('navigator', { onLine: false });
    EarlySocket.open('p1');
    expect(FakeSocket.made).toHaveLength(0);

    vi.stubGlobal('navigator', { onLine: true });
    vi.useFakeTimers();
    EarlySocket.open('p1');
    const real = FakeSocket.made[0]!;
    vi.advanceTimersByTime(10_000);
    expect(real.readyState).toBe(FakeSocket.CLOSED);
    new EarlySocket.take(PLAN_URL);
    expect(FakeSocket.made).toHaveLength(2);
  });
  it('delivers every held event even when a handler throws, and throws the error on afterwards', async () => {
    vi.useFakeTimers();
    EarlySocket.open('p1');
    const real = FakeSocket.made[0]!;
    real.serverOpens();
    real.serverSends([0, 1, 9]);
    real.serverCloses(4403);
    const taken = new EarlySocket.take(PLAN_URL);
    const seen = attach(taken);
    taken.onmessage = () => {
      throw new Error('a broken update');
    };
    await Promise.resolve();
    expect(seen).toEqual(['open', 'close 4403']);
    expect(() => vi.runAllTimers()).toThrow('a broken update');
  });

  it('is closed when the page opens its own connection instead (discard)', () => {
    EarlySocket.open('p1');
    const real = FakeSocket.made[0]!;
    EarlySocket.discard();
    expect(real.readyState).toBe(FakeSocket.CLOSED);
    new EarlySocket.take(PLAN_URL);
    expect(FakeSocket.made).toHaveLength(2);
  });
});
