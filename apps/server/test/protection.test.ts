import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addItem, getPlanRichText, writeRichText, type PlanJSON } from '@samplan/plan-model';
import { CloseCode, MessageType, PRESENCE_LIMITS, SyncMessageType } from '@samplan/protocol';
import { acceptAsNewUser, addMember, firstClose, invite, readLog } from './support/family.ts';
import { awarenessFrame, openRawSocket } from './support/rawSocket.ts';
import { createSharedText, sharedText } from './support/sharedText.ts';
import {
  api,
  collabToken,
  connectProvider,
  createFamilyPlan,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

const updateFrame = (update: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncMessageType.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
};

describe('the family owns the plan: attacks by members with a legitimate account', () => {
  let server: TestServer;
  let mother: TestUser;
  let coordinator: TestUser;
  let teacher: TestUser;
  let reader: TestUser;
  let planId: string;
  const providers: WebsocketProvider[] = [];

  const open = async (user: TestUser, doc = new Y.Doc()): Promise<WebsocketProvider> => {
    const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId), doc);
    providers.push(provider);
    await waitFor(() => provider.synced);
    return provider;
  };

  beforeAll(async () => {
    server = await startTestServer();
    mother = await registerUser(server.url, 'Kari Nilsen');
    planId = await createFamilyPlan(server.url, mother);
    coordinator = await addMember(server.url, mother, planId, 'koordinator', {
      name: 'Kim Koordinator',
      consentBy: mother,
    });
    teacher = await addMember(server.url, mother, planId, 'deltaker', { name: 'Per Lærer', consentBy: mother });
    reader = await addMember(server.url, mother, planId, 'lesetilgang', { name: 'Lise Les', consentBy: mother });
  });

  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server.close();
  });

  it('a koordinator cannot make family members, so cannot take the plan over', async () => {
    for (const role of ['foresatt', 'barn'] as const) {
      const res = await api<{ error: { code: string } }>(
        server.url,
        coordinator,
        'POST',
        `/api/plans/${planId}/invites`,
        {
          email: `sokkedukke-${role}@eksempel.no`,
          role,
        },
      );
      expect([res.status, res.body.error.code]).toEqual([403, 'ROLE_NOT_GRANTABLE']);
    }
    // A second koordinator can be invited, but opens nothing until the family consents.
    const second = await invite(server.url, coordinator, planId, 'koordinator');
    const puppet = await acceptAsNewUser(server.url, second.token, 'Kim sin andre konto');
    expect(puppet.status).toBe(200);
    const refused = await api<{ error: { code: string } }>(server.url, puppet, 'GET', `/api/plans/${planId}`);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'CONSENT_REQUIRED']);
    const consent = await api(server.url, puppet, 'POST', `/api/plans/${planId}/consents`, {
      kind: 'sharing',
      subjectUserId: puppet.id,
      givenBy: 'Familien',
    });
    expect(consent.status).toBe(403);
    // Nobody grants more than they have: a deltaker invites nobody.
    const byTeacher = await api(server.url, teacher, 'POST', `/api/plans/${planId}/invites`, {
      email: 'noen@eksempel.no',
      role: 'lesetilgang',
    });
    expect(byTeacher.status).toBe(403);
    // The web app offers only what may be granted.
    const asCoordinator = await api<{ plan: { grantableRoles: string[] } }>(
      server.url,
      coordinator,
      'GET',
      `/api/plans/${planId}`,
    );
    expect(asCoordinator.body.plan.grantableRoles).toEqual(['koordinator', 'deltaker', 'lesetilgang']);
    const asTeacher = await api<{ plan: { grantableRoles: string[] } }>(
      server.url,
      teacher,
      'GET',
      `/api/plans/${planId}`,
    );
    expect(asTeacher.body.plan.grantableRoles).toEqual([]);
    // The family still has its plan and its innsynslogg.
    expect((await api(server.url, mother, 'GET', `/api/plans/${planId}`)).status).toBe(200);
    expect((await readLog(server.url, mother, planId)).some((e) => e.action === 'access.refused')).toBe(true);
  });

  it('an invitation is for its address only, and its consent covers that person only', async () => {
    const forPer = await invite(server.url, mother, planId, 'deltaker', {
      consent: { givenBy: 'Kari Nilsen (mor)', note: 'Per fra skolen' },
    });
    const stranger = await registerUser(server.url, 'Ola Annen');
    const taken = await api<{ error: { code: string } }>(server.url, stranger, 'POST', '/api/invites/accept', {
      token: forPer.token,
    });
    expect([taken.status, taken.body.error.code]).toEqual([403, 'INVITE_FOR_OTHER_ADDRESS']);
    expect((await api(server.url, stranger, 'GET', `/api/plans/${planId}`)).status).toBe(404);
    // The invitation still works for the person it was made for, with the consent given for them.
    const per = await acceptAsNewUser(server.url, forPer.token, 'Per Hansen');
    expect(per.status).toBe(200);
    expect(per.email).toBe(forPer.email);
    expect((await api(server.url, per, 'GET', `/api/plans/${planId}`)).status).toBe(200);
  });

  it('a koordinator brings the family into a plan the family has not joined, and only until it has', async () => {
    const own = await registerUser(server.url, 'Kim Koordinator');
    const made = await api<{ plan: { id: string } }>(server.url, own, 'POST', '/api/plans', {
      title: 'Plan for Jonas',
      childName: 'Jonas Berg',
      creatorRole: 'koordinator',
    });
    const plan = made.body.plan.id;
    const parent = await invite(server.url, own, plan, 'foresatt');
    const puppet = await invite(server.url, own, plan, 'foresatt');
    expect((await acceptAsNewUser(server.url, parent.token, 'Nina Berg')).status).toBe(200);
    const late = await fetch(`${server.url}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-samplan-csrf': '1' },
      body: JSON.stringify({ token: puppet.token, name: 'Sokkedukke', password: 'et-langt-passord' }),
    });
    expect(late.status).toBe(403);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('INVITE_NEEDS_FAMILY');
  });

  it('refuses an update under another member’s client id: nobody diverges and the export shows the real text', async () => {
    const victim = await open(mother);
    createSharedText(victim.doc);
    sharedText(victim.doc).insert(0, 'Emma går til skolen selv.');
    const witness = await open(coordinator);
    await waitFor(() => sharedText(witness.doc).toString() === 'Emma går til skolen selv.');

    // The koordinator may write goals, but not as the mother: a forged struct at her next clock.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(victim.doc));
    // Set after the update: Yjs itself moves a doc off a client id it sees someone else write with.
    forger.clientID = victim.doc.clientID;
    const before = Y.encodeStateVector(forger);
    sharedText(forger).insert(0, 'FORFALSKET ');
    const raw = openRawSocket(`${server.wsUrl}/${planId}?token=${await collabToken(server.url, coordinator, planId)}`);
    await raw.opened;
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(forger, before)));
    expect(await raw.closed).toMatchObject({ code: CloseCode.updateRefused, reason: 'client-id-taken' });

    // The mother's own next edit, at that very clock, reaches everyone and the store.
    sharedText(victim.doc).insert(0, 'Ja: ');
    await waitFor(() => sharedText(witness.doc).toString() === 'Ja: Emma går til skolen selv.');
    const exported = await api<{ content: PlanJSON }>(server.url, mother, 'GET', `/api/plans/${planId}/export.json`);
    expect(JSON.stringify(exported.body.content)).toContain('Ja: Emma går til skolen selv.');
    expect(JSON.stringify(exported.body.content)).not.toContain('FORFALSKET');
  });

  it('a deltaker who writes the family’s part is refused and told why; the others and the other parts carry on', async () => {
    const family = await open(mother);
    const school = await open(teacher);
    const closed = firstClose(school);
    writeRichText(getPlanRichText(school.doc, 'about.child'), 'Skrevet av skolen');
    expect(await closed).toMatchObject({ code: CloseCode.updateRefused, reason: 'part-read-only:omBarnet' });
    // The family goes on editing its part, and the deltaker on a fresh connection writes a measure.
    writeRichText(getPlanRichText(family.doc, 'about.family'), 'Mor, far og Jonas (4).');
    const again = await open(teacher);
    again.doc.transact(() => {
      const measure = new Y.Map<unknown>();
      again.doc.getMap('measures').set('m1', measure);
      measure.set('id', 'm1');
      measure.set('title', new Y.Text('Assistent i friminuttene'));
    });
    await waitFor(() => family.doc.getMap('measures').has('m1'));
    const stored = await server.app.samplan.documentLog.currentDoc(planId);
    expect(getPlanRichText(stored, 'about.child').toString()).not.toContain('Skrevet av skolen');
    expect(getPlanRichText(stored, 'about.family').toString()).toContain('Mor, far og Jonas');
    stored.destroy();
    // A client that keeps sending it (reconnecting each time) is refused each time, and logged once a minute.
    for (let i = 0; i < 3; i++) {
      const retry = await open(teacher);
      const again = firstClose(retry);
      writeRichText(getPlanRichText(retry.doc, 'about.child'), 'Skrevet av skolen');
      expect(await again).toMatchObject({ code: CloseCode.updateRefused });
      retry.destroy();
    }
    const log = await readLog(server.url, mother, planId);
    const refused = log.filter((e) => e.action === 'edit.refused' && e.actor?.userId === teacher.id);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ details: { reason: 'part-read-only:omBarnet' } });
  });

  it('a struct repeating an id the plan has cannot smuggle the next one into a part the sender may not write', async () => {
    // The deltaker adds a measure the ordinary way, and reads the ids it needs from its own copy.
    const school = await open(teacher);
    school.doc.transact(() => {
      const measure = new Y.Map<unknown>();
      school.doc.getMap('measures').set('m-smuggle', measure);
      measure.set('id', 'm-smuggle');
    });
    const family = await open(mother);
    await waitFor(() => family.doc.getMap('measures').has('m-smuggle'));
    const itemOf = (map: Y.Map<unknown>, key: string) =>
      (map as unknown as { _map: Map<string, Y.Item> })._map.get(key)!;
    const title = itemOf(school.doc.getMap('meta'), 'title').id;
    const measure = itemOf(school.doc.getMap('measures'), 'm-smuggle').id;
    const titleBefore = family.doc.getMap('meta').get('title');

    // By hand, as Yjs writes an update (v1): a copy of the title's struct claiming to be the measure's «position»,
    // then a new struct of the sender's own whose origin is that id. Yjs ignores the copy (it has that id) and puts
    // the new struct next to the real title: in meta, the family's.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, title.client);
    encoding.writeVarUint(encoder, title.clock);
    encoding.writeUint8(encoder, 8 | 0x20); // ContentAny, with parentSub, placed by its parent's id
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, measure.client);
    encoding.writeVarUint(encoder, measure.clock);
    encoding.writeVarString(encoder, 'position');
    encoding.writeVarUint(encoder, 1);
    encoding.writeAny(encoder, 'x');
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 987_654_321);
    encoding.writeVarUint(encoder, 0);
    encoding.writeUint8(encoder, 8 | 0x80); // ContentAny, placed by its origin
    encoding.writeVarUint(encoder, title.client);
    encoding.writeVarUint(encoder, title.clock);
    encoding.writeVarUint(encoder, 1);
    encoding.writeAny(encoder, 'Tittel skrevet av en deltaker');
    encoding.writeVarUint(encoder, 0);
    const raw = openRawSocket(`${server.wsUrl}/${planId}?token=${await collabToken(server.url, teacher, planId)}`);
    await raw.opened;
    await waitFor(() => raw.received.length > 0);
    raw.socket.send(updateFrame(encoding.toUint8Array(encoder)));
    expect(await raw.closed).toMatchObject({ code: CloseCode.updateRefused });

    const stored = await server.app.samplan.documentLog.currentDoc(planId);
    expect(stored.getMap('meta').get('title')).toBe(titleBefore);
    stored.destroy();
    expect(family.doc.getMap('meta').get('title')).toBe(titleBefore);
  });

  it('an update Yjs would hold back (a gap in its clocks) is not taken: the peer is asked for what comes before', async () => {
    // A deltaker makes two measures in two transactions, and sends the second first: its struct refers to nothing
    // missing, but Yjs would keep it pending, to apply it unread when the first came (with thousands more, past the
    // collection's limit, each under it alone). A returning peer that types before its sync does the same, and must
    // lose nothing: the update is dropped, not refused, and the peer asked again (SyncStep1).
    const writer = new Y.Doc();
    writer.clientID = 424_242;
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    writer.transact(() => writer.getMap('measures').set('m-gap-1', new Y.Map()));
    writer.transact(() => writer.getMap('measures').set('m-gap-2', new Y.Map()));
    const log = server.app.samplan.documentLog;
    const head = await log.head(planId);
    const raw = openRawSocket(`${server.wsUrl}/${planId}?token=${await collabToken(server.url, teacher, planId)}`);
    await raw.opened;
    await waitFor(() => raw.received.length > 0);
    const asked = () =>
      raw.received.filter((frame) => frame[0] === MessageType.sync && frame[1] === SyncMessageType.step1).length;
    const askedBefore = asked();
    raw.socket.send(updateFrame(updates[1]!));
    await waitFor(() => asked() > askedBefore);
    expect(await log.head(planId)).toBe(head);

    // The answer, what the plan lacks, brings both in order: both are stored, on the same socket.
    raw.socket.send(updateFrame(Y.mergeUpdates(updates)));
    await waitFor(async () => (await log.head(planId)) === head + 1);
    raw.socket.close();
    const stored = await log.currentDoc(planId);
    expect([...stored.getMap('measures').keys()]).toEqual(expect.arrayContaining(['m-gap-1', 'm-gap-2']));
    stored.destroy();
  });

  it('a peer back from offline that types before its sync has finished loses nothing and is not refused', async () => {
    const writer = await open(teacher);
    const closes: number[] = [];
    writer.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    writer.disconnect();
    writer.doc.transact(() => addItem(writer.doc, 'measures', { title: 'Skrevet uten nett 1' }));
    writer.doc.transact(() => addItem(writer.doc, 'measures', { title: 'Skrevet uten nett 2' }));
    // The socket opens; the edit made at once goes out before the sync's answer has (y-websocket sends it then).
    writer.on('status', ({ status }: { status: string }) => {
      if (status === 'connected' && !writer.synced) {
        writer.doc.transact(() => addItem(writer.doc, 'measures', { title: 'Skrevet straks' }));
      }
    });
    writer.connect();
    const titles = ['Skrevet uten nett 1', 'Skrevet uten nett 2', 'Skrevet straks'];
    await waitFor(async () => {
      const res = await api<{ content: PlanJSON }>(server.url, mother, 'GET', `/api/plans/${planId}/export.json`);
      const stored = res.body.content.measures.map((m) => m.title);
      return titles.every((title) => stored.includes(title));
    });
    expect(closes).not.toContain(CloseCode.updateRefused);
  });

  it('a member who joins gets no words deleted before they joined, though the plan has not been compacted since', async () => {
    const family = await open(mother);
    const words = getPlanRichText(family.doc, 'about.needs');
    writeRichText(words, 'HEMMELIG-DIAGNOSE-123');
    const stored = async () => getPlanRichText(await server.app.samplan.documentLog.currentDoc(planId), 'about.needs');
    await waitFor(async () => (await stored()).toString().includes('HEMMELIG'));
    writeRichText(words, 'Trenger hjelp i friminuttene.');
    await waitFor(async () => !(await stored()).toString().includes('HEMMELIG'));

    // A new deltaker's first sync, frame by frame; and a member's fresh device, through the provider.
    const newcomer = await addMember(server.url, mother, planId, 'deltaker', { name: 'Ny Lærer', consentBy: mother });
    const raw = openRawSocket(`${server.wsUrl}/${planId}?token=${await collabToken(server.url, newcomer, planId)}`);
    await raw.opened;
    await waitFor(() => raw.received.length > 0);
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MessageType.sync);
    encoding.writeVarUint(step1, SyncMessageType.step1);
    encoding.writeVarUint8Array(step1, Y.encodeStateVector(new Y.Doc()));
    raw.socket.send(encoding.toUint8Array(step1));
    const sent = () => Buffer.concat(raw.received.map((frame) => Buffer.from(frame)));
    await waitFor(() => sent().includes(Buffer.from('Trenger hjelp i friminuttene.')));
    expect(sent().includes(Buffer.from('HEMMELIG-DIAGNOSE-123'))).toBe(false);
    raw.socket.close();
    const device = await open(newcomer);
    expect(getPlanRichText(device.doc, 'about.needs').toString()).toContain('Trenger hjelp i friminuttene.');
    expect(Buffer.from(Y.encodeStateAsUpdate(device.doc)).includes(Buffer.from('HEMMELIG'))).toBe(false);
  });

  it('a read-only member’s sync, reconnect after reconnect, is never stored nor logged as a refused edit', async () => {
    const head = await server.app.samplan.documentLog.head(planId);
    const viewer = await open(reader);
    for (let i = 0; i < 3; i++) {
      viewer.disconnect();
      viewer.connect();
      await waitFor(() => viewer.wsconnected && viewer.synced);
    }
    viewer.destroy();
    expect(await server.app.samplan.documentLog.head(planId)).toBe(head);
    const log = await readLog(server.url, mother, planId);
    expect(log.filter((e) => e.action === 'edit.refused' && e.actor?.userId === reader.id)).toEqual([]);
  });

  it('presence is the account’s: a claimed name is replaced, nobody sets another’s entry, and floods are capped', async () => {
    const witness = await open(mother);
    const liar = await open(teacher);
    liar.awareness.setLocalState({
      user: { id: mother.id, name: 'Kari Nilsen (mor)', color: '#000000' },
      section: 'maal',
    });
    await waitFor(
      () => (witness.awareness.getStates().get(liar.doc.clientID) as { user?: unknown })?.user !== undefined,
    );
    expect(witness.awareness.getStates().get(liar.doc.clientID)).toMatchObject({
      user: { id: teacher.id, name: 'Per Lærer', role: 'deltaker' },
      section: 'maal',
    });

    // A raw socket tries to overwrite the mother's own entry, then to fill the plan with people.
    const victim = await open(mother);
    victim.awareness.setLocalStateField('section', 'omBarnet');
    await waitFor(
      () => (witness.awareness.getStates().get(victim.doc.clientID) as { section?: string })?.section === 'omBarnet',
    );
    const raw = openRawSocket(`${server.wsUrl}/${planId}?token=${await collabToken(server.url, teacher, planId)}`);
    await raw.opened;
    const fake = new Map<number, unknown>([[victim.doc.clientID, { user: { name: 'Overtatt' }, section: 'tiltak' }]]);
    for (let i = 0; i < 1000; i++) fake.set(900_000 + i, { user: { name: `Falsk ${i}` } });
    const isFake = (id: number) => id >= 900_000 && id < 901_000 && id !== victim.doc.clientID;
    raw.socket.send(awarenessFrame(fake, 1_000_000));
    // One frame is handled at once: when one of its entries is here, all that were kept are.
    await waitFor(() => [...witness.awareness.getStates().keys()].some((id) => isFake(id)));
    const states = witness.awareness.getStates();
    expect(states.get(victim.doc.clientID)).toMatchObject({ section: 'omBarnet', user: { id: mother.id } });
    expect(victim.awareness.getLocalState()).toMatchObject({ section: 'omBarnet' });
    const fakes = [...states.entries()].filter(([id]) => isFake(id));
    expect(fakes.length).toBe(PRESENCE_LIMITS.clientsPerConnection);
    for (const [, state] of fakes) expect(state).toMatchObject({ user: { id: teacher.id, name: 'Per Lærer' } });
    raw.socket.close();
    await waitFor(() => ![...witness.awareness.getStates().keys()].some((id) => isFake(id)));
  });

  it('presence passes on only where a peer is and its caret: a caret that would make editors throw is dropped', async () => {
    const witness = await open(mother);
    // A read-only member, on a raw socket: a caret every editor would read without checking, and more.
    const raw = openRawSocket(`${server.wsUrl}/${planId}?token=${await collabToken(server.url, reader, planId)}`);
    await raw.opened;
    raw.socket.send(awarenessFrame(new Map([[912_345, { cursor: {}, section: 'maal', merknad: 'x'.repeat(100) }]]), 1));
    await waitFor(() => witness.awareness.getStates().has(912_345));
    expect(witness.awareness.getStates().get(912_345)).toEqual({
      section: 'maal',
      user: expect.objectContaining({ id: reader.id }),
    });
    raw.socket.close();
  });

  /** A new paragraph of «Om familien» with one word formatted as a link with `attrs`. */
  /** A new paragraph in «Om familien» with one text of the formats given, and its element attributes. */
  const paragraphIn = (doc: Y.Doc, formats: Record<string, unknown>, attributes: Record<string, string> = {}) => {
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    for (const [name, value] of Object.entries(attributes)) paragraph.setAttribute(name, value);
    paragraph.insert(0, [text]);
    doc.getXmlFragment('about.family').insert(0, [paragraph]);
    text.insert(0, 'lenke', formats);
  };
  const linkIn = (doc: Y.Doc, attrs: unknown) => paragraphIn(doc, { link: attrs });

  /** Edits that do not fit the plan's schema, each refused with its code; the plan list and the export still work. */
  const badEdits: Array<[string, (doc: Y.Doc) => void]> = [
    ['UNKNOWN_SCHEMA_VERSION', (doc) => doc.getMap('meta').set('schemaVersion', 2)],
    ['WRONG_TYPE', (doc) => doc.getMap('meta').set('title', { ikke: 'tekst' })],
    ['UNKNOWN_FIELD', (doc) => doc.getMap('meta').set('hemmelig', 'x')],
    [
      'WRONG_TYPE',
      (doc) => {
        const goal = new Y.Map<unknown>();
        doc.getMap('goals').set('g-status', goal);
        goal.set('status', 42);
      },
    ],
    ['WRONG_TYPE', (doc) => doc.getMap('goals').set('ikke-et-mål', 'bare tekst')],
    ['UNKNOWN_NODE', (doc) => doc.getXmlFragment('about.family').insert(0, [new Y.XmlElement('script')])],
    [
      'UNKNOWN_MARK',
      (doc) => {
        const text = new Y.XmlText();
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [text]);
        doc.getXmlFragment('about.family').insert(0, [paragraph]);
        text.insert(0, 'blinker', { blink: true });
      },
    ],
    [
      'UNKNOWN_MARK',
      // A mark name a backtracking pattern took hours over (seconds per 30,000 characters, quadratically).
      (doc) => {
        const text = new Y.XmlText();
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [text]);
        doc.getXmlFragment('about.family').insert(0, [paragraph]);
        text.insert(0, 'lang', { ['-'.repeat(200_000)]: true });
      },
    ],
    ['UNSAFE_LINK', (doc) => linkIn(doc, { href: 'javascript:alert(document.cookie)' })],
    // Browsers drop the tab and read «javascript:».
    ['UNSAFE_LINK', (doc) => linkIn(doc, { href: 'java\tscript:alert(1)' })],
    ['UNSAFE_LINK', (doc) => linkIn(doc, { href: 'data:text/html,<script>alert(1)</script>' })],
    ['UNSAFE_LINK', (doc) => linkIn(doc, true)],
    // Attributes the editor's nodes and marks do not have: nothing renders them, but the export would hold them.
    ['UNKNOWN_ATTRIBUTE', (doc) => paragraphIn(doc, { bold: { href: 'javascript:alert(1)' } })],
    ['UNKNOWN_ATTRIBUTE', (doc) => linkIn(doc, { href: 'https://helsenorge.no/', onclick: 'alert(1)' })],
    ['UNKNOWN_ATTRIBUTE', (doc) => paragraphIn(doc, {}, { href: 'javascript:alert(1)' })],
    [
      'TOO_DEEP',
      (doc) => {
        let element = new Y.XmlElement('blockquote');
        doc.getXmlFragment('about.family').insert(0, [element]);
        for (let i = 0; i < 40; i++) {
          const inner = new Y.XmlElement('blockquote');
          element.insert(0, [inner]);
          element = inner;
        }
      },
    ],
    [
      'TOO_MANY_ITEMS',
      (doc) =>
        doc.transact(() => {
          for (let i = 0; i < 2500; i++) {
            const goal = new Y.Map<unknown>();
            doc.getMap('goals').set(`mange-${i}`, goal);
            goal.set('id', `mange-${i}`);
          }
        }),
    ],
  ];

  it('stores an ordered list’s start number, set as the list is made and changed after', async () => {
    const writer = await open(mother);
    const head = await server.app.samplan.documentLog.head(planId);
    const list = new Y.XmlElement('orderedList');
    writer.doc.transact(() => {
      list.setAttribute('start', 3 as unknown as string);
      writer.doc.getXmlFragment('about.family').insert(0, [list]);
    });
    await waitFor(async () => (await server.app.samplan.documentLog.head(planId)) === head + 1);
    writer.doc.transact(() => list.setAttribute('start', 5 as unknown as string));
    await waitFor(async () => (await server.app.samplan.documentLog.head(planId)) === head + 2);
    writer.destroy();
  });

  it('stores a link to a web page, an e-mail address or a phone number', async () => {
    const writer = await open(mother);
    const head = await server.app.samplan.documentLog.head(planId);
    writer.doc.transact(() => linkIn(writer.doc, { href: 'https://helsenorge.no/', target: '_blank', rel: null }));
    await waitFor(async () => (await server.app.samplan.documentLog.head(planId)) === head + 1);
    writer.doc.transact(() => linkIn(writer.doc, { href: 'MAILTO:koordinator@kommune.example' }));
    writer.doc.transact(() => linkIn(writer.doc, { href: 'tel:+4799999999' }));
    await waitFor(async () => (await server.app.samplan.documentLog.head(planId)) === head + 3);
    const exported = await api<unknown>(server.url, mother, 'GET', `/api/plans/${planId}/export.json`);
    expect(JSON.stringify(exported.body)).toContain('https://helsenorge.no/');
    writer.destroy();
  });

  it.each(badEdits)(
    'refuses an update that does not fit the plan (%s); every plan still lists and exports',
    async (code, edit) => {
      const head = await server.app.samplan.documentLog.head(planId);
      const writer = await open(mother);
      const closed = firstClose(writer);
      // One transaction: one update, refused whole.
      writer.doc.transact(() => edit(writer.doc));
      expect(await closed).toMatchObject({ code: CloseCode.updateRefused, reason: `invalid-update:${code}` });
      writer.destroy();
      expect(await server.app.samplan.documentLog.head(planId)).toBe(head);
      expect((await api(server.url, mother, 'GET', '/api/plans')).status).toBe(200);
      expect((await api(server.url, mother, 'GET', `/api/plans/${planId}/export.json`)).status).toBe(200);
    },
  );

  it('a plan whose stored dates are out of range does not break the member’s list, nor the notifications', async () => {
    const brokenId = await createFamilyPlan(server.url, mother, 'Ole Nilsen');
    // Written before createdAt was checked: the last date JavaScript has, a weekly evaluation and a goal to evaluate.
    const current = await server.app.samplan.documentLog.currentDoc(brokenId);
    const before = Y.encodeStateVector(current);
    current.transact(() => {
      current.getMap('meta').set('createdAt', '+275760-09-13T00:00:00.000Z');
      current.getMap('meta').set('evaluationInterval', 'P1W');
      addItem(current, 'goals', { title: 'Et mål' });
    });
    const poison = Y.encodeStateAsUpdate(current, before);
    current.destroy();
    await server.app.samplan.documentLog.append(brokenId, [{ update: poison, userId: null }]);
    await server.app.samplan.projector.flushAll();
    const list = await api<{ plans: Array<{ id: string }> }>(server.url, mother, 'GET', '/api/plans');
    expect(list.status).toBe(200);
    expect(list.body.plans.map((p) => p.id)).toEqual(expect.arrayContaining([planId, brokenId]));
    await expect(server.app.samplan.notifier.sweep()).resolves.toBeUndefined();
  });

  it('a plan broken before these checks (poisoned in the store) does not break the member’s list or its export', async () => {
    const brokenId = await createFamilyPlan(server.url, mother, 'Jonas Nilsen');
    const poison = new Y.Doc();
    poison.transact(() => {
      poison.getMap('meta').set('schemaVersion', 2);
      poison.getMap('goals').set('x', 'ikke et mål' as never);
      let element = new Y.XmlElement('blockquote');
      poison.getXmlFragment('about.child').insert(0, [element]);
      for (let i = 0; i < 20_000; i++) {
        const inner = new Y.XmlElement('blockquote');
        element.insert(0, [inner]);
        element = inner;
      }
    });
    await server.app.samplan.documentLog.append(brokenId, [{ update: Y.encodeStateAsUpdate(poison), userId: null }]);
    await server.app.samplan.projector.flushAll();
    const list = await api<{ plans: Array<{ id: string }> }>(server.url, mother, 'GET', '/api/plans');
    expect(list.status).toBe(200);
    expect(list.body.plans.map((p) => p.id)).toEqual(expect.arrayContaining([planId, brokenId]));
    const exported = await api(server.url, mother, 'GET', `/api/plans/${brokenId}/export.json`);
    expect(exported.status).toBe(200);
    expect((await api(server.url, mother, 'GET', `/api/plans/${planId}/export.json`)).status).toBe(200);
  });
});
