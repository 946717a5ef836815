import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { safeReturnPath } from '@samplan/api';
import type { OidcLogin, OidcTransaction } from '../auth/OidcLogin.ts';
import type { Sessions } from '../auth/Sessions.ts';
import { AppError } from '../errors/AppError.ts';

const TRANSACTION_COOKIE = 'samplan_oidc';
const COOKIE_PATH = '/api/auth/oidc';

const TransactionSchema = z.object({
  provider: z.string(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
  expiresAt: z.number(),
});

const ProviderParams = z.object({ provider: z.string().min(1).max(32) });

export interface OidcRoutesOptions {
  oidc: OidcLogin;
  sessions: Sessions;
  secureCookie: boolean;
  authRateLimit: { max: number; timeWindow: string };
  /** Where the browser lands when the login fails (`?feil=oidc` is added). */
  failurePath?: string;
}

/**
 * Browser navigations, not fetches: `GET …/login?returnTo=/plan/x` redirects to the provider; the provider
 * redirects back to `GET …/callback`, which starts the session and redirects to `returnTo`.
 */
export async function oidcRoutes(app: FastifyInstance, options: OidcRoutesOptions): Promise<void> {
  const { oidc, sessions } = options;
  const strict = { config: { rateLimit: options.authRateLimit } };
  const failurePath = options.failurePath ?? '/logg-inn';

  app.get('/api/auth/oidc/:provider/login', strict, async (request, reply) => {
    const { provider } = ProviderParams.parse(request.params);
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).returnTo);
    const { url, transaction } = await oidc.start(provider, returnTo);
    reply.setCookie(TRANSACTION_COOKIE, JSON.stringify(transaction), {
      signed: true,
      httpOnly: true,
      // Lax: the cookie must come back on the provider's top-level redirect to the callback.
      sameSite: 'lax',
      secure: options.secureCookie || request.protocol === 'https',
      path: COOKIE_PATH,
      maxAge: 600,
    });
    return reply.redirect(url.href, 302);
  });

  app.get('/api/auth/oidc/:provider/callback', strict, async (request, reply) => {
    const { provider } = ProviderParams.parse(request.params);
    reply.clearCookie(TRANSACTION_COOKIE, { path: COOKIE_PATH });
    try {
      const transaction = readTransaction(request.cookies[TRANSACTION_COOKIE], (value) => request.unsignCookie(value));
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const { user, login } = await oidc.finish(provider, query, transaction);
      await sessions.start(reply, user.id, login);
      return reply.redirect(safeReturnPath(transaction.returnTo), 302);
    } catch (error) {
      request.log.warn(
        { provider, code: error instanceof AppError ? error.code : 'ERROR', detail: detailOf(error) },
        'OIDC login failed',
      );
      const unconfirmed = error instanceof AppError && error.code === 'OIDC_EMAIL_UNCONFIRMED';
      return reply.redirect(`${failurePath}?feil=${unconfirmed ? 'oidc-bekreft' : 'oidc'}`, 302);
    }
  });
}

function readTransaction(
  cookie: string | undefined,
  unsign: (value: string) => { valid: boolean; value: string | null },
): OidcTransaction {
  if (!cookie) throw new AppError('OIDC_FAILED', 'Innloggingen ble ikke fullført; prøv igjen');
  const unsigned = unsign(cookie);
  if (!unsigned.valid || unsigned.value === null) throw new AppError('OIDC_FAILED', 'Innloggingen ble ikke fullført');
  let parsed: unknown;
  try {
    parsed = JSON.parse(unsigned.value);
  } catch {
    throw new AppError('OIDC_FAILED', 'Innloggingen ble ikke fullført');
  }
  const result = TransactionSchema.safeParse(parsed);
  if (!result.success) throw new AppError('OIDC_FAILED', 'Innloggingen ble ikke fullført');
  return result.data;
}

function detailOf(error: unknown): string {
  if (error instanceof AppError) {
    const cause = (error.details as { cause?: string } | undefined)?.cause;
    return cause ?? error.message;
  }
  return (error as Error).message;
}
