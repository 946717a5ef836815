import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
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
): Promise<{ context: BrowserContext; page: Page; user: TestUser }> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
  const details = newUserDetails(name);
  const response = await context.request.post('/api/auth/register', { data: details });
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
