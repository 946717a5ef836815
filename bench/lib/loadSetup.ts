import type { PeerProtocol, PeerSpec } from './messages.ts';
import type { BenchOptions } from './options.ts';
import { readMemory } from './procs.ts';
import { Api, type RunningServer } from './servers.ts';

/** Where a setup's updates end up, counted after the run. */
export interface UpdateStore {
  /**
   * `rows`: one row per update, against the updates the clients produced plus `seedRows` (ours: doc_updates).
   * `edits`: the edit tokens found in the stored documents, against the edits typed (a store of whole states).
   */
  unit: 'rows' | 'edits';
  /** Rows the setup writes besides the clients' updates (ours: one seed update per plan). */
  seedRows: number;
  count(): Promise<number>;
}

/**
 * One configuration under load (bench/lib/measureSetups.ts): its running instances and its plans' peers, each
 * assigned to one instance. The load section has three (ours, the reference, the floor), the cluster section
 * three more (ours alone, two of ours on PostgreSQL + Redis, two Hocuspocus instances on Redis).
 */
export interface LoadSetup {
  name: string;
  instances: RunningServer[];
  startMs: number;
  /** RSS of the instances together right after start, before any peer connected (MiB). */
  idleRssMiB: number;
  /** Per plan, its peers. */
  plans: PeerSpec[][];
  /** Per instance, a websocket address for an idle connection (the stall probe). */
  probeUrls: string[];
  store: UpdateStore | null;
  /** Removes what the setup left besides its processes (data folders, schemas); the engine stops the instances. */
  cleanup(): Promise<void>;
}

/**
 * Which instance each of a plan's peers connects to: with several, a plan's peers alternate, every other plan
 * starting on the next instance, so the instances carry the same load. With it, how many of the plan's other
 * peers are on another instance.
 */
function assign(plan: number, peers: number, instances: number): Array<{ instance: number; crossReceivers: number }> {
  const of = Array.from({ length: peers }, (_, index) => (plan + index) % instances);
  return of.map((instance) => ({ instance, crossReceivers: of.filter((other) => other !== instance).length }));
}

const rssMiB = (instances: RunningServer[]): number =>
  instances.reduce((sum, instance) => sum + readMemory(instance.pid).rssMiB, 0);

export interface SetupParts {
  name: string;
  instances: RunningServer[];
  /** How long starting the instances took, one after the other. */
  startMs: number;
  store?: UpdateStore | null;
  cleanup?: () => Promise<void>;
}

/**
 * A setup of Samplan's server: one user registers on the first instance and creates the plans there; each peer
 * gets a collab token of its own, valid on every instance (they share SESSION_SECRET). One more plan, never
 * edited, carries the stall probes.
 */
export async function samplanSetup(parts: SetupParts, options: BenchOptions): Promise<LoadSetup> {
  const idleRssMiB = rssMiB(parts.instances);
  const first = parts.instances[0]!;
  const api = new Api(first.httpBase, first);
  await api.register(`bench-${parts.name}-${Date.now()}@example.org`, 'bench-password-1234', 'Benchmark');
  const plans: PeerSpec[][] = [];
  for (let p = 0; p < options.plans; p++) {
    const planId = await api.createPlan(`Benchmark plan ${p}`, `Barn ${p}`);
    const peers: PeerSpec[] = [];
    for (const [index, { instance, crossReceivers }] of assign(p, options.peers, parts.instances.length).entries()) {
      const url = parts.instances[instance]!.wsBase;
      const token = await api.collabToken(planId);
      peers.push({ setup: parts.name, instance, protocol: 'y-websocket', url, planId, token, index, crossReceivers });
    }
    plans.push(peers);
  }
  const probePlan = await api.createPlan('Probe', 'Probe');
  const probeUrls: string[] = [];
  for (const instance of parts.instances) {
    probeUrls.push(`${instance.wsBase}/${probePlan}?token=${encodeURIComponent(await api.collabToken(probePlan))}`);
  }
  return {
    name: parts.name,
    instances: parts.instances,
    startMs: parts.startMs,
    idleRssMiB,
    plans,
    probeUrls,
    store: parts.store ?? null,
    cleanup: parts.cleanup ?? (async () => {}),
  };
}

/** A setup of a server that takes any document name and no token (the reference, the floor, Hocuspocus). */
export function openSetup(parts: SetupParts, protocol: PeerProtocol, options: BenchOptions): LoadSetup {
  const idleRssMiB = rssMiB(parts.instances);
  const runId = Math.random().toString(36).slice(2, 8);
  const plans: PeerSpec[][] = [];
  for (let p = 0; p < options.plans; p++) {
    const planId = `bench-${runId}-${p}`;
    plans.push(
      assign(p, options.peers, parts.instances.length).map(({ instance, crossReceivers }, index) => {
        const url = parts.instances[instance]!.wsBase;
        return { setup: parts.name, instance, protocol, url, planId, token: null, index, crossReceivers };
      }),
    );
  }
  return {
    name: parts.name,
    instances: parts.instances,
    startMs: parts.startMs,
    idleRssMiB,
    plans,
    probeUrls: parts.instances.map((instance) => `${instance.wsBase}/bench-${runId}-probe`),
    store: parts.store ?? null,
    cleanup: parts.cleanup ?? (async () => {}),
  };
}
