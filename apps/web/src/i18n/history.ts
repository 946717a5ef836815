// Texts for the plan's history: versions, the plan as it was, what changed, and bringing back what was deleted.
// Norwegian bokmål, like nb.ts.

import type { CollectionName, PlanPart } from '@samplan/plan-model';
import { listNb } from './access.ts';
import { nbMeetings } from './meetings.ts';
import { nb } from './nb.ts';

/** «målet» at the start of a sentence: «Målet». */
const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A part of the plan in running text, lower case where Norwegian wants it: «endret mål og tiltak». */
const partInText: Record<PlanPart, string> = {
  planinfo: 'planens navn, periode og koordinator',
  omBarnet: 'om barnet og familien',
  maal: 'mål, ressurser og behov',
  deltakere: 'deltakere',
  bidrag: 'bidrag',
  tiltak: 'tiltak',
  evaluering: 'evalueringer',
  samtykke: 'notatene om samtykke',
  samarbeid: 'samarbeid',
  moter: 'møter',
  oppgaver: 'oppgaver',
  tjenester: 'tjenester og kontakter',
  annet: 'andre deler av planen',
};

/** A part of the plan as a heading. */
const partHeading: Record<PlanPart, string> = {
  planinfo: nb.sections.planinfo,
  omBarnet: nb.sections.omBarnet,
  maal: 'Mål, ressurser og behov',
  deltakere: nb.sections.deltakere,
  bidrag: 'Bidrag fra barnet og familien',
  tiltak: nb.sections.tiltak,
  evaluering: nb.sections.evaluering,
  samtykke: nb.sections.samtykke,
  samarbeid: nb.sections.samarbeid,
  moter: nb.sections.moter,
  oppgaver: nb.sections.oppgaver,
  tjenester: nb.sections.tjenester,
  annet: 'Annet',
};

/** One item of a collection, with an article, in running text: «målet», «tiltaket». */
const itemNoun: Record<CollectionName, string> = {
  goals: 'målet',
  measures: 'tiltaket',
  evaluations: 'evalueringen',
  participants: 'deltakeren',
  cooperation: 'samarbeidsparten',
  meetings: 'møtet',
  tasks: 'oppgaven',
  services: 'tjenesten',
};

/** The fields of each collection as the plan's own forms label them. */
const fieldLabels: Record<CollectionName, Record<string, string>> = {
  goals: {
    title: nb.goals.title,
    parentId: 'Hører til hovedmål',
    description: nb.goals.description,
    expressedBy: nb.goals.expressedBy,
    targetDate: nb.goals.targetDate,
    status: nb.common.status,
  },
  measures: {
    title: nb.measures.title,
    goalIds: nb.measures.goals,
    scope: nb.measures.scope,
    responsible: nb.measures.responsible,
    responsibleId: nb.measures.responsibleParticipant,
    periodStart: nb.measures.periodStart,
    periodEnd: nb.measures.periodEnd,
    periodText: nb.measures.periodText,
    status: nb.common.status,
    implementation: 'Gjennomføring',
    targetsFamily: nb.measures.targetsFamily,
  },
  evaluations: {
    date: nb.evaluations.date,
    targetId: nb.evaluations.target,
    targetType: nb.evaluations.target,
    note: nb.evaluations.note,
    achievement: nb.evaluations.achievement,
    author: nb.evaluations.author,
  },
  participants: {
    name: nb.participants.name,
    role: nb.participants.role,
    title: nb.participants.title,
    organisation: nb.participants.organisation,
    contact: nb.common.contact,
    contribution: nb.participants.contribution,
    expectations: nb.participants.expectations,
  },
  cooperation: { name: nb.cooperation.name, purpose: nb.cooperation.purpose, contact: nb.common.contact },
  meetings: {
    date: nb.meetings.date,
    time: nbMeetings.time,
    title: nb.meetings.title,
    status: nb.meetings.status,
    place: nbMeetings.place,
    videoLink: nbMeetings.videoLink,
    participantIds: nbMeetings.invited,
    presentIds: nbMeetings.present,
    agenda: nb.meetings.agenda,
    minutes: nb.meetings.minutes,
  },
  tasks: {
    title: nb.tasks.title,
    responsibleId: nb.tasks.responsible,
    dueDate: nb.tasks.dueDate,
    done: nb.tasks.done,
    meetingId: nb.tasks.meeting,
  },
  services: {
    name: 'Navn',
    kind: 'Type',
    status: nb.common.status,
    date: nb.common.date,
    contact: nb.common.contact,
    note: 'Notat',
  },
};

/** The plan's own fields (rich text by their document names, values of meta as `meta.<key>`). */
const planFieldLabels: Record<string, string> = {
  'about.child': nb.about.child,
  'about.family': nb.about.family,
  'about.resources': nb.about.resources,
  'about.needs': nb.about.needs,
  'about.familyContribution': nb.about.familyContribution,
  'about.familyNeeds': nb.about.familyNeeds,
  'cooperation.notes': nb.cooperation.notes,
  'consent.notes': nb.consent.notes,
  'meta.title': 'Planens navn',
  'meta.childName': 'Barnets navn',
  'meta.periodStart': nb.period.start,
  'meta.periodEnd': nb.period.end,
  'meta.nextRevision': nb.period.nextRevision,
  'meta.lastRevision': 'Sist revidert',
  'meta.evaluationInterval': nb.period.interval,
  'meta.coordinatorId': nb.participants.coordinator,
};

export const nbHistory = {
  nav: 'Historikk',
  title: 'Historikk',
  intro:
    'Her er alle endringene i planen, de nyeste først. Det som blir slettet eller endret, er ikke borte for godt: ' +
    'du kan se planen slik den var, sammenligne med nå, og gjenopprette det som ble slettet.',
  /** For a member who may not bring back the whole plan or a part of it (only items of parts they write, if any). */
  introReader: (writesSomething: boolean) =>
    'Her er alle endringene i planen, de nyeste først. Det som blir slettet eller endret, er ikke borte for godt: ' +
    'du kan se planen slik den var og sammenligne med nå. ' +
    (writesSomething
      ? 'Det du selv kan endre, kan du hente tilbake hvis det blir slettet. Resten kan familien eller koordinatoren hente tilbake.'
      : 'Familien eller koordinatoren kan hente tilbake det som er slettet.'),
  loadFailed: 'Klarte ikke å hente historikken.',
  retry: 'Prøv igjen',
  listLabel: 'Versjoner av planen',
  older: 'Vis eldre versjoner',
  empty: 'Planen har ingen endringer ennå.',

  partInText,
  partHeading,
  itemNoun,
  field: (collection: CollectionName | undefined, field: string): string =>
    (collection ? fieldLabels[collection][field] : planFieldLabels[field]) ?? field,

  version: {
    created: (name: string) => `${name} opprettet planen`,
    changed: (names: string[], parts: PlanPart[]) =>
      `${listNb(names)} endret ${parts.length > 0 ? listNb(parts.map((part) => partInText[part])) : 'planen'}`,
    restored: (name: string, parts: PlanPart[]) =>
      `${name} hentet tilbake ${parts.length > 0 ? `${listNb(parts.map((part) => partInText[part]))} ` : 'noe '}` +
      'fra en tidligere versjon',
    /** The version a member's history starts at: the plan as they found it, without who wrote it. */
    asFound: 'Planen slik den var da du fikk tilgang',
    /** A version whose authors are not told (too long to work out from where your history starts). */
    changedByUnnamed: (parts: PlanPart[]) =>
      parts.length > 0 ? `Endringer i ${listNb(parts.map((part) => partInText[part]))}` : 'Planen ble endret',
    removed: (items: string[], more: number) => {
      const text = `Slettet ${listNb(more > 0 ? [...items, `${more} til`] : items)}`;
      // No second full stop after a title that ends with one («… sommeren 2027.»).
      return /[.!?]»$/.test(text) ? text : `${text}.`;
    },
    /** Said of a removed item that a later version brought back. */
    broughtBack: 'hentet tilbake senere',
    /** Next to what a version deleted and is still gone: to the comparison where it can be brought back. */
    seeRemoved: 'Se det som ble slettet, og hent det tilbake',
    /** The same, for a member who may bring none of it back. */
    seeRemovedOnly: 'Se det som ble slettet',
    nameKind: { manual: 'Navngitt versjon', meeting: 'Møte holdt', revision: 'Revidert' },
    show: 'Se planen slik den var',
    compare: 'Sammenlign med nå',
    current: 'Slik planen er nå',
  },

  name: {
    legend: 'Gi navn til planen slik den er nå',
    label: 'Navn på versjonen',
    hint: 'For eksempel «Vedtatt i ansvarsgruppemøtet 12. mars». Navnet gjør versjonen lett å finne igjen.',
    save: 'Lagre navnet',
    saved: (name: string) => `Planen slik den er nå, har fått navnet «${name}».`,
    alreadyNamed:
      'Planen slik den er nå, har fått navn av noen andre, eller da et møte ble holdt eller planen revidert, og det ' +
      'beholder den. Et eget navn kan du gi etter neste endring i planen.',
    failed: 'Klarte ikke å lagre navnet.',
    empty: 'Skriv et navn.',
  },

  since: {
    lastVisit: (when: string) => `Hva er endret siden sist du var her (${when})?`,
    lastMeeting: (name: string) => `Hva er endret siden møtet «${name}»?`,
  },

  versionPage: {
    title: 'Tidligere versjon',
    banner: (when: string) => (when ? `Du ser planen slik den var ${when}.` : 'Du ser en tidligere versjon av planen.'),
    bannerDetail: 'Dette er en tidligere versjon. Du kan lese og skrive den ut, men ikke endre den her.',
    print: 'Skriv ut denne versjonen',
    back: 'Tilbake til historikken',
    restore: 'Gjenopprett hele planen slik den var da',
    confirmTitle: 'Gjenopprette hele planen?',
    confirmText: (when: string) =>
      `Hele planen blir slik den var ${when || 'i denne versjonen'}. Det som er endret etterpå, blir tatt bort fra ` +
      'planen. Ingenting blir borte for godt: planen slik den er nå, blir også liggende i historikken.',
    confirm: 'Ja, gjenopprett',
    cancel: 'Avbryt',
    restored: 'Planen er gjenopprettet. Alle som har planen åpen, ser det med en gang.',
    nothingToRestore: 'Planen er allerede slik den var da.',
    restoreFailed: 'Klarte ikke å gjenopprette planen.',
    notFound: 'Fant ikke denne versjonen av planen.',
    unreadable: 'Denne versjonen av planen kan ikke vises.',
    toPlan: 'Gå til planen',
  },

  changes: {
    title: 'Hva er endret',
    range: (from: string, to: string) => `Fra ${from} til ${to}`,
    rangeNow: (from: string) => `Fra ${from} til nå`,
    planCreated: 'planen ble opprettet',
    none: 'Ingenting er endret i denne perioden.',
    loadFailed: 'Klarte ikke å hente endringene.',
    added: 'Ny',
    removed: 'Slettet',
    changed: 'Endret',
    by: (names: string[]) => `av ${listNb(names)}`,
    before: 'Før',
    after: 'Nå',
    afterThen: 'Etter',
    inserted: 'Lagt til',
    deleted: 'Tatt bort',
    empty: '(tomt)',
    restore: (noun: string, title: string) => `Gjenopprett ${noun}${title ? ` «${title}»` : ''}`,
    restored: (noun: string) => `${upperFirst(noun)} er gjenopprettet.`,
    /** Restored by nobody here: it was in the plan already (brought back by someone else meanwhile). */
    alreadyThere: (noun: string) => `${upperFirst(noun)} er allerede i planen.`,
    /** A delmål that came back with its hovedmål, restored on the same page. */
    cameBack: (noun: string) => `${upperFirst(noun)} kom tilbake sammen med hovedmålet.`,
    restoreFailed: 'Klarte ikke å gjenopprette det.',
    showVersion: 'Se planen slik den var da',
    pickLegend: 'Sammenlign to versjoner',
    pickFrom: 'Fra versjonen',
    pickTo: 'Til versjonen',
    pickCreated: 'Da planen ble opprettet',
    pickJoined: 'Da du ble med i planen',
    pickNow: 'Nå',
    pick: 'Sammenlign',
    restorePart: (part: string) => `Gjenopprett «${part}» slik det var`,
    restorePartQuestion: (part: string) => `Gjenopprette «${part}»?`,
    restorePartText: (part: string, when: string) =>
      `«${part}» blir slik det var ${when}. Det som er endret der etterpå, blir tatt bort. Resten av planen blir ` +
      'som den er nå. Ingenting blir borte for godt: det som er nå, blir liggende i historikken.',
    restoredPart: (part: string) => `«${part}» er gjenopprettet.`,
    yes: nb.common.yes,
    no: nb.common.no,
  },

  sinceLastVisit: {
    title: 'Endret siden sist du var her',
    summary: (names: string[], parts: PlanPart[]) =>
      `${listNb(names)} har endret ${listNb(parts.map((part) => partInText[part]))}.`,
    /** What others deleted since, said on its own: a parent must not have to find it by opening the comparison. */
    removed: (names: string[], noun: string, title: string, more: number) =>
      `${listNb(names)} slettet ${noun}${title ? ` «${title}»` : ''}${more > 0 ? ` og ${more} til` : ''}.`,
    link: 'Se hva som er endret',
    dismiss: 'Lukk',
  },

  removedNotice: {
    text: (name: string, noun: string, title: string) => `${name} slettet ${noun}${title ? ` «${title}»` : ''}.`,
    someone: 'Noen',
    many: (name: string, count: number) => `${name} slettet ${count} ting fra planen.`,
    seeRemoved: 'Se hva som ble slettet',
    restore: 'Gjenopprett',
    restored: (noun: string, title: string) => `${upperFirst(noun)}${title ? ` «${title}»` : ''} er gjenopprettet.`,
    failed: 'Klarte ikke å gjenopprette. Du finner det i historikken.',
  },

  /** A field changed here while not connected, and elsewhere meanwhile: both changes are in the plan now. */
  mergedApart: {
    /** `what`: «Målet» i målet «…», or målet «…» for an item's name. */
    one: (what: string) =>
      `Mens du var uten nett, ble ${what} også endret av noen andre. Begge endringene er tatt med. ` +
      'Les over at teksten ble riktig.',
    inItem: (noun: string, title: string) => ` i ${noun}${title ? ` «${title}»` : ''}`,
    /** A choice or a date: the one set last holds. */
    oneChoice: (what: string) =>
      `Mens du var uten nett, ble ${what} også endret av noen andre. Det som ble valgt sist, gjelder nå. ` +
      'Se over at det ble riktig.',
    many: (count: number) =>
      `Mens du var uten nett, endret noen andre også ${count} av feltene du endret. Se over at det ble riktig.`,
    seeHistory: 'Se historikken',
    opened: 'Historikken er åpnet.',
  },
};
