/**
 * Load-generator process: real providers (y-websocket's `WebsocketProvider`, or `@hocuspocus/provider` for the
 * Hocuspocus setup), one Y.Doc each, typing into a plan's rich-text field (Y.XmlFragment > paragraph > XmlText,
 * as Tiptap does). Every edit inserts its send time and its sender's instance; every other peer reports the delay
 * at which it observed it. The peers of every setup are connected at once; those of a setup edit only in that
 * setup's segments. Driven by bench/lib/measureSetups.ts over IPC.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { mulberry32, nowUs, sleep, sleepUntilUs, sleepUntilUsPrecise } from './lib/clock.ts';
import {
  BENCH_FIELD,
  EDIT_TOKEN,
  editToken,
  type FromLoadClient,
  type LoadClientReport,
  type PeerSpec,
  type Segment,
  type SetupReport,
  type ToLoadClient,
} from './lib/messages.ts';
import { connectPeer, type PeerProvider } from './lib/peerProvider.ts';

// Each provider adds an 'exit' listener.
process.setMaxListeners(0);

interface Peer {
  spec: PeerSpec;
  doc: Y.Doc;
  provider: PeerProvider;
  text: Y.XmlText | null;
}

/** A growable list of latencies (µs). */
class Latencies {
  values = new Float64Array(1 << 15);
  count = 0;

  push(us: number): void {
    if (this.count === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.count++] = us;
  }

  toArray(): Float64Array {
    return this.values.slice(0, this.count);
  }
}

class Tally {
  latencies = new Latencies();
  crossLatencies = new Latencies();
  sentInWindow = 0;
  crossExpectedInWindow = 0;
  sentTotal = 0;
  receivedTotal = 0;
  localUpdates = 0;
  measured: Segment[] = [];

  inMeasured(us: number): boolean {
    for (const s of this.measured) if (us >= s.fromUs && us < s.untilUs) return true;
    return false;
  }
}

let peers: Peer[] = [];
const tallies = new Map<string, Tally>();
const tallyOf = (setup: string): Tally => {
  let tally = tallies.get(setup);
  if (!tally) tallies.set(setup, (tally = new Tally()));
  return tally;
};
let maxTimerLagMs = 0;
let seed = 1;

function send(message: FromLoadClient): void {
  process.send?.(message);
}

function observe(peer: Peer): void {
  const tally = tallyOf(peer.spec.setup);
  const fragment = peer.doc.getXmlFragment(BENCH_FIELD);
  fragment.observeDeep((events, transaction) => {
    if (transaction.local) return;
    const now = nowUs();
    for (const event of events) {
      if (!(event.target instanceof Y.XmlText)) continue;
      for (const op of event.delta) {
        if (typeof op.insert !== 'string') continue;
        for (const match of op.insert.matchAll(EDIT_TOKEN)) {
          const sentUs = parseInt(match[1]!, 36);
          tally.receivedTotal++;
          if (!tally.inMeasured(sentUs)) continue;
          tally.latencies.push(now - sentUs);
          if (Number(match[2]) !== peer.spec.instance) tally.crossLatencies.push(now - sentUs);
        }
      }
    }
  });
  peer.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (!peer.provider.isRemote(origin)) tally.localUpdates++;
  });
}

async function init(specs: PeerSpec[]): Promise<void> {
  const start = performance.now();
  peers = specs.map((spec) => {
    const doc = new Y.Doc();
    const peer: Peer = { spec, doc, provider: connectPeer(spec, doc), text: null };
    observe(peer);
    return peer;
  });
  await Promise.all(
    peers.map((peer) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`peer of ${peer.spec.setup} plan ${peer.spec.planId} did not sync in 60 s`)),
          60_000,
        );
      });
      return Promise.race([peer.provider.synced, timeout]).finally(() => clearTimeout(timer));
    }),
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
  const tally = tallyOf(peer.spec.setup);
  for (const segment of segments) {
    if (segment.setup !== peer.spec.setup) continue;
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
      text.insert(text.length, editToken(now, peer.spec.instance));
      tally.sentTotal++;
      // The receivers count an edit by the send time in it; so does the sender.
      if (tally.inMeasured(now)) {
        tally.sentInWindow++;
        tally.crossExpectedInWindow += peer.spec.crossReceivers;
      }
      next += interval();
      // A peer that fell far behind does not burst to catch up.
      if (next < now) next = now + interval();
    }
  }
}

async function run(command: Extract<ToLoadClient, { type: 'start' }>): Promise<void> {
  const measured = command.segments.filter((s) => s.measured);
  for (const peer of peers) tallyOf(peer.spec.setup).measured = measured.filter((s) => s.setup === peer.spec.setup);
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

  const setups: Record<string, SetupReport> = {};
  for (const [setup, tally] of tallies) {
    const mine = peers.filter((peer) => peer.spec.setup === setup);
    const contentHashes: Record<string, string[]> = {};
    for (const peer of mine) {
      const content = peer.doc.getXmlFragment(BENCH_FIELD).toString();
      (contentHashes[peer.spec.planId] ??= []).push(createHash('sha1').update(content).digest('hex'));
    }
    setups[setup] = {
      latenciesUs: tally.latencies.toArray(),
      crossLatenciesUs: tally.crossLatencies.toArray(),
      sentInWindow: tally.sentInWindow,
      receivedInWindow: tally.latencies.count,
      crossExpectedInWindow: tally.crossExpectedInWindow,
      sentTotal: tally.sentTotal,
      receivedTotal: tally.receivedTotal,
      localUpdates: tally.localUpdates,
      disconnectedPeers: mine.filter((peer) => !peer.provider.connected()).length,
      reconnects: mine.reduce((sum, peer) => sum + Math.max(0, peer.provider.connects() - 1), 0),
      contentHashes,
    };
  }
  const report: LoadClientReport = { setups, clientCpuSec: (cpu.user + cpu.system) / 1e6, maxTimerLagMs };
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
      init(message.peers).catch(fail);
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
