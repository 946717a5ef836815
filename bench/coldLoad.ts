/**
 * Cold-load child process, driven by bench/run.ts over IPC. Three jobs, each in a fresh process so the
 * timed parts run with the same (cold) JIT state:
 *  - write: a fast client types ~100,000 small edits (runs of typing, backspaces, new paragraphs, cursor
 *    jumps) into a plan through the server, one update per edit; then saves the merged state and content.
 *    With `turns`, the typing is handed over between members (one socket per member, in turn), so the plan's
 *    history has versions as it does when people take turns on it.
 *  - read: a new client connects to a freshly started server; time until it is synced and has the content.
 *  - floor: the same client code alone applying the saved merged state to a fresh Y.Doc; `asProvider` first
 *    does to the doc what a y-websocket client's provider and editor do (an 'update' listener, which makes
 *    Yjs encode every transaction, and the field got before the state arrives).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { mulberry32, sleep } from './lib/clock.ts';
import { BENCH_FIELD } from './lib/messages.ts';
import { median } from './lib/stats.ts';

process.setMaxListeners(0);

export type ToColdClient =
  | {
      type: 'write';
      wsBase: string;
      planId: string;
      token: string;
      edits: number;
      seed: number;
      /** Hand the typing over every `editsPerTurn` edits, to the next of `token`, ...`tokens`, round and round. */
      turns?: { tokens: string[]; editsPerTurn: number };
    }
  | { type: 'finish'; statePath: string; expectedPath: string }
  | { type: 'read'; wsBase: string; planId: string; token: string; expectedPath: string }
  | { type: 'floor'; statePath: string; expectedPath: string; warmReps: number; asProvider?: boolean }
  | { type: 'close' };

export interface WriteReport {
  updates: number;
  writeMs: number;
  paragraphs: number;
  /** Hand-overs made (0 without `turns`). */
  handOvers: number;
  /** The last edit as sent: the server has committed every edit once its log holds this one. */
  lastUpdate: Uint8Array;
}

export interface SavedReport {
  stateBytes: number;
  contentChars: number;
}

export interface ReadReport {
  /** Websocket open. */
  openMs: number;
  /** Provider `synced`. */
  syncedMs: number;
  /** Content equal to the expected content (checked at `synced`, then after every update). */
  verifiedMs: number;
  contentEqual: boolean;
  bytesReceived: number;
  messagesReceived: number;
  /**
   * The server's first message: it greets a peer once the room has loaded the plan, so this minus `openMs` is
   * the server's load (and whatever else it did first).
   */
  firstMessageMs: number;
  /** The largest message (the plan's state) fully received; `syncedMs` minus this is the client applying it. */
  stateReceivedMs: number;
}

export interface FloorReport {
  applyMs: number;
  /** Apply plus reading the content back (the same check `read` does). */
  applyAndReadMs: number;
  contentEqual: boolean;
  warmApplyMs: number;
}

export type FromColdClient =
  | ({ type: 'written' } & WriteReport)
  | ({ type: 'saved' } & SavedReport)
  | ({ type: 'read' } & ReadReport)
  | ({ type: 'floor' } & FloorReport)
  | { type: 'error'; message: string };

let traffic = { bytes: 0, messages: 0, start: 0, firstAt: NaN, largest: 0, largestAt: NaN };

/** `ws` that counts what the server sends. */
class CountingWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
      const at = performance.now() - traffic.start;
      if (traffic.messages === 0) traffic.firstAt = at;
      if (bytes > traffic.largest) {
        traffic.largest = bytes;
        traffic.largestAt = at;
      }
      traffic.messages++;
      traffic.bytes += bytes;
    });
  }
}

function connect(wsBase: string, planId: string, token: string, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(wsBase, planId, doc, {
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
}

function whenSynced(provider: WebsocketProvider, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (provider.synced) return resolve();
    const timer = setTimeout(() => reject(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const WORDS =
  'barnet trives i barnehagen og liker å tegne male og synge sammen med de andre barna ' +
  'familien ønsker mer hjelp til språk og motorikk fysioterapeut kommer hver tirsdag ' +
  'målet er at barnet skal kunne kle på seg selv før skolestart og delta i lek ute ';

let writer: { doc: Y.Doc; provider: WebsocketProvider } | null = null;

/**
 * The next member takes over the same document: their socket is synced before the last one closes (so the
 * plan stays open), and the last one's close handshake is complete before they type, so the server has taken
 * every update of the last turn before the first of this one.
 */
async function handOver(
  from: WebsocketProvider,
  command: Extract<ToColdClient, { type: 'write' }>,
  token: string,
): Promise<WebsocketProvider> {
  await drained(from);
  const next = connect(command.wsBase, command.planId, token, from.doc);
  await whenSynced(next, 30_000);
  const socket = from.ws as unknown as WebSocket | null;
  const closed = socket ? new Promise((resolve) => socket.once('close', resolve)) : Promise.resolve();
  // Members type under their own client ids (write() sets them); a provider's own bookkeeping keeps the id it had.
  const own = from.doc.clientID;
  from.doc.clientID = from.awareness.clientID;
  from.destroy();
  from.doc.clientID = own;
  await closed;
  return next;
}

async function write(command: Extract<ToColdClient, { type: 'write' }>): Promise<WriteReport> {
  const doc = new Y.Doc();
  let provider = connect(command.wsBase, command.planId, command.token, doc);
  writer = { doc, provider };
  await whenSynced(provider, 30_000);
  let updates = 0;
  let lastUpdate: Uint8Array = new Uint8Array();
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin instanceof WebsocketProvider) return;
    updates++;
    lastUpdate = update;
  });
  const tokens = [command.token, ...(command.turns?.tokens ?? [])];
  const editsPerTurn = command.turns?.editsPerTurn ?? Infinity;
  let handOvers = 0;
  // Each member types as their own Yjs client (the server refuses one account's updates under another's client id).
  const idRandom = mulberry32(command.seed ^ 0x5eed);
  const clientIds = tokens.map((_, i) => (i === 0 ? doc.clientID : Math.floor(idRandom() * 2 ** 31) + 1));

  const random = mulberry32(command.seed);
  const fragment = doc.getXmlFragment(BENCH_FIELD);
  const paragraphs: Y.XmlText[] = [];
  const newParagraph = (at: number): void => {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(at, [paragraph]);
    paragraphs.splice(at, 0, text);
  };
  let p = 0;
  let pos = 0;
  let wordPos = 0;

  const start = performance.now();
  newParagraph(0);
  for (let i = 1; i < command.edits; i++) {
    if (i % editsPerTurn === 0) {
      const next = ++handOvers % tokens.length;
      provider = await handOver(provider, command, tokens[next]!);
      doc.clientID = clientIds[next]!;
      writer = { doc, provider };
    }
    const r = random();
    if (r < 0.012) {
      // Enter: a new paragraph after the current one.
      newParagraph(p + 1);
      p += 1;
      pos = 0;
    } else if (r < 0.12 && pos > 0) {
      // Backspace.
      paragraphs[p]!.delete(pos - 1, 1);
      pos -= 1;
    } else {
      if (random() < 0.03) {
        // The cursor moves elsewhere, and a new run of typing starts there.
        p = Math.floor(random() * paragraphs.length);
        pos = Math.floor(random() * (paragraphs[p]!.length + 1));
      }
      paragraphs[p]!.insert(pos, WORDS[wordPos++ % WORDS.length]!);
      pos += 1;
    }
    if (i % 500 === 0) await drained(provider);
  }
  await drained(provider);
  return { updates, writeMs: performance.now() - start, paragraphs: paragraphs.length, handOvers, lastUpdate };
}

/** Waits until the socket has handed everything to the kernel, so a huge backlog never builds up. */
async function drained(provider: WebsocketProvider): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while ((provider.ws as unknown as WebSocket | null)?.bufferedAmount) await sleep(1);
}

function finish(command: Extract<ToColdClient, { type: 'finish' }>): SavedReport {
  const doc = writer!.doc;
  const state = Y.encodeStateAsUpdate(doc);
  const content = doc.getXmlFragment(BENCH_FIELD).toString();
  writeFileSync(command.statePath, state);
  writeFileSync(command.expectedPath, content);
  return { stateBytes: state.byteLength, contentChars: content.length };
}

async function read(command: Extract<ToColdClient, { type: 'read' }>): Promise<ReadReport> {
  const expected = readFileSync(command.expectedPath, 'utf8');
  const start = performance.now();
  traffic = { bytes: 0, messages: 0, start, firstAt: NaN, largest: 0, largestAt: NaN };
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(BENCH_FIELD);
  const provider = connect(command.wsBase, command.planId, command.token, doc);
  let openMs = NaN;
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected' && Number.isNaN(openMs)) openMs = performance.now() - start;
  });
  await whenSynced(provider, 60_000);
  const syncedMs = performance.now() - start;
  let contentEqual = fragment.toString() === expected;
  if (!contentEqual) {
    contentEqual = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 30_000);
      const check = (): void => {
        if (fragment.toString() !== expected) return;
        clearTimeout(timer);
        doc.off('update', check);
        resolve(true);
      };
      doc.on('update', check);
    });
  }
  const verifiedMs = performance.now() - start;
  provider.destroy();
  return {
    openMs,
    syncedMs,
    verifiedMs,
    contentEqual,
    bytesReceived: traffic.bytes,
    messagesReceived: traffic.messages,
    firstMessageMs: traffic.firstAt,
    stateReceivedMs: traffic.largestAt,
  };
}

function floor(command: Extract<ToColdClient, { type: 'floor' }>): FloorReport {
  const state = new Uint8Array(readFileSync(command.statePath));
  const expected = readFileSync(command.expectedPath, 'utf8');
  const start = performance.now();
  const doc = new Y.Doc();
  if (command.asProvider) {
    doc.getXmlFragment(BENCH_FIELD);
    doc.on('update', () => undefined);
  }
  Y.applyUpdate(doc, state);
  const applyMs = performance.now() - start;
  const contentEqual = doc.getXmlFragment(BENCH_FIELD).toString() === expected;
  const applyAndReadMs = performance.now() - start;
  const warm: number[] = [];
  for (let i = 0; i < command.warmReps; i++) {
    const t = performance.now();
    Y.applyUpdate(new Y.Doc(), state);
    warm.push(performance.now() - t);
  }
  return { applyMs, applyAndReadMs, contentEqual, warmApplyMs: median(warm) };
}

function send(message: FromColdClient): void {
  process.send?.(message);
}

process.on('disconnect', () => process.exit(0));
process.on('message', (message: ToColdClient) => {
  const fail = (error: unknown): void =>
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  try {
    switch (message.type) {
      case 'write':
        write(message).then((report) => send({ type: 'written', ...report }), fail);
        return;
      case 'finish':
        send({ type: 'saved', ...finish(message) });
        return;
      case 'read':
        read(message).then((report) => send({ type: 'read', ...report }), fail);
        return;
      case 'floor':
        send({ type: 'floor', ...floor(message) });
        return;
      case 'close':
        writer?.provider.destroy();
        setTimeout(() => process.exit(0), 50);
        return;
    }
  } catch (error) {
    fail(error);
  }
});
