import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import type { OidcProviderConfig } from '../config/config.ts';
import { AppError } from '../errors/AppError.ts';
import type { AccountStore, LoginMethod, User } from '../storage/AccountStore.ts';
import { newId } from './ids.ts';
import { PERSON_NAME_MAX, personNameProblem } from '@samplan/api/personName';

/** What the login step keeps (in a signed, httpOnly cookie) for the callback to check. */
export interface OidcTransaction {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: number;
}

const TRANSACTION_TTL_MS = 10 * 60 * 1000;

/** Loopback issuers may use plain http (tests, local development); every other issuer must be https. */
function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/**
 * OpenID Connect login (authorization code + PKCE, openid-client) against each configured provider:
 * ID-porten for citizens, HelseID or a municipality's IdP for professionals.
 */
export class OidcLogin {
  private readonly providers: Map<string, OidcProviderConfig>;
  private readonly accounts: AccountStore;
  private readonly configurations = new Map<string, Promise<oidc.Configuration>>();

  constructor(providers: OidcProviderConfig[], accounts: AccountStore) {
    this.providers = new Map(providers.map((p) => [p.id, p]));
    this.accounts = accounts;
  }

  get list(): OidcProviderConfig[] {
    return [...this.providers.values()];
  }

  provider(id: string): OidcProviderConfig {
    const provider = this.providers.get(id);
    if (!provider) throw new AppError('OIDC_PROVIDER_NOT_FOUND', 'Ukjent innloggingstjeneste');
    return provider;
  }

  /** The provider's authorization URL and the transaction to keep until the callback. */
  async start(providerId: string, returnTo: string): Promise<{ url: URL; transaction: OidcTransaction }> {
    const provider = this.provider(providerId);
    const config = await this.configuration(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const transaction: OidcTransaction = {
      provider: provider.id,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier,
      returnTo,
      expiresAt: Date.now() + TRANSACTION_TTL_MS,
    };
    const parameters: Record<string, string> = {
      redirect_uri: provider.redirectUri,
      scope: provider.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
      ui_locales: 'nb',
    };
    if (provider.acrValues) parameters.acr_values = provider.acrValues;
    return { url: oidc.buildAuthorizationUrl(config, parameters), transaction };
  }

  /**
   * Exchanges the code (checking state, nonce and the PKCE verifier) and returns the local user of the
   * identity: linked before, linked now by a verified e-mail address, or created.
   */
  /** The user, and how they logged in: `oidc:<provider>` with the ID token's assurance level (`acr`), if any. */
  async finish(
    providerId: string,
    callbackQuery: string,
    transaction: OidcTransaction,
  ): Promise<{ user: User; login: LoginMethod }> {
    const provider = this.provider(providerId);
    if (transaction.provider !== provider.id || transaction.expiresAt <= Date.now()) {
      throw new AppError('OIDC_FAILED', 'Innloggingen ble ikke fullført; prøv igjen');
    }
    const config = await this.configuration(provider);
    const currentUrl = new URL(provider.redirectUri);
    currentUrl.search = callbackQuery;
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      throw new AppError('OIDC_FAILED', 'Innloggingen ble ikke fullført; prøv igjen', {
        cause: (error as Error).message,
      });
    }
    if (!claims?.sub) throw new AppError('OIDC_FAILED', 'Innloggingstjenesten oppga ingen identitet');
    const level = typeof claims.acr === 'string' ? claims.acr.slice(0, 100) : null;
    return { user: await this.userFor(provider, claims), login: { method: `oidc:${provider.id}`, level } };
  }

  private async userFor(provider: OidcProviderConfig, claims: oidc.IDToken): Promise<User> {
    const subject = claims.sub;
    const linked = await this.accounts.findOidcUser(provider.id, subject);
    if (linked) return linked;
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
    const verified = claims.email_verified === true;
    if (email && verified) {
      const existing = await this.accounts.findUserByEmail(email);
      if (existing) {
        // Linked by the address only when the account's owner has shown the address is theirs, or nobody can log in
        // to it but by an identity provider: anyone could have made a password account for someone else's address
        // (registering, or accepting an invitation they made themselves) and would then share the real owner's.
        if (existing.passwordHash !== null && !(await this.accounts.emailConfirmed(existing.id))) {
          throw new AppError(
            'OIDC_EMAIL_UNCONFIRMED',
            'Det finnes en konto med denne e-postadressen som ikke er bekreftet ennå',
          );
        }
        await this.accounts.linkOidcIdentity(provider.id, subject, existing.id);
        await this.accounts.confirmEmail(existing.id, Date.now());
        return existing;
      }
    }
    const user: User = {
      id: newId(),
      // Without a verified address the account gets a placeholder that can never receive mail.
      email:
        email && verified
          ? email
          : `${createHash('sha256').update(`${provider.id}:${subject}`).digest('hex').slice(0, 20)}@${provider.id}.oidc.invalid`,
      name: displayName(claims),
      createdAt: Date.now(),
    };
    await this.accounts.createUser({ ...user, passwordHash: null });
    if (email && verified) await this.accounts.confirmEmail(user.id, user.createdAt);
    await this.accounts.linkOidcIdentity(provider.id, subject, user.id);
    return user;
  }

  private configuration(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    let pending = this.configurations.get(provider.id);
    if (!pending) {
      const issuer = new URL(provider.issuer);
      const auth = provider.clientSecret ? oidc.ClientSecretBasic(provider.clientSecret) : oidc.None();
      pending = oidc.discovery(
        issuer,
        provider.clientId,
        provider.clientSecret ? { client_secret: provider.clientSecret } : undefined,
        auth,
        isLoopback(issuer) && issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
      // A provider that was down is asked again next time.
      pending.catch(() => this.configurations.delete(provider.id));
      this.configurations.set(provider.id, pending);
    }
    return pending.catch((error: unknown) => {
      throw new AppError('OIDC_FAILED', 'Innloggingstjenesten svarer ikke', { cause: (error as Error).message });
    });
  }
}

/** The name the identity provider gives, if it may be a person's name here (personName.ts); else «Ukjent navn». */
function displayName(claims: oidc.IDToken): string {
  const parts = [claims.given_name, claims.family_name].filter((p): p is string => typeof p === 'string' && p !== '');
  const names = [claims.name, parts.join(' ')].map((name) =>
    typeof name === 'string' ? name.trim().slice(0, PERSON_NAME_MAX).trim() : '',
  );
  return names.find((name) => name !== '' && personNameProblem(name) === null) ?? 'Ukjent navn';
}
