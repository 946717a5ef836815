import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addItem, getPlanRichText, updateMeta, type CollectionName, type PlanRichTextField } from '@samplan/plan-model';
import * as encoding from 'lib0/encoding';
import { CloseCode, encodePermissionDenied, MessageType, READ_ONLY_REASON, SyncMessageType } from '@samplan/protocol';
import type { AccessLogEntry, PlanRole } from '@samplan/api';
import { addMember, firstClose, readLog } from './support/family.ts';
import { openRawSocket } from './support/rawSocket.ts';
import {
  api,
  collabToken,
  connectProvider,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

// The expected outcome of every role × action, written out here by hand from the issue and PERMISSIONS.md,
// not read from the code under test.
const ROLES: PlanRole[] = ['foresatt', 'barn', 'koordinator', 'deltaker', 'lesetilgang'];
const Y_ = true;
const N_ = false;
//                                   foresatt barn koordinator deltaker lesetilgang
const EXPECTED: Record<string, [boolean, boolean, boolean, boolean, boolean]> = {
  read: /*                       */ [Y_, Y_, Y_, Y_, Y_],
  listMembers: /*                */ [Y_, Y_, Y_, Y_, Y_],
  invite: /*                     */ [Y_, N_, Y_, N_, N_],
  revokeFamily: /*               */ [Y_, N_, N_, N_, N_],
  revokeOther: /*                */ [Y_, N_, Y_, N_, N_],
  readConsent: /*                */ [Y_, Y_, Y_, Y_, Y_],
  consent: /*                    */ [Y_, N_, N_, N_, N_],
  readLog: /*                    */ [Y_, N_, Y_, N_, N_],
  export: /*                     */ [Y_, Y_, Y_, N_, N_],
  readHistory: /*                */ [Y_, Y_, Y_, Y_, Y_],
  nameVersion: /*                */ [Y_, N_, Y_, N_, N_],
  restorePlan: /*                */ [Y_, N_, Y_, N_, N_],
  restorePart: /*                */ [Y_, N_, Y_, N_, N_],
  // The item is a goal: whoever writes the goals (maal).
  restoreItem: /*                */ [Y_, Y_, Y_, N_, N_],
};
// Who writes which part of the plan document, also by hand from PERMISSIONS.md.
//                                   foresatt barn koordinator deltaker lesetilgang
const WRITES: Record<string, [boolean, boolean, boolean, boolean, boolean]> = {
  planinfo: /*                   */ [Y_, N_, Y_, N_, N_],
  omBarnet: /*                   */ [Y_, Y_, Y_, N_, N_],
  maal: /*                       */ [Y_, Y_, Y_, N_, N_],
  deltakere: /*                  */ [Y_, N_, Y_, N_, N_],
  bidrag: /*                     */ [Y_, Y_, Y_, N_, N_],
  tiltak: /*                     */ [Y_, N_, Y_, Y_, N_],
  evaluering: /*                 */ [Y_, Y_, Y_, Y_, N_],
  samtykke: /*                   */ [Y_, N_, Y_, N_, N_],
  samarbeid: /*                  */ [Y_, N_, Y_, Y_, N_],
  moter: /*                      */ [Y_, N_, Y_, Y_, N_],
  oppgaver: /*                   */ [Y_, N_, Y_, Y_, N_],
  tjenester: /*                  */ [Y_, N_, Y_, Y_, N_],
  annet: /*                      */ [N_, N_, N_, N_, N_],
};
const writes = (part: string, role: PlanRole): boolean => WRITES[part]![ROLES.indexOf(role)]!;
const allowed = (action: string, role: PlanRole): boolean => EXPECTED[action]![ROLES.indexOf(role)]!;

// Each part of the plan, the top-level type it lives in, and an edit that writes a marker into it.
type Part = {
  part: string;
  root: string;
  edit: (doc: Y.Doc, marker: string) => void;
  has: (doc: Y.Doc, marker: string) => boolean;
};
const inMap = (root: string) => (doc: Y.Doc, marker: string) =>
  JSON.stringify(doc.getMap(root).toJSON()).includes(marker);
const inXml = (root: string) => (doc: Y.Doc, marker: string) => doc.getXmlFragment(root).toString().includes(marker);
const item = (part: string, collection: CollectionName, field: string): Part => ({
  part,
  root: collection,
  edit: (doc, marker) => addItem(doc, collection, { [field]: marker } as never),
  has: inMap(collection),
});
const richText = (part: string, field: PlanRichTextField): Part => ({
  part,
  root: field,
  edit: (doc, marker) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(marker)]);
    getPlanRichText(doc, field).push([paragraph]);
  },
  has: inXml(field),
});
const PARTS: Part[] = [
  { part: 'planinfo', root: 'meta', edit: (doc, m) => updateMeta(doc, { evaluationInterval: m }), has: inMap('meta') },
  richText('omBarnet', 'about.child'),
  item('maal', 'goals', 'title'),
  item('deltakere', 'participants', 'name'),
  richText('bidrag', 'about.familyContribution'),
  item('tiltak', 'measures', 'title'),
  item('evaluering', 'evaluations', 'author'),
  richText('samtykke', 'consent.notes'),
  item('samarbeid', 'cooperation', 'name'),
  item('moter', 'meetings', 'title'),
  item('oppgaver', 'tasks', 'title'),
  item('tjenester', 'services', 'name'),
  {
    part: 'annet',
    root: 'annet',
    edit: (doc, m) => doc.getText('annet').insert(0, m),
    has: (doc, m) => doc.getText('annet').toString().includes(m),
  },
];

describe('every role × every action, as the matrix says', () => {
  let server: TestServer;
  let planId: string;
  const members = {} as Record<PlanRole, TestUser>;
  const refusals: Array<{ userId: string; action: string; at: number }> = [];
  const providers: WebsocketProvider[] = [];
  let witness: WebsocketProvider;
  let startedAt: number;

  beforeAll(async () => {
    server = await startTestServer();
    startedAt = Date.now();
    const owner = await registerUser(server.url, 'Kari Nilsen');
    const created = await api<{ plan: { id: string } }>(server.url, owner, 'POST', '/api/plans', {
      title: 'Individuell plan for Emma',
      childName: 'Emma Nilsen',
      creatorRole: 'foresatt',
    });
    planId = created.body.plan.id;
    members.foresatt = owner;
    for (const role of ROLES.slice(1)) {
      const outside = role !== 'barn';
      members[role] = await addMember(server.url, owner, planId, role, {
        name: `Test ${role}`,
        consentBy: outside ? owner : undefined,
      });
    }
    // Consent to the plan itself, kept active while the withdrawal cases withdraw others.
    await api(server.url, owner, 'POST', `/api/plans/${planId}/consents`, {
      kind: 'plan',
      givenBy: 'Kari Nilsen (mor)',
    });
    witness = connectProvider(server.wsUrl, planId, await collabToken(server.url, owner, planId));
    providers.push(witness);
    await waitFor(() => witness.synced);
  });

  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server.close();
  });

  /** Calls the endpoint(s) of an action and returns whether each was allowed (2xx) or refused (403 FORBIDDEN). */
  const probes: Record<string, (actor: TestUser) => Promise<Array<{ status: number; code?: string }>>> = {
    read: async (actor) => [
      await call(actor, 'GET', `/api/plans/${planId}`),
      await call(actor, 'POST', `/api/plans/${planId}/collab-token`),
    ],
    listMembers: async (actor) => [await call(actor, 'GET', `/api/plans/${planId}/members`)],
    invite: async (actor) => [
      await call(actor, 'POST', `/api/plans/${planId}/invites`, {
        email: `ny-${Date.now()}@eksempel.no`,
        role: 'lesetilgang',
      }),
      await call(actor, 'GET', `/api/plans/${planId}/invites`),
    ],
    revokeFamily: async (actor) => {
      const target = await addMember(server.url, members.foresatt, planId, 'barn');
      const endsAt = new Date(Date.now() + 86_400_000).toISOString();
      return [
        await call(actor, 'PATCH', `/api/plans/${planId}/members/${target.id}`, { endsAt }),
        await call(actor, 'DELETE', `/api/plans/${planId}/members/${target.id}`),
      ];
    },
    revokeOther: async (actor) => {
      const target = await addMember(server.url, members.foresatt, planId, 'deltaker');
      const endsAt = new Date(Date.now() + 86_400_000).toISOString();
      return [
        await call(actor, 'PATCH', `/api/plans/${planId}/members/${target.id}`, { endsAt }),
        await call(actor, 'DELETE', `/api/plans/${planId}/members/${target.id}`),
      ];
    },
    readConsent: async (actor) => [await call(actor, 'GET', `/api/plans/${planId}/consents`)],
    consent: async (actor) => {
      const record = await call(actor, 'POST', `/api/plans/${planId}/consents`, {
        kind: 'plan',
        givenBy: 'Ola Nilsen (far)',
      });
      const other = await api<{ consent: { id: string } }>(
        server.url,
        members.foresatt,
        'POST',
        `/api/plans/${planId}/consents`,
        {
          kind: 'plan',
          givenBy: 'Ola Nilsen (far)',
        },
      );
      const withdraw = await call(actor, 'POST', `/api/plans/${planId}/consents/${other.body.consent.id}/withdraw`, {});
      return [record, withdraw];
    },
    readLog: async (actor) => [
      await call(actor, 'GET', `/api/plans/${planId}/access-log`),
      await call(actor, 'GET', `/api/plans/${planId}/access-log/verify`),
    ],
    export: async (actor) => [await call(actor, 'GET', `/api/plans/${planId}/export.json`)],
    readHistory: async (actor) => [
      await call(actor, 'GET', `/api/plans/${planId}/versions`),
      await call(actor, 'GET', `/api/plans/${planId}/versions/1/export.json`),
      await call(actor, 'GET', `/api/plans/${planId}/changes?from=1`),
      await call(actor, 'GET', `/api/plans/${planId}/deletions`),
    ],
    nameVersion: async (actor) => {
      // A new edit first, so there is a version without a name to name.
      const before = await server.app.samplan.documentLog.head(planId);
      witness.doc.getMap('meta').set('evaluationInterval', `hver ${Math.random()}. uke`);
      await waitFor(async () => (await server.app.samplan.documentLog.head(planId)) > before);
      return [await call(actor, 'POST', `/api/plans/${planId}/versions`, { name: `Navn ${Math.random()}` })];
    },
    // Restores to the plan as it is now: allowed or refused, nothing changes.
    restorePlan: async (actor) => {
      const toSeq = await server.app.samplan.documentLog.head(planId);
      return [await call(actor, 'POST', `/api/plans/${planId}/restore`, { toSeq })];
    },
    restorePart: async (actor) => {
      const toSeq = await server.app.samplan.documentLog.head(planId);
      return [
        await call(actor, 'POST', `/api/plans/${planId}/restore`, { toSeq, part: 'maal' }),
        await call(actor, 'POST', `/api/plans/${planId}/restore`, { toSeq, part: 'omBarnet' }),
      ];
    },
    // An item as it is now (a goal the witness adds): allowed or refused, nothing changes.
    restoreItem: async (actor) => {
      const before = await server.app.samplan.documentLog.head(planId);
      const itemId = addItem(witness.doc, 'goals', { title: `Mål ${Math.random()}` });
      await waitFor(async () => (await server.app.samplan.documentLog.head(planId)) > before);
      const toSeq = await server.app.samplan.documentLog.head(planId);
      return [await call(actor, 'POST', `/api/plans/${planId}/restore`, { toSeq, collection: 'goals', itemId })];
    },
  };

  async function call(actor: TestUser, method: string, path: string, body?: unknown) {
    const res = await api<{ error?: { code: string } }>(server.url, actor, method, path, body);
    return { status: res.status, code: res.body?.error?.code };
  }

  const restCases = Object.keys(probes).flatMap((action) => ROLES.map((role) => [action, role] as const));

  it.each(restCases)('REST: %s by %s', async (action, role) => {
    const actor = members[role];
    const results = await probes[action]!(actor);
    for (const result of results) {
      if (allowed(action, role)) {
        expect(result.status, JSON.stringify(result)).toBeGreaterThanOrEqual(200);
        expect(result.status, JSON.stringify(result)).toBeLessThan(300);
      } else {
        expect(result).toEqual({ status: 403, code: 'FORBIDDEN' });
        refusals.push({ userId: actor.id, action, at: Date.now() });
      }
    }
  });

  it.each(ROLES)('websocket: %s opens and syncs the plan', async (role) => {
    expect(allowed('read', role)).toBe(true);
    const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, members[role], planId));
    providers.push(provider);
    await waitFor(() => provider.synced);
    expect(provider.doc.getMap('meta').get('childName')).toBe('Emma Nilsen');
  });

  const writeCells = PARTS.flatMap(({ part }) => ROLES.map((role) => [part, role] as const));

  it.each(writeCells)('websocket: %s written by %s', async (partName, role) => {
    const part = PARTS.find((p) => p.part === partName)!;
    const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, members[role], planId));
    providers.push(provider);
    await waitFor(() => provider.synced);
    const closed = firstClose(provider);
    const marker = `${role}-${partName}-${Math.random().toString(36).slice(2)}`;
    part.edit(provider.doc, marker);
    if (writes(partName, role)) {
      // Relayed to another peer, and (committed before relaying) in the store.
      await waitFor(() => part.has(witness.doc, marker));
      const stored = await server.app.samplan.documentLog.currentDoc(planId);
      expect(part.has(stored, marker)).toBe(true);
      stored.destroy();
    } else {
      // Refused at once: the socket closes with 4409 and why, so the client loads the plan again.
      const close = await closed;
      provider.destroy();
      const reason =
        role === 'lesetilgang' ? 'read-only' : partName === 'annet' ? 'unknown-part' : `part-read-only:${partName}`;
      expect(close).toMatchObject({ code: CloseCode.updateRefused, reason });
      // A later edit by the family gets through; the refused one never reached anyone or the store.
      const barrier = `barrier-${Math.random()}`;
      witness.doc.getMap('meta').set('evaluationInterval', barrier);
      await waitFor(async () => {
        const stored = await server.app.samplan.documentLog.currentDoc(planId);
        const through = stored.getMap('meta').get('evaluationInterval') === barrier;
        expect(part.has(stored, marker)).toBe(false);
        stored.destroy();
        return through;
      });
      expect(part.has(witness.doc, marker)).toBe(false);
    }
  });

  it('tells a read-only socket its edit was refused (y-protocols auth, "read-only"), closes it and stores nothing', async () => {
    const before = (await server.app.samplan.documents.load(planId)).lastSeq;
    const raw = openRawSocket(
      `${server.wsUrl}/${planId}?token=${await collabToken(server.url, members.lesetilgang, planId)}`,
    );
    await raw.opened;
    await waitFor(() => raw.received.length > 0);
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'skal aldri lagres');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncMessageType.update);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
    raw.socket.send(encoding.toUint8Array(encoder));
    const denied = encodePermissionDenied(READ_ONLY_REASON);
    await waitFor(() => raw.received.some((frame) => Buffer.from(frame).equals(Buffer.from(denied))));
    expect((await raw.closed).code).toBe(CloseCode.updateRefused);
    expect((await server.app.samplan.documents.load(planId)).lastSeq).toBe(before);
    expect(witness.doc.getMap('meta').get('title')).not.toBe('skal aldri lagres');
  });

  it('the access log names who changed which part, refused edits and refused actions, with user and time', async () => {
    const log = await readLog(server.url, members.foresatt, planId);
    const now = Date.now();
    const partsBy = (user: TestUser) =>
      new Set(
        log
          .filter((e) => e.action === 'plan.changed' && e.actor?.userId === user.id)
          .flatMap((e) => e.details.parts as string[]),
      );
    for (const role of ROLES) {
      const parts = partsBy(members[role]);
      for (const { part } of PARTS) {
        expect(parts.has(part), `${role} ${part}`).toBe(writes(part, role));
        if (!writes(part, role)) {
          const refused = log.filter((e) => e.action === 'edit.refused' && e.actor?.userId === members[role].id);
          expect(refused.length, `${role} ${part}`).toBeGreaterThan(0);
        }
      }
    }
    const inTime = (e: AccessLogEntry) => Date.parse(e.at) >= startedAt && Date.parse(e.at) <= now;
    for (const change of log.filter((e) => e.action === 'plan.changed')) {
      expect(inTime(change)).toBe(true);
      expect(Date.parse(change.details.from as string)).toBeGreaterThanOrEqual(startedAt);
      expect(Date.parse(change.details.to as string)).toBeLessThanOrEqual(now);
    }
    expect(refusals.length).toBeGreaterThan(10);
    for (const refusal of refusals) {
      const entry = log.find(
        (e) =>
          e.action === 'access.refused' &&
          e.actor?.userId === refusal.userId &&
          // An item is refused as `edit:<part>`, a part as `restorePlan`.
          String(e.details.action).startsWith(
            refusal.action === 'restoreItem'
              ? 'edit:'
              : refusal.action === 'restorePart'
                ? 'restorePlan'
                : refusal.action,
          ),
      );
      expect(entry, JSON.stringify(refusal)).toBeDefined();
      expect(Date.parse(entry!.at)).toBeLessThanOrEqual(refusal.at);
      expect(Date.parse(entry!.at)).toBeGreaterThanOrEqual(startedAt);
    }
    // Every member's websocket open is there too, under their own name.
    for (const role of ROLES) {
      const opened = log.filter((e) => e.action === 'plan.opened' && e.actor?.userId === members[role].id);
      expect(opened.length).toBeGreaterThanOrEqual(2);
      expect(opened[0]!.actor!.name).toBe(role === 'foresatt' ? 'Kari Nilsen' : `Test ${role}`);
    }
  });
});
