import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** The header the server wants on every state-changing API request (the app's own fetches send it too). */
export const CSRF = { 'x-samplan-csrf': '1' };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A browser context as a person here has one: in Norwegian and on Norway's clock, as the server counts days («i dag»,
 * «på overtid») in Norway; in the machine's zone (UTC in CI) the browser's day differs from 23:00 or 22:00 UTC.
 */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', ...options });
}

export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
}

let counter = 0;

export function newUserDetails(name: string): Omit<TestUser, 'id'> {
  counter += 1;
  return { name, email: `e2e-${Date.now()}-${counter}@eksempel.no`, password: 'et-langt-passord-123' };
}

/** A fresh browser context (its own cookies, like another person's browser) with a registered, logged-in user. */
export async function newUserContext(
  browser: Browser,
  baseUrl: string,
  name: string,
  /** `block` for a test that routes requests: what the app's service worker answers never reaches page.route. */
  options: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<{ context: BrowserContext; page: Page; user: TestUser }> {
  const context = await newContext(browser, {
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  const details = newUserDetails(name);
  const response = await context.request.post('/api/auth/register', { data: details, headers: CSRF });
  if (response.status() !== 201) throw new Error(`register failed: ${response.status()} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  const page = await context.newPage();
  return { context, page, user: { ...details, id: user.id } };
}

/** Creates a plan over the API as the context's user; returns its id. */
export async function createPlanViaApi(
  context: BrowserContext,
  input: { title?: string; childName?: string; demo?: boolean; creatorRole?: 'foresatt' | 'koordinator' } = {},
): Promise<string> {
  const response = await context.request.post('/api/plans', {
    headers: CSRF,
    data: {
      title: input.title ?? 'Individuell plan',
      childName: input.childName ?? 'Emma Nilsen',
      creatorRole: input.creatorRole ?? 'koordinator',
      ...(input.demo ? { demo: true } : {}),
    },
  });
  if (response.status() !== 201) throw new Error(`create plan failed: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { plan: { id: string } }).plan.id;
}

/**
 * Brings a second person into a plan the way the product does: a foresatt invites them (recording the family's
 * consent to share the plan with them) and they accept the link while logged in.
 */
export async function inviteToPlan(
  owner: BrowserContext,
  guest: { context: BrowserContext; user: TestUser },
  planId: string,
  role: 'koordinator' | 'deltaker' | 'foresatt' | 'lesetilgang',
  consentGivenBy: string,
): Promise<void> {
  const invite = await owner.request.post(`/api/plans/${planId}/invites`, {
    headers: CSRF,
    data: { email: guest.user.email, role, consent: { givenBy: consentGivenBy } },
  });
  if (invite.status() !== 201) throw new Error(`invite failed: ${invite.status()} ${await invite.text()}`);
  const { token } = (await invite.json()) as { token: string };
  const accept = await guest.context.request.post('/api/invites/accept', { headers: CSRF, data: { token } });
  if (accept.status() !== 200) throw new Error(`accept failed: ${accept.status()} ${await accept.text()}`);
}
