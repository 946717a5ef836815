import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  name: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  email_verified?: boolean;
}

export interface TestIdp {
  issuer: string;
  /** The account the next login signs in as. */
  loginAs: TestAccount;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on loopback. Its login and consent steps are answered at once for
 * `loginAs`, as a user clicking through would.
 */
export async function startTestIdp(client: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): Promise<TestIdp> {
  const holder: { provider?: Provider } = {};
  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const provider = holder.provider;
    if (!provider) throw new Error('not ready');
    if (req.url?.startsWith('/interaction/')) {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(
          req,
          res,
          // The assurance level ID-porten reports for a login with BankID (a consent records it).
          { login: { accountId: idp.loginAs.sub, acr: 'idporten-loa-high' } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({
        accountId: details.session!.accountId,
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope(String(details.params.scope));
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    provider.callback()(req, res);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  const idp: TestIdp = {
    issuer,
    loginAs: { sub: 'nobody', name: 'Nobody' },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  holder.provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
    features: { devInteractions: { enabled: false } },
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name'] },
    cookies: { keys: ['test-cookie-signing-key-0123456789'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = sub === idp.loginAs.sub ? idp.loginAs : accounts.get(sub);
      if (!account) return undefined;
      accounts.set(sub, account);
      return { accountId: sub, claims: async () => ({ ...account }) };
    },
  });
  return idp;
}

/** A minimal browser: follows redirects across origins, keeping cookies per origin. */
export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookieHeader(origin: string): string {
    return [...(this.jar.get(origin) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** One request, without following a redirect. */
  async get(url: string): Promise<Response> {
    const origin = new URL(url).origin;
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: this.cookieHeader(origin) } });
    this.store(origin, response);
    return response;
  }

  /** Follows redirects from `url`; returns every URL visited and the last response. */
  async navigate(url: string, maxHops = 20): Promise<{ visited: string[]; response: Response }> {
    const visited: string[] = [];
    let current = url;
    for (let hop = 0; hop < maxHops; hop++) {
      visited.push(current);
      const response = await this.get(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { visited, response };
      current = new URL(location, current).href;
    }
    throw new Error(`too many redirects: ${visited.join(' -> ')}`);
  }

  private store(origin: string, response: Response): void {
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0/i.test(a));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(origin, cookies);
  }
}
