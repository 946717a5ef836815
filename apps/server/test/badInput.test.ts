import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, MessageType, SyncMessageType } from '@samplan/protocol';
import { openRawSocket } from './support/rawSocket.ts';
import {
  api,
  collabToken,
  connectProvider,
  createPlan,
  CSRF_HEADERS,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

const MAX_MESSAGE_BYTES = 64 * 1024;

function syncFrame(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A real update, cut short: it no longer decodes. */
function truncatedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'dette skal aldri lagres');
  const update = Y.encodeStateAsUpdate(doc);
  return update.slice(0, update.length - 6);
}

describe('bad input on the websocket', () => {
  let server: TestServer;
  let user: TestUser;
  let planId: string;
  let witness: WebsocketProvider;

  beforeAll(async () => {
    server = await startTestServer({ MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) });
    user = await registerUser(server.url);
    planId = await createPlan(server.url, user);
    witness = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
    await waitFor(() => witness.synced);
  });

  afterAll(async () => {
    witness.destroy();
    await server.close();
  });

  /** Sends one frame on its own socket and returns the close code it got. */
  async function sendBad(frame: Uint8Array | string): Promise<number> {
    const raw = openRawSocket(`${server.wsUrl}/${planId}?token=${await collabToken(server.url, user, planId)}`);
    await raw.opened;
    raw.socket.send(frame);
    return (await raw.closed).code;
  }

  /** The other peer still works, the store holds nothing bad, and the plan still loads. */
  async function planStillWorks(marker: string): Promise<void> {
    const other = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
    try {
      await waitFor(() => other.synced);
      other.doc.getMap('meta').set('evaluationInterval', marker);
      await waitFor(() => expect(witness.doc.getMap('meta').get('evaluationInterval')).toBe(marker));
      const exported = await api<{ content: { meta: { childName: string } } }>(
        server.url,
        user,
        'GET',
        `/api/plans/${planId}/export.json`,
      );
      expect(exported.status).toBe(200);
      const loaded = await server.app.samplan.documentLog.currentDoc(planId);
      expect(loaded.getMap('meta').get('title')).not.toContain('aldri lagres');
      expect(loaded.getMap('meta').get('evaluationInterval')).toBe(marker);
      loaded.destroy();
    } finally {
      other.destroy();
    }
  }

  it('closes a peer sending a truncated varint with 4400', async () => {
    expect(await sendBad(Uint8Array.from([0x80]))).toBe(CloseCode.badMessage);
    await planStillWorks('after-truncated-varint');
  });

  it('closes a peer sending an unknown message type with 4400', async () => {
    expect(await sendBad(Uint8Array.from([42, 0]))).toBe(CloseCode.badMessage);
    await planStillWorks('after-unknown-type');
  });

  it('closes a peer sending an unknown sync sub-type with 4400', async () => {
    expect(await sendBad(syncFrame(7, Uint8Array.from([0])))).toBe(CloseCode.badMessage);
    await planStillWorks('after-unknown-sync-type');
  });

  it('closes a peer sending a malformed frame (length prefix past the end) with 4400', async () => {
    expect(await sendBad(Uint8Array.from([MessageType.sync, SyncMessageType.update, 0x7f, 1, 2]))).toBe(
      CloseCode.badMessage,
    );
    await planStillWorks('after-malformed-frame');
  });

  it('closes a peer sending an update that does not decode with 4400 and stores nothing', async () => {
    const before = (await server.app.samplan.documents.load(planId)).lastSeq;
    expect(await sendBad(syncFrame(SyncMessageType.update, truncatedUpdate()))).toBe(CloseCode.badMessage);
    expect(await sendBad(syncFrame(SyncMessageType.step2, truncatedUpdate()))).toBe(CloseCode.badMessage);
    expect((await server.app.samplan.documents.load(planId)).lastSeq).toBe(before);
    await planStillWorks('after-undecodable-update');
  });

  it('closes a peer sending a state vector that does not decode with 4400', async () => {
    expect(await sendBad(syncFrame(SyncMessageType.step1, Uint8Array.from([5, 1])))).toBe(CloseCode.badMessage);
    await planStillWorks('after-bad-state-vector');
  });

  it('closes a peer sending invalid awareness JSON with 4400', async () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // one client
    encoding.writeVarUint(encoder, 1234);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{ikke json');
    const inner = encoding.toUint8Array(encoder);
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, MessageType.awareness);
    encoding.writeVarUint8Array(frame, inner);
    expect(await sendBad(encoding.toUint8Array(frame))).toBe(CloseCode.badMessage);
    await planStillWorks('after-bad-awareness');
  });

  it('closes a peer sending trailing bytes after a message with 4400', async () => {
    expect(await sendBad(Uint8Array.from([MessageType.queryAwareness, 9, 9]))).toBe(CloseCode.badMessage);
    await planStillWorks('after-trailing-bytes');
  });

  it('closes a peer sending a text frame with 4400', async () => {
    expect(await sendBad('hei')).toBe(CloseCode.badMessage);
    await planStillWorks('after-text-frame');
  });

  it('closes a peer sending a frame over the size limit with 4413', async () => {
    expect(await sendBad(new Uint8Array(MAX_MESSAGE_BYTES + 1))).toBe(CloseCode.messageTooLarge);
    await planStillWorks('after-oversized-frame');
  });
});

describe('bad input on the REST API', () => {
  let server: TestServer;
  let user: TestUser;

  beforeAll(async () => {
    server = await startTestServer({ MAX_BODY_BYTES: '4096' });
    user = await registerUser(server.url);
  });

  afterAll(() => server.close());

  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType, cookie: user.cookie, ...CSRF_HEADERS },
      body,
    });

  it('answers invalid JSON with 400 INVALID_JSON', async () => {
    const res = await post('/api/plans', '{"title": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'INVALID_JSON', message: expect.any(String) } });
  });

  it('answers a schema violation with 400 VALIDATION_FAILED naming the field', async () => {
    const res = await post('/api/plans', JSON.stringify({ title: '', childName: 42 }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: Array<{ path: string }> } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['childName', 'title']);
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await post('/api/plans', JSON.stringify({ title: 'x'.repeat(10_000), childName: 'Emma' }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a non-JSON body with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await post('/api/plans', 'title=x', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('creates nothing after bad requests', async () => {
    const res = await api<{ plans: unknown[] }>(server.url, user, 'GET', '/api/plans');
    expect(res.body.plans).toEqual([]);
  });
});
