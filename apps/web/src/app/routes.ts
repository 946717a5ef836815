// The app's URLs. Pure, so it is unit-tested without a browser.

export const SECTION_IDS = [
  'barnet',
  'mal',
  'tiltak',
  'evaluering',
  'deltakere',
  'samarbeid',
  'periode',
  'samtykke',
  'moter',
  'oppgaver',
  'tjenester',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const DEFAULT_SECTION: SectionId = 'barnet';

export type Route =
  | { name: 'login' }
  | { name: 'register' }
  | { name: 'plans' }
  | { name: 'createPlan' }
  | { name: 'plan'; planId: string; section: SectionId }
  | { name: 'print'; planId: string }
  | { name: 'access'; planId: string }
  | { name: 'accessLog'; planId: string }
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
  if (first === 'invitasjon' && parts.length === 1) return { name: 'invitation' };
  if (first !== 'planer' || second === undefined || rest.length > 0) return { name: 'notFound' };
  if (second === 'ny' && third === undefined) return { name: 'createPlan' };
  if (third === undefined) return { name: 'plan', planId: second, section: DEFAULT_SECTION };
  if (third === 'utskrift') return { name: 'print', planId: second };
  if (third === 'tilgang') return { name: 'access', planId: second };
  if (third === 'innsynslogg') return { name: 'accessLog', planId: second };
  if (isSectionId(third)) return { name: 'plan', planId: second, section: third };
  return { name: 'notFound' };
}

export const paths = {
  login: (next?: string) => (next && next !== '/' ? `/logg-inn?neste=${encodeURIComponent(next)}` : '/logg-inn'),
  register: () => '/registrer',
  plans: () => '/',
  createPlan: () => '/planer/ny',
  plan: (planId: string, section?: SectionId) =>
    `/planer/${encodeURIComponent(planId)}${section && section !== DEFAULT_SECTION ? `/${section}` : ''}`,
  print: (planId: string) => `/planer/${encodeURIComponent(planId)}/utskrift`,
  access: (planId: string) => `/planer/${encodeURIComponent(planId)}/tilgang`,
  accessLog: (planId: string) => `/planer/${encodeURIComponent(planId)}/innsynslogg`,
  /** The page an invitation link opens; the token stays in the fragment, never sent to a server. */
  invitation: () => '/invitasjon',
};

/** Where to go after logging in: only a local path, never another site. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('neste');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
