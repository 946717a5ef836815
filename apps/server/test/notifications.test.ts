import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NotificationList, NotificationSettings } from '@samplan/api';
import { addItem, dayInNorway, updateMeta } from '@samplan/plan-model';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { addMember } from './support/family.ts';
import { startMailbox, type Mailbox } from './support/mailbox.ts';
import {
  api,
  createFamilyPlan,
  registerUser,
  startTestServer,
  syncedProvider,
  type TestServer,
  type TestUser,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

/** A day counted from today in Norway, as the server counts them (in UTC it is yesterday from 23:00 or 22:00 on). */
const isoDay = (offsetDays: number): string => dayInNorway(Date.now() + offsetDays * 86_400_000);

describe('notifications ("Varsler") and their mails', () => {
  let server: TestServer;
  let mailbox: Mailbox;
  const providers: WebsocketProvider[] = [];
  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy();
    await server?.close();
    await mailbox?.close();
  });

  const write = async (user: TestUser, planId: string, edit: (doc: WebsocketProvider['doc']) => void) => {
    const provider = await syncedProvider(server, user, planId);
    providers.push(provider);
    edit(provider.doc);
    return provider;
  };
  const notificationsOf = async (user: TestUser) =>
    (await api<NotificationList>(server.url, user, 'GET', '/api/notifications')).body;
  const queuedMails = (kind: string) => {
    const db = new Database(join(server.dataDir, 'samplan.db'), { readonly: true });
    try {
      return db.prepare('SELECT COUNT(*) FROM mail_queue WHERE kind = ?').pluck().get(kind) as number;
    } finally {
      db.close();
    }
  };

  it('tells a member about a task given to them and a meeting they are in, and the family about a passed revision', async () => {
    mailbox = await startMailbox();
    server = await startTestServer({ SMTP_URL: mailbox.url, NOTIFY_DELAY_MS: '20', CHANGE_LOG_DELAY_MS: '50' });
    const parent = await registerUser(server.url, 'Kari Hansen');
    const planId = await createFamilyPlan(server.url, parent, 'Emma Nilsen');
    const teacher = await addMember(server.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });

    await write(parent, planId, (doc) => {
      const lise = addItem(doc, 'participants', { name: 'Lise L.', contact: `Skolen, ${teacher.email}` });
      addItem(doc, 'tasks', { title: 'Lage ukeplan', responsibleId: lise, dueDate: isoDay(10) });
      addItem(doc, 'meetings', { title: 'Ansvarsgruppemøte', date: isoDay(2), participantIds: [lise] });
      updateMeta(doc, { nextRevision: isoDay(-1) });
    });

    const forTeacher = await waitFor(async () => {
      const list = await notificationsOf(teacher);
      return list.notifications.length === 2 ? list : false;
    });
    expect(forTeacher.unread).toBe(2);
    expect(forTeacher.notifications.map((n) => [n.kind, n.childName, n.data.title]).sort()).toEqual([
      ['meeting', 'Emma Nilsen', 'Ansvarsgruppemøte'],
      ['task', 'Emma Nilsen', 'Lage ukeplan'],
    ]);
    // Not named: who wrote last need not be who gave the task.
    expect(forTeacher.notifications.find((n) => n.kind === 'task')!.data.byName).toBeUndefined();
    const forParent = await waitFor(async () => {
      const list = await notificationsOf(parent);
      return list.notifications.length === 1 ? list : false;
    });
    expect(forParent.notifications[0]).toMatchObject({ kind: 'due', data: { what: 'revision', overdue: true } });

    const mails = await waitFor(() => (mailbox.mails.length >= 3 + 1 ? mailbox.mails : false));
    const subjects = mails.map((m) => `${m.to.join()}: ${m.subject}`);
    expect(subjects).toEqual(
      expect.arrayContaining([
        `${teacher.email}: Du har fått en oppgave i Samplan`,
        `${teacher.email}: Du har et møte i Samplan om 2 dager`,
        `${parent.email}: En revisjon i Samplan er på overtid`,
      ]),
    );
    const link = /https?:\/\/\S+/.exec(mails.find((m) => m.subject.includes('oppgave'))!.text)![0];
    expect(link).toBe(`${server.url}/planer/${planId}/oppgaver`);
    const meetingLink = /https?:\/\/\S+/.exec(mails.find((m) => m.subject.includes('møte'))!.text)![0];
    expect(meetingLink).toBe(`${server.url}/planer/${planId}/moter`);
    for (const mail of mails) {
      for (const secret of ['Emma', 'Nilsen', 'Lage ukeplan', 'Ansvarsgruppemøte', 'ndividuell plan']) {
        expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
      }
    }

    // Looked at again (the daily sweep), nothing is told twice.
    await server.app.samplan.notifier.sweep();
    expect((await notificationsOf(teacher)).notifications).toHaveLength(2);
    expect([queuedMails('task'), queuedMails('meeting'), queuedMails('due')]).toEqual([1, 1, 1]);

    // Marking someone else's notification read does nothing to it.
    const parentsNote = forParent.notifications[0]!.id;
    const foreign = await api(server.url, teacher, 'POST', '/api/notifications/read', { ids: [parentsNote] });
    expect(foreign.status).toBe(204);
    expect((await notificationsOf(parent)).unread).toBe(1);
    const tooMany = await api(server.url, teacher, 'POST', '/api/notifications/read', {
      ids: Array.from({ length: 501 }, (_, i) => `n${i}`),
    });
    expect(tooMany.status).toBe(400);

    expect((await api(server.url, teacher, 'POST', '/api/notifications/read', {})).status).toBe(204);
    expect((await notificationsOf(teacher)).unread).toBe(0);

    // Once the teacher's access ends, her notifications of that plan (and the child's name) are not shown.
    expect((await api(server.url, parent, 'DELETE', `/api/plans/${planId}/members/${teacher.id}`)).status).toBe(204);
    expect(await notificationsOf(teacher)).toEqual({ notifications: [], unread: 0 });
  });

  it('tells nobody about what the example content’s dates say, only about their real plans', async () => {
    server = await startTestServer({ NOTIFY_DELAY_MS: '20', CHANGE_LOG_DELAY_MS: '50' });
    const parent = await registerUser(server.url, 'Kari Hansen');
    const example = await api<{ plan: { id: string } }>(server.url, parent, 'POST', '/api/plans', {
      title: 'Prøveplan',
      childName: 'Emma Nilsen',
      creatorRole: 'foresatt',
      demo: true,
    });
    expect(example.status).toBe(201);
    // The example plan has evaluations and tasks past their dates, as a plan in use would.
    await write(parent, example.body.plan.id, (doc) => updateMeta(doc, { nextRevision: isoDay(-1) }));
    const planId = await createFamilyPlan(server.url, parent, 'Ola Nilsen');
    await write(parent, planId, (doc) => updateMeta(doc, { nextRevision: isoDay(-1) }));
    await waitFor(async () => (await notificationsOf(parent)).notifications.length > 0);
    await server.app.samplan.notifier.sweep(Date.now() + 60_000);
    const { notifications } = await notificationsOf(parent);
    expect(notifications.map((n) => n.childName)).toEqual(['Ola Nilsen']);
    expect(queuedMails('due')).toBe(1);
  });

  it('keeps to what each member chose by mail, and sends the digest of changes', async () => {
    mailbox = await startMailbox();
    server = await startTestServer({ SMTP_URL: mailbox.url, NOTIFY_DELAY_MS: '20', CHANGE_LOG_DELAY_MS: '50' });
    const parent = await registerUser(server.url, 'Kari Hansen');
    const planId = await createFamilyPlan(server.url, parent, 'Emma Nilsen');
    const teacher = await addMember(server.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });
    const settings: NotificationSettings = {
      mail: { task: false, meeting: true, due: true, consentRequest: true },
      digest: 'av',
    };
    const saved = await api<NotificationSettings>(server.url, teacher, 'PUT', '/api/notification-settings', settings);
    expect(saved.status).toBe(200);
    expect((await api<NotificationSettings>(server.url, teacher, 'GET', '/api/notification-settings')).body).toEqual(
      settings,
    );
    const bad = await api(server.url, teacher, 'PUT', '/api/notification-settings', { mail: {}, digest: 'hver time' });
    expect(bad.status).toBe(400);

    await write(parent, planId, (doc) => {
      const lise = addItem(doc, 'participants', { name: 'Lærer Lise' });
      addItem(doc, 'tasks', { title: 'Lage ukeplan', responsibleId: lise });
    });
    await waitFor(async () => (await notificationsOf(teacher)).notifications.length === 1);
    expect(queuedMails('task')).toBe(0);

    // The parent wants a daily digest: a day after someone else changed her plan, she gets one mail saying so.
    await api(server.url, parent, 'PUT', '/api/notification-settings', {
      mail: { task: true, meeting: true, due: true, consentRequest: true },
      digest: 'daglig',
    });
    const { notifier } = server.app.samplan;
    await notifier.sendDigests(Date.now());
    await write(teacher, planId, (doc) => addItem(doc, 'evaluations', { date: isoDay(0) }));
    await waitFor(async () => (await server.app.samplan.documentLog.lastWrite(planId))?.userId === teacher.id);
    await notifier.sendDigests(Date.now() + 60_000);
    expect(queuedMails('digest')).toBe(0);
    await notifier.sendDigests(Date.now() + 86_400_000 + 60_000);
    const digest = await waitFor(
      () => mailbox.mails.find((m) => m.subject === 'Endringer i planene dine i Samplan') ?? false,
    );
    expect(digest.to).toEqual([parent.email]);
    expect(digest.text).toContain('Det siste døgnet er det gjort endringer i én av planene dine i Samplan.');
    await notifier.sendDigests(Date.now() + 86_400_000 + 120_000);
    expect(queuedMails('digest')).toBe(1);
  });
});
