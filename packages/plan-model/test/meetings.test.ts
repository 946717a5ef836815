import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  appendRichText,
  bulletList,
  checkPlanWrite,
  createPlanStructure,
  getItemMap,
  getRichText,
  groupMeetings,
  isEmptyAgenda,
  isHttpsUrl,
  meetingAgenda,
  MEASURE_ENDING_WEEKS,
  orderMeetings,
  paragraph,
  PlanModelError,
  planToJSON,
  richDoc,
  richTextToPlain,
  seedDemoPlan,
  setLinked,
  updateItem,
  updateMeta,
  type OrderedMeeting,
  type PlanWrite,
} from '../src/index.ts';
import { newDocs, syncDocs } from './helpers/syncDocs.ts';

const reason = (write: () => unknown): string | undefined => {
  try {
    write();
  } catch (error) {
    if (error instanceof PlanModelError) return error.reason;
    throw error;
  }
  return undefined;
};

const newPlan = (): Y.Doc => {
  const doc = new Y.Doc();
  createPlanStructure(doc, { title: 'Plan', childName: 'Emma', createdAt: '2026-08-01T10:00:00.000Z' });
  return doc;
};

/** A value written straight into a meeting's field, as the server reads it from an update. */
const fieldWrite = (key: string, value: unknown): PlanWrite => ({
  root: 'meetings',
  depth: 1,
  key,
  field: null,
  parent: 'map',
  parentNode: null,
  content: { kind: 'value', value },
});

const HOSTILE_LINKS = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'http://møte.example.no/emma',
  'https://',
  'https://user:passord@meet.example.no',
  'https://meet.example.no/ rom',
  'https://meet.example.no/\nx',
  ' https://meet.example.no',
  '//meet.example.no/emma',
  'vbscript:msgbox',
  `https://meet.example.no/${'a'.repeat(2000)}`,
];
const GOOD_LINKS = [
  'https://meet.example.no/emma-nilsen',
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%7d',
  'HTTPS://Whereby.com/solbakken',
];

describe('a meeting’s time, place, video link and who came', () => {
  it('stores them, and reads a meeting made before they existed as not set', () => {
    const doc = newPlan();
    const kari = addItem(doc, 'participants', { name: 'Kari' });
    const lise = addItem(doc, 'participants', { name: 'Lise' });
    addItem(doc, 'meetings', {
      title: 'Ansvarsgruppemøte',
      date: '2026-12-03',
      time: '13:30',
      place: 'Solbakken skole, møterom 2',
      videoLink: GOOD_LINKS[0],
      participantIds: [kari, lise],
      presentIds: [kari],
    });
    expect(planToJSON(doc).meetings[0]).toMatchObject({
      time: '13:30',
      place: 'Solbakken skole, møterom 2',
      videoLink: GOOD_LINKS[0],
      participantIds: [kari, lise],
      presentIds: [kari],
    });

    // A meeting as the app wrote it before: no time, place, link or present set.
    const old = newPlan();
    old.transact(() => {
      const item = new Y.Map<unknown>();
      old.getMap('meetings').set('m-old', item);
      item.set('id', 'm-old');
      item.set('position', 'a0');
      item.set('title', new Y.Text('Ansvarsgruppemøte'));
      item.set('date', '2026-09-10');
    });
    expect(planToJSON(old).meetings[0]).toMatchObject({ time: null, place: '', videoLink: null, presentIds: [] });
    // Who came can still be ticked there.
    const sofie = addItem(old, 'participants', { name: 'Sofie' });
    setLinked(old, 'meetings', 'm-old', 'presentIds', sofie, true);
    expect(planToJSON(old).meetings[0]?.presentIds).toEqual([sofie]);
  });

  it('refuses a time that is not HH:MM and a link that is not https, both when written and in an update', () => {
    const doc = newPlan();
    const id = addItem(doc, 'meetings', {});
    for (const time of ['24:00', '9:00', '12:60', '13.30', 'kl 13', '', '13:30:00']) {
      expect(
        reason(() => updateItem(doc, 'meetings', id, { time })),
        time,
      ).toBe('INVALID_VALUE');
      expect(checkPlanWrite(fieldWrite('time', time)), time).toBe('WRONG_TYPE');
    }
    for (const time of ['00:00', '09:05', '23:59']) {
      updateItem(doc, 'meetings', id, { time });
      expect(checkPlanWrite(fieldWrite('time', time))).toBeNull();
    }
    for (const link of HOSTILE_LINKS) {
      expect(isHttpsUrl(link), link).toBe(false);
      expect(
        reason(() => updateItem(doc, 'meetings', id, { videoLink: link })),
        link,
      ).toBe('INVALID_VALUE');
      expect(checkPlanWrite(fieldWrite('videoLink', link)), link).toBe('WRONG_TYPE');
    }
    for (const link of GOOD_LINKS) {
      expect(isHttpsUrl(link), link).toBe(true);
      expect(checkPlanWrite(fieldWrite('videoLink', link))).toBeNull();
    }
    // Not set is always allowed; a place is any short text.
    expect(checkPlanWrite(fieldWrite('videoLink', null))).toBeNull();
    expect(checkPlanWrite(fieldWrite('time', null))).toBeNull();
    expect(checkPlanWrite(fieldWrite('place', 'Solbakken skole'))).toBeNull();
    expect(checkPlanWrite(fieldWrite('place', 'x'.repeat(301)))).toBe('WRONG_TYPE');
    expect(checkPlanWrite(fieldWrite('presentIds', 'kari'))).toBe('WRONG_TYPE');
    // Who came is a set of ids, like who is invited.
    expect(
      checkPlanWrite({ ...fieldWrite('presentIds', null), content: { kind: 'type', type: 'map', nodeName: null } }),
    ).toBeNull();
  });

  it('reads a hostile value that got into a plan anyway as not set, so it is never shown as a link', () => {
    const doc = newPlan();
    const id = addItem(doc, 'meetings', { videoLink: GOOD_LINKS[0], time: '10:00' });
    const item = getItemMap(doc, 'meetings', id)!;
    item.set('videoLink', 'javascript:alert(1)');
    item.set('time', '25:00');
    expect(planToJSON(doc).meetings[0]).toMatchObject({ videoLink: null, time: null });
  });

  it('merges two people ticking who came at the same time', () => {
    const [a, b] = newDocs(2);
    const kari = addItem(a!, 'participants', { name: 'Kari' });
    const jonas = addItem(a!, 'participants', { name: 'Jonas' });
    const meeting = addItem(a!, 'meetings', { participantIds: [kari, jonas] });
    syncDocs([a!, b!]);
    setLinked(a!, 'meetings', meeting, 'presentIds', kari, true);
    setLinked(b!, 'meetings', meeting, 'presentIds', jonas, true);
    syncDocs([a!, b!]);
    expect(planToJSON(a!).meetings[0]?.presentIds.sort()).toEqual([kari, jonas].sort());
    expect(planToJSON(b!)).toEqual(planToJSON(a!));
  });
});

describe('the order of meetings', () => {
  const meeting = (
    id: string,
    date: string | null,
    status: OrderedMeeting['status'] = 'planlagt',
    time: string | null = null,
  ) => ({
    id,
    date,
    time,
    status,
  });

  it('lists what is coming first, the soonest first, then what has been, the latest first', () => {
    const meetings = [
      meeting('held-sep', '2026-09-10', 'gjennomfort'),
      meeting('dec-afternoon', '2026-12-10', 'planlagt', '14:00'),
      meeting('undated', null),
      meeting('march', '2027-03-01'),
      meeting('dec-morning', '2026-12-10', 'planlagt', '09:00'),
      meeting('cancelled-jan', '2027-01-15', 'avlyst'),
      meeting('passed-not-marked', '2026-12-03'),
      meeting('today', '2026-12-07'),
      meeting('held-undated', null, 'gjennomfort'),
      meeting('held-nov', '2026-11-02', 'gjennomfort'),
    ];
    const { upcoming, past } = groupMeetings(meetings, '2026-12-07');
    expect(upcoming.map((m) => m.id)).toEqual(['today', 'dec-morning', 'dec-afternoon', 'march', 'undated']);
    expect(past.map((m) => m.id)).toEqual([
      'cancelled-jan',
      'passed-not-marked',
      'held-nov',
      'held-sep',
      'held-undated',
    ]);
    expect(orderMeetings(meetings, '2026-12-07').map((m) => m.id)).toEqual([
      ...upcoming.map((m) => m.id),
      ...past.map((m) => m.id),
    ]);
  });

  it('keeps the plan’s order between meetings at the same time, and several undated ones as added', () => {
    const meetings = [meeting('b', null), meeting('a', null), meeting('c', '2027-01-01'), meeting('d', '2027-01-01')];
    expect(orderMeetings(meetings, '2026-12-07').map((m) => m.id)).toEqual(['c', 'd', 'b', 'a']);
  });
});

describe('the agenda a meeting gets from the plan', () => {
  // The demo plan seen on 7 December 2026: the meeting of 3 December was planned and not marked held.
  const demo = (): Y.Doc => {
    const doc = new Y.Doc();
    seedDemoPlan(doc);
    return doc;
  };

  it('names the demo plan’s overdue task and the goals due for evaluation, as Mine planer does', () => {
    const doc = demo();
    const plan = planToJSON(doc);
    const planned = plan.meetings.find((m) => m.status === 'planlagt')!;
    const agenda = meetingAgenda(plan, planned.id, '2026-12-07');
    // The meeting's day has passed: the agenda is for today.
    expect(agenda.asOf).toBe('2026-12-07');
    expect(agenda.tasks).toEqual([
      expect.objectContaining({ title: 'Avtale samtale for Henrik', dueDate: '2026-11-15', overdue: true }),
    ]);
    // Evaluated every 3 months: goal 1.1 was evaluated 15.10.2026 (due 15.01.2027, not yet); the others since the
    // plan period began (01.09.2026), due 01.12.2026.
    expect(agenda.goals.map((g) => [g.title.slice(0, 30), g.dueDate, g.overdue])).toEqual([
      ['Emma skal kunne gå selv med ro', '2026-12-01', true],
      ['Gå i trapp med støtte fra én v', '2026-12-01', true],
      ['Jeg vil svømme 25 meter alene.', '2026-12-01', true],
    ]);
    // Tilpasset rollator ends 15.12.2026, within MEASURE_ENDING_WEEKS; fysioterapi (20.06.2027) does not.
    expect(agenda.measures.map((m) => [m.title, m.periodEnd, m.ended])).toEqual([
      ['Tilpasset rollator og ramper på skolen', '2026-12-15', false],
    ]);
    expect(agenda.revision).toBeNull();
    expect(isEmptyAgenda(agenda)).toBe(false);
  });

  it('is as of the meeting’s day when it is still to come, and leaves out its own tasks and what is done', () => {
    const doc = newPlan();
    updateMeta(doc, { evaluationInterval: 'P3M', periodStart: '2027-01-01', nextRevision: '2027-04-20' });
    const lise = addItem(doc, 'participants', { name: 'Lise' });
    const goal = addItem(doc, 'goals', { title: 'Gå i trapp' });
    addItem(doc, 'goals', { title: 'Avsluttet mål', status: 'avsluttet' });
    const meeting = addItem(doc, 'meetings', { date: '2027-04-01' });
    addItem(doc, 'tasks', { title: 'Utført', dueDate: '2027-02-01', done: true });
    addItem(doc, 'tasks', { title: 'Fra møtet', dueDate: '2027-02-01', meetingId: meeting });
    addItem(doc, 'tasks', { title: 'Uten frist' });
    addItem(doc, 'tasks', { title: 'Frist før møtet', dueDate: '2027-03-20', responsibleId: lise });
    addItem(doc, 'tasks', { title: 'Frist etter møtet', dueDate: '2027-05-01' });
    addItem(doc, 'tasks', { title: 'Lenge på overtid', dueDate: '2027-01-10' });
    const weeks = (n: number): string => new Date(Date.UTC(2027, 3, 1 + n * 7)).toISOString().slice(0, 10);
    addItem(doc, 'measures', { title: 'Sluttet', periodEnd: '2027-03-01', status: 'pagar' });
    addItem(doc, 'measures', { title: 'Slutter innen', periodEnd: weeks(MEASURE_ENDING_WEEKS) });
    addItem(doc, 'measures', { title: 'Slutter senere', periodEnd: weeks(MEASURE_ENDING_WEEKS + 1) });
    addItem(doc, 'measures', { title: 'Fullført', periodEnd: '2027-03-01', status: 'fullfort' });
    addItem(doc, 'measures', { title: 'Uten slutt' });

    // Planned in January for 1 April: what will be due then.
    const agenda = meetingAgenda(planToJSON(doc), meeting, '2027-01-05');
    expect(agenda.asOf).toBe('2027-04-01');
    expect(agenda.goals).toEqual([{ goalId: goal, title: 'Gå i trapp', dueDate: '2027-04-01', overdue: false }]);
    expect(agenda.tasks.map((t) => [t.title, t.overdue])).toEqual([
      ['Lenge på overtid', true],
      ['Frist før møtet', true],
      ['Frist etter møtet', false],
      ['Uten frist', false],
    ]);
    expect(agenda.tasks[1]?.responsibleId).toBe(lise);
    expect(agenda.measures.map((m) => [m.title, m.ended])).toEqual([
      ['Sluttet', true],
      ['Slutter innen', false],
    ]);
    // The revision on 20 April is within a month of the meeting.
    expect(agenda.revision).toEqual({ date: '2027-04-20', passed: false });

    // The same meeting once its day has passed: as of today.
    expect(meetingAgenda(planToJSON(doc), meeting, '2027-04-10').asOf).toBe('2027-04-10');
  });

  it('says when there is nothing, and refuses a meeting that is not there or a day that is not a date', () => {
    const doc = newPlan();
    const meeting = addItem(doc, 'meetings', {});
    expect(isEmptyAgenda(meetingAgenda(planToJSON(doc), meeting, '2026-12-07'))).toBe(true);
    expect(reason(() => meetingAgenda(planToJSON(doc), 'finnes-ikke', '2026-12-07'))).toBe('ITEM_NOT_FOUND');
    expect(reason(() => meetingAgenda(planToJSON(doc), meeting, '07.12.2026'))).toBe('INVALID_VALUE');
  });
});

describe('adding to a rich-text field', () => {
  it('appends after what is there, and merges with someone typing at the same time', () => {
    const [a, b] = newDocs(2);
    const meeting = addItem(a!, 'meetings', { agenda: 'Velkommen' });
    syncDocs([a!, b!]);
    appendRichText(
      getRichText(a!, 'meetings', meeting, 'agenda')!,
      richDoc(paragraph('Fra planen:'), bulletList(['Mål 1'])),
    );
    const theirs = getRichText(b!, 'meetings', meeting, 'agenda')!;
    const text = (theirs.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, ' alle sammen');
    syncDocs([a!, b!]);
    const agenda = planToJSON(a!).meetings[0]!.agenda;
    expect(richTextToPlain(agenda)).toBe('Velkommen alle sammen\nFra planen:\n- Mål 1');
    expect(planToJSON(b!)).toEqual(planToJSON(a!));
  });
});
