// The app's URLs. Pure, so it is unit-tested without a browser.

import { LINK_PATHS } from '@samplan/api/linkPaths';
import { safeReturnPath } from '@samplan/api/safeReturnPath';
import type { PlanPart } from '@samplan/plan-model';

/** The parts of the plan that have a section of their own, in the order the plan shows them. */
export const SECTION_IDS = [
  'omBarnet',
  'maal',
  'tiltak',
  'evaluering',
  'deltakere',
  'samarbeid',
  'planinfo',
  'samtykke',
  'moter',
  'oppgaver',
  'tjenester',
] as const satisfies readonly PlanPart[];
export type SectionId = (typeof SECTION_IDS)[number];

export const DEFAULT_SECTION: SectionId = 'omBarnet';

/** Each section's address, in Norwegian words a parent can read (and that bookmarks keep). */
const SECTION_SLUGS: Record<SectionId, string> = {
  omBarnet: 'barnet',
  maal: 'mal',
  tiltak: 'tiltak',
  evaluering: 'evaluering',
  deltakere: 'deltakere',
  samarbeid: 'samarbeid',
  planinfo: 'periode',
  samtykke: 'samtykke',
  moter: 'moter',
  oppgaver: 'oppgaver',
  tjenester: 'tjenester',
};
const sectionBySlug = new Map(Object.entries(SECTION_SLUGS).map(([section, slug]) => [slug, section as SectionId]));

export const sectionSlug = (section: SectionId): string => SECTION_SLUGS[section];

export type Route =
  | { name: 'login' }
  | { name: 'register' }
  | { name: 'forgotPassword' }
  | { name: 'resetPassword' }
  | { name: 'plans' }
  | { name: 'notifications' }
  | { name: 'createPlan' }
  | { name: 'plan'; planId: string; section: SectionId }
  | { name: 'print'; planId: string }
  | { name: 'access'; planId: string }
  | { name: 'accessLog'; planId: string }
  | { name: 'history'; planId: string }
  | { name: 'version'; planId: string; seq: number }
  | { name: 'changes'; planId: string }
  | { name: 'meeting'; planId: string; meetingId: string }
  | { name: 'meetingRecord'; planId: string; meetingId: string }
  | { name: 'invitation' }
  | { name: 'notFound' };

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, ...rest] = parts;
  if (parts.length === 0) return { name: 'plans' };
  if (first === 'logg-inn' && parts.length === 1) return { name: 'login' };
  if (first === 'registrer' && parts.length === 1) return { name: 'register' };
  const path = `/${parts.join('/')}`;
  if (path === LINK_PATHS.invitation) return { name: 'invitation' };
  if (path === LINK_PATHS.resetPassword) return { name: 'resetPassword' };
  if (first === 'glemt-passord' && parts.length === 1) return { name: 'forgotPassword' };
  if (first === 'varsler' && parts.length === 1) return { name: 'notifications' };
  if (first === 'planer' && second !== undefined && third === 'historikk' && rest.length === 1) {
    const seq = /^\d+$/.test(rest[0]!) ? Number(rest[0]) : NaN;
    return Number.isSafeInteger(seq) ? { name: 'version', planId: second, seq } : { name: 'notFound' };
  }
  // A meeting, run from the plan (møtemodus), and its printable record.
  if (first === 'planer' && second !== undefined && third === SECTION_SLUGS.moter && rest.length > 0) {
    const [meetingId, page, ...more] = rest as [string, ...string[]];
    if (more.length > 0 || meetingId === '') return { name: 'notFound' };
    if (page === undefined) return { name: 'meeting', planId: second, meetingId };
    if (page === 'referat') return { name: 'meetingRecord', planId: second, meetingId };
    return { name: 'notFound' };
  }
  if (first !== 'planer' || second === undefined || rest.length > 0) return { name: 'notFound' };
  if (second === 'ny' && third === undefined) return { name: 'createPlan' };
  if (third === undefined) return { name: 'plan', planId: second, section: DEFAULT_SECTION };
  if (third === 'utskrift') return { name: 'print', planId: second };
  if (third === 'tilgang') return { name: 'access', planId: second };
  if (third === 'innsynslogg') return { name: 'accessLog', planId: second };
  if (third === 'historikk') return { name: 'history', planId: second };
  if (third === 'endringer') return { name: 'changes', planId: second };
  const section = sectionBySlug.get(third);
  if (section) return { name: 'plan', planId: second, section };
  return { name: 'notFound' };
}

export const paths = {
  login: (next?: string) => (next && next !== '/' ? `/logg-inn?neste=${encodeURIComponent(next)}` : '/logg-inn'),
  register: () => '/registrer',
  forgotPassword: () => '/glemt-passord',
  /** The page a password reset mail links to (`#<token>`). */
  resetPassword: () => LINK_PATHS.resetPassword,
  /** The login page telling that the password was just changed. */
  loginAfterReset: () => '/logg-inn?passord=endret',
  plans: () => '/',
  notifications: () => '/varsler',
  /** With `demo`, the form starts with the example content chosen. */
  createPlan: (options: { demo?: boolean } = {}) => (options.demo ? '/planer/ny?eksempel' : '/planer/ny'),
  plan: (planId: string, section?: SectionId) =>
    `/planer/${encodeURIComponent(planId)}${section && section !== DEFAULT_SECTION ? `/${SECTION_SLUGS[section]}` : ''}`,
  print: (planId: string) => `/planer/${encodeURIComponent(planId)}/utskrift`,
  access: (planId: string) => `/planer/${encodeURIComponent(planId)}/tilgang`,
  accessLog: (planId: string) => `/planer/${encodeURIComponent(planId)}/innsynslogg`,
  history: (planId: string) => `/planer/${encodeURIComponent(planId)}/historikk`,
  /** The plan as it was right after update `seq`. */
  version: (planId: string, seq: number) => `/planer/${encodeURIComponent(planId)}/historikk/${seq}`,
  /** What changed after update `from` (until `to`, or now). */
  changes: (planId: string, from: number, to?: number) =>
    `/planer/${encodeURIComponent(planId)}/endringer?fra=${from}${to === undefined ? '' : `&til=${to}`}`,
  /** A meeting, to run it from the plan. */
  meeting: (planId: string, meetingId: string) =>
    `/planer/${encodeURIComponent(planId)}/${SECTION_SLUGS.moter}/${encodeURIComponent(meetingId)}`,
  /** A meeting's record, to print. */
  meetingRecord: (planId: string, meetingId: string) =>
    `/planer/${encodeURIComponent(planId)}/${SECTION_SLUGS.moter}/${encodeURIComponent(meetingId)}/referat`,
  /** The page an invitation link opens; the token stays in the fragment, never sent to a server. */
  invitation: () => LINK_PATHS.invitation,
};

/** The range of the changes page (`?fra=&til=`); null for a missing or malformed `fra`. */
export function changesRange(search: string): { from: number; to: number | undefined } | null {
  const params = new URLSearchParams(search);
  const seqOf = (value: string | null): number | undefined =>
    value !== null && /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : undefined;
  const from = seqOf(params.get('fra'));
  const to = seqOf(params.get('til'));
  if (from === undefined || (params.has('til') && to === undefined)) return null;
  return { from, to };
}

/** Where to go after logging in: only a local path, never another site. */
export function safeNext(search: string): string {
  return safeReturnPath(new URLSearchParams(search).get('neste'));
}
