/**
 * Load-generator process: real y-websocket `WebsocketProvider`s, one Y.Doc each, typing into a plan's
 * rich-text field (Y.XmlFragment > paragraph > XmlText, as Tiptap does). Every edit inserts its send time;
 * every other peer reports the delay at which it observed it. Peers of both servers are connected at once;
 * the peers of a server edit only in that server's segments. Driven by bench/lib/loadTest.ts over IPC.
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
  type Segment,
  type ServerReport,
  type ToLoadClient,
} from './lib/messages.ts';
import type { ServerKind } from './lib/servers.ts';

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

class Tally {
  latencies = new Float64Array(1 << 15);
  latencyCount = 0;
  sentInWindow = 0;
  sentTotal = 0;
  receivedTotal = 0;
  localUpdates = 0;
  measured: Segment[] = [];

  inMeasured(us: number): boolean {
    for (const s of this.measured) if (us >= s.fromUs && us < s.untilUs) return true;
    return false;
  }

  recordLatency(us: number): void {
    if (this.latencyCount === this.latencies.length) {
      const bigger = new Float64Array(this.latencies.length * 2);
      bigger.set(this.latencies);
      this.latencies = bigger;
    }
    this.latencies[this.latencyCount++] = us;
  }
}

let peers: Peer[] = [];
const KINDS = ['ours', 'reference', 'floor'] as const satisfies readonly ServerKind[];
const tallies: Record<ServerKind, Tally> = { ours: new Tally(), reference: new Tally(), floor: new Tally() };
let maxTimerLagMs = 0;
let seed = 1;

function send(message: FromLoadClient): void {
  process.send?.(message);
}

function observe(peer: Peer): void {
  const tally = tallies[peer.spec.server];
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
          tally.receivedTotal++;
          if (tally.inMeasured(sentUs)) tally.recordLatency(now - sentUs);
        }
      }
    }
  });
  peer.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== peer.provider) tally.localUpdates++;
  });
}

async function init(wsBase: Record<ServerKind, string>, specs: PeerSpec[]): Promise<void> {
  const start = performance.now();
  peers = specs.map((spec) => {
    const doc = new Y.Doc();
    const params: Record<string, string> = spec.token ? { token: spec.token } : {};
    const provider = new WebsocketProvider(wsBase[spec.server], spec.planId, doc, {
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
          const timer = setTimeout(
            () => reject(new Error(`peer of ${peer.spec.server} plan ${peer.spec.planId} did not sync in 60 s`)),
            60_000,
          );
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

async function edit(peer: Peer, segments: Segment[], interval: () => number, random: () => number): Promise<void> {
  const tally = tallies[peer.spec.server];
  for (const segment of segments) {
    if (segment.server !== peer.spec.server) continue;
    let next = segment.fromUs + random() * interval();
    while (next < segment.untilUs) {
      await sleepUntilUs(next);
      // A timer can fire up to a millisecond early (libuv's clock is cached in whole ms): an edit due just after
      // the segment starts must not be sent just before it, where no receiver counts it.
      if (nowUs() < segment.fromUs) await sleepUntilUsPrecise(segment.fromUs);
      const now = nowUs();
      maxTimerLagMs = Math.max(maxTimerLagMs, (now - next) / 1000);
      if (now >= segment.untilUs) break;
      const text = peer.text!;
      text.insert(text.length, `{${now.toString(36)}}`);
      tally.sentTotal++;
      // The receivers count an edit by the send time in it; so does the sender.
      if (tally.inMeasured(now)) tally.sentInWindow++;
      next += interval();
      // A peer that fell far behind does not burst to catch up.
      if (next < now) next = now + interval();
    }
  }
}

async function run(command: Extract<ToLoadClient, { type: 'start' }>): Promise<void> {
  const measured = command.segments.filter((s) => s.measured);
  for (const kind of KINDS) tallies[kind].measured = measured.filter((s) => s.server === kind);
  const random = mulberry32(seed);
  const interval = (): number =>
    (command.minIntervalMs + random() * (command.maxIntervalMs - command.minIntervalMs)) * 1000;
  const editing = Promise.all(peers.map((peer) => edit(peer, command.segments, interval, random)));

  await sleepUntilUsPrecise(Math.min(...measured.map((s) => s.fromUs)));
  const cpuStart = process.cpuUsage();
  await sleepUntilUsPrecise(Math.max(...measured.map((s) => s.untilUs)));
  const cpu = process.cpuUsage(cpuStart);
  await editing;
  await sleep(command.drainMs);

  const servers = {} as Record<ServerKind, ServerReport>;
  for (const kind of KINDS) {
    const tally = tallies[kind];
    const mine = peers.filter((peer) => peer.spec.server === kind);
    const contentHashes: Record<string, string[]> = {};
    for (const peer of mine) {
      const content = peer.doc.getXmlFragment(BENCH_FIELD).toString();
      (contentHashes[peer.spec.planId] ??= []).push(createHash('sha1').update(content).digest('hex'));
    }
    servers[kind] = {
      latenciesUs: tally.latencies.slice(0, tally.latencyCount),
      sentInWindow: tally.sentInWindow,
      receivedInWindow: tally.latencyCount,
      sentTotal: tally.sentTotal,
      receivedTotal: tally.receivedTotal,
      localUpdates: tally.localUpdates,
      disconnectedPeers: mine.filter((peer) => !peer.provider.wsconnected).length,
      reconnects: mine.reduce((sum, peer) => sum + Math.max(0, peer.connects - 1), 0),
      contentHashes,
    };
  }
  const report: LoadClientReport = { servers, clientCpuSec: (cpu.user + cpu.system) / 1e6, maxTimerLagMs };
  send({ type: 'report', report });
}

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
