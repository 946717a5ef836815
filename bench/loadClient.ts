/**
 * Load-generator process: real y-websocket `WebsocketProvider`s, one Y.Doc each, typing into a plan's
 * rich-text field (Y.XmlFragment > paragraph > XmlText, as Tiptap does). Every edit inserts its send time;
 * every other peer reports the delay at which it observed it. Driven by bench/run.ts over IPC.
 */
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { mulberry32, nowUs, sleep, sleepUntilUs, sleepUntilUsPrecise } from './lib/clock.ts';
import {
  BENCH_FIELD,
  type FromLoadClient,
  type LoadClientReport,
  type PeerSpec,
  type ToLoadClient,
} from './lib/messages.ts';

// Each provider adds an 'exit' listener.
process.setMaxListeners(0);

const TOKEN = /\{([0-9a-z]+)\}/g;

interface Peer {
  spec: PeerSpec;
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.XmlText | null;
  connects: number;
}

let peers: Peer[] = [];
let window = { fromUs: Infinity, untilUs: -Infinity };
let latencies = new Float64Array(1 << 16);
let latencyCount = 0;
let sentInWindow = 0;
let localUpdates = 0;
let remoteUpdateEvents = 0;
let maxTimerLagMs = 0;

function send(message: FromLoadClient): void {
  process.send?.(message);
}

function recordLatency(us: number): void {
  if (latencyCount === latencies.length) {
    const bigger = new Float64Array(latencies.length * 2);
    bigger.set(latencies);
    latencies = bigger;
  }
  latencies[latencyCount++] = us;
}

function observe(peer: Peer): void {
  const fragment = peer.doc.getXmlFragment(BENCH_FIELD);
  fragment.observeDeep((events, transaction) => {
    if (transaction.local) return;
    const now = nowUs();
    for (const event of events) {
      if (!(event.target instanceof Y.XmlText)) continue;
      for (const op of event.delta) {
        if (typeof op.insert !== 'string') continue;
        for (const match of op.insert.matchAll(TOKEN)) {
          const sentUs = parseInt(match[1]!, 36);
          if (sentUs >= window.fromUs && sentUs < window.untilUs) recordLatency(now - sentUs);
        }
      }
    }
  });
  peer.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === peer.provider) remoteUpdateEvents++;
    else localUpdates++;
  });
}

async function init(wsBase: string, specs: PeerSpec[]): Promise<void> {
  const start = performance.now();
  peers = specs.map((spec) => {
    const doc = new Y.Doc();
    const params: Record<string, string> = spec.token ? { token: spec.token } : {};
    const provider = new WebsocketProvider(wsBase, spec.planId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params,
      disableBc: true,
    });
    provider.awareness.setLocalStateField('user', { name: `peer ${spec.index}`, color: '#3366cc' });
    const peer: Peer = { spec, doc, provider, text: null, connects: 0 };
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') peer.connects++;
    });
    observe(peer);
    return peer;
  });
  await Promise.all(
    peers.map(
      (peer) =>
        new Promise<void>((resolve, reject) => {
          if (peer.provider.synced) return resolve();
          const timer = setTimeout(() => reject(new Error(`peer of ${peer.spec.planId} did not sync in 60 s`)), 60_000);
          peer.provider.once('sync', () => {
            clearTimeout(timer);
            resolve();
          });
        }),
    ),
  );
  // Each peer types into its own paragraph, created once, before the timed part.
  for (const peer of peers) {
    const fragment = peer.doc.getXmlFragment(BENCH_FIELD);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(fragment.length, [paragraph]);
    peer.text = text;
  }
  send({ type: 'ready', connectMs: performance.now() - start });
}

async function run(command: Extract<ToLoadClient, { type: 'start' }>): Promise<void> {
  window = { fromUs: command.measureFromUs, untilUs: command.measureUntilUs };
  const random = mulberry32(seed);
  const interval = (): number =>
    (command.minIntervalMs + random() * (command.maxIntervalMs - command.minIntervalMs)) * 1000;

  const editing = peers.map(async (peer) => {
    let next = command.startUs + random() * command.maxIntervalMs * 1000;
    for (;;) {
      if (next >= command.measureUntilUs) return;
      await sleepUntilUs(next);
      const now = nowUs();
      maxTimerLagMs = Math.max(maxTimerLagMs, (now - next) / 1000);
      const text = peer.text!;
      text.insert(text.length, `{${now.toString(36)}}`);
      if (now >= window.fromUs && now < window.untilUs) sentInWindow++;
      next += interval();
      // A peer that fell far behind does not burst to catch up.
      if (next < now) next = now + interval();
    }
  });

  await sleepUntilUsPrecise(command.measureFromUs);
  const cpuStart = process.cpuUsage();
  await sleepUntilUsPrecise(command.measureUntilUs);
  const cpu = process.cpuUsage(cpuStart);
  await Promise.all(editing);
  await sleep(command.drainMs);

  const contentHashes: Record<string, string[]> = {};
  for (const peer of peers) {
    const content = peer.doc.getXmlFragment(BENCH_FIELD).toString();
    (contentHashes[peer.spec.planId] ??= []).push(createHash('sha1').update(content).digest('hex'));
  }
  const report: LoadClientReport = {
    latenciesUs: latencies.slice(0, latencyCount),
    sentInWindow,
    receivedInWindow: latencyCount,
    localUpdates,
    remoteUpdateEvents,
    disconnectedPeers: peers.filter((peer) => !peer.provider.wsconnected).length,
    reconnects: peers.reduce((sum, peer) => sum + Math.max(0, peer.connects - 1), 0),
    clientCpuSec: (cpu.user + cpu.system) / 1e6,
    maxTimerLagMs,
    contentHashes,
  };
  send({ type: 'report', report });
}

let seed = 1;

process.on('disconnect', () => process.exit(0));
process.on('message', (message: ToLoadClient) => {
  const fail = (error: unknown): void => {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  };
  switch (message.type) {
    case 'init':
      seed = message.seed;
      init(message.wsBase, message.peers).catch(fail);
      return;
    case 'start':
      run(message).catch(fail);
      return;
    case 'close':
      for (const peer of peers) {
        peer.provider.destroy();
        peer.doc.destroy();
      }
      setTimeout(() => process.exit(0), 50);
      return;
  }
});
