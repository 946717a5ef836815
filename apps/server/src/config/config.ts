import { z } from 'zod';
import { DEFAULT_SESSION_TTL_HOURS } from '@samplan/api';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@samplan/protocol';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().min(1).default('localhost'),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Where the built web app lives; served at `/` when it exists. */
    WEB_DIST: z.string().min(1).default('./dist/web'),
    PUBLIC_URL: z.url().optional(),
    /**
     * Whose X-Forwarded-For (and -Proto) to believe, for the client's address (rate limits, login throttling, the log):
     * unset believes nobody; a number that many proxies in front (1: one reverse proxy); otherwise the proxies'
     * addresses or CIDR ranges, comma-separated. Never every sender: a client could then name any address it likes.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .optional()
      .transform((value): false | number | string[] => {
        if (!value || value === '0' || value === 'false') return false;
        if (/^\d+$/.test(value)) return Number(value);
        return value
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== '');
      }),
    /** `postgres://…`: every store on PostgreSQL instead of the embedded SQLite in DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// address')
      .optional(),
    /** `redis://…`: commits reach the rooms of every instance (several instances on one DATABASE_URL). */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'a redis:// or rediss:// address')
      .optional(),
    /** Starts every Redis key and channel the server uses, so several services can share one Redis. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[\w:.-]{1,64}$/, 'letters, digits, and _ : . - only')
      .default('samplan:'),
    /** Signs collab tokens; generated and kept in DATA_DIR when not given. */
    SESSION_SECRET: z.string().min(32).optional(),
    /** Key of the innsynslogg's hash chain; kept outside the database (default: a key file in DATA_DIR). */
    AUDIT_LOG_KEY: z.string().min(32).optional(),
    ALLOW_REGISTRATION: boolFromEnv.default(true),
    SESSION_TTL_HOURS: z.coerce.number().positive().default(DEFAULT_SESSION_TTL_HOURS),
    COLLAB_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(300),
    MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(DEFAULT_MAX_MESSAGE_BYTES),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(256 * 1024),
    CHECKPOINT_EVERY_UPDATES: z.coerce.number().int().positive().default(500),
    CHECKPOINT_EVERY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(512 * 1024),
    /** NORMAL survives a killed server process; FULL also survives power loss, at an fsync per commit. */
    SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** `auto`: Secure cookies when PUBLIC_URL is https. */
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    /** How long an invitation link can be used. */
    INVITE_TTL_HOURS: z.coerce
      .number()
      .positive()
      .default(7 * 24),
    /**
     * Invitations one account may make in an hour, in all its plans together: each one is a mail to an address the
     * inviter chose, with the inviter's name in it, so more would make Samplan a way to send mail to anyone.
     */
    INVITES_PER_HOUR: z.coerce.number().int().positive().default(30),
    /**
     * With several instances (REDIS_URL): how often every open connection's access is asked again, a net under the
     * revocations, logouts and withdrawals announced on Redis, which may lose a message.
     */
    ACCESS_RECHECK_SECONDS: z.coerce.number().positive().default(5),
    /**
     * Failed logins for one e-mail address from one client address, within the window, that lock it there for
     * LOGIN_LOCKOUT_MINUTES; and from every client address together, that lock it everywhere.
     */
    LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
    LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().positive().default(15),
    LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
    /** Requests per minute per client address, for the whole API. */
    RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
    /** Requests per minute per client address to login, registration, invitations and OIDC. */
    AUTH_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(20),
    /** Open websocket connections per user (all plans) and per plan; more close with 4429. */
    MAX_SOCKETS_PER_USER: z.coerce.number().int().positive().default(20),
    MAX_SOCKETS_PER_PLAN: z.coerce.number().int().positive().default(200),
    /**
     * Bytes of updates one member may write into one plan at once, filled again over WRITE_BUDGET_MINUTES: past it,
     * the socket closes with 4529 and the app sends the rest after the wait. At least MAX_MESSAGE_BYTES.
     */
    WRITE_BUDGET_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(8 * 1024 * 1024),
    WRITE_BUDGET_MINUTES: z.coerce.number().positive().default(10),
    /** Every so often the server pings each socket; one that has not answered the last ping by then is cut. */
    WS_HEARTBEAT_SECONDS: z.coerce.number().positive().default(30),
    /** A socket whose unsent data grows past this (a reader that does not read) is dropped; it may reconnect. */
    WS_MAX_BUFFERED_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(8 * 1024 * 1024),
    /**
     * How soon after an edit the access log records who changed which part. Reading the log and closing the plan
     * always catch up first, so this only bounds the lag for a plan kept open; replaying is not free (bench).
     */
    CHANGE_LOG_DELAY_MS: z.coerce.number().int().nonnegative().default(300_000),
    /**
     * How long someone must stay in a plan for it to count as a visit («endret siden sist» then starts from it): a
     * glance at the plan on the phone does not use up the news of what others changed.
     */
    VISIT_MIN_SECONDS: z.coerce.number().int().nonnegative().default(30),
    /** Where mail is sent (`smtp://host:port`, `smtps://user:pass@host:port`); without it, to DATA_DIR/outbox/ and the log. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// address')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Samplan <ikke-svar@samplan.invalid>'),
    /** The longest wait between two tries at a mail that could not be sent (the wait doubles from 1 s). */
    MAIL_RETRY_MAX_SECONDS: z.coerce.number().positive().max(30).default(30),
    /** How long a password reset link works, and how many reset mails one address gets per hour. */
    PASSWORD_RESET_TTL_MINUTES: z.coerce
      .number()
      .int()
      .positive()
      .max(24 * 60)
      .default(60),
    PASSWORD_RESETS_PER_HOUR: z.coerce.number().int().positive().default(3),
    /** How soon after an edit its plan is looked at for notifications, and how often every plan is (for dates). */
    NOTIFY_DELAY_MS: z.coerce.number().int().nonnegative().default(5_000),
    NOTIFY_SWEEP_MINUTES: z.coerce.number().positive().default(60),
    /** Comma-separated ids of OpenID Connect providers, each configured by OIDC_<ID>_* variables. */
    OIDC_PROVIDERS: z.string().default(''),
  })
  .superRefine((config, context) => {
    // A message the server takes must fit in a full budget, or it could never be sent.
    if (config.WRITE_BUDGET_BYTES < config.MAX_MESSAGE_BYTES) {
      context.addIssue({
        code: 'custom',
        path: ['WRITE_BUDGET_BYTES'],
        message: 'must be at least MAX_MESSAGE_BYTES (one message must fit in a full budget)',
      });
    }
    // Several instances must share these: one generated into each instance's DATA_DIR would make every message
    // between them unsealed to the others (and a collab token from one invalid on another), and the innsynslogg's
    // chain unverifiable.
    if (!config.REDIS_URL) return;
    for (const name of ['SESSION_SECRET', 'AUDIT_LOG_KEY'] as const) {
      if (config[name] === undefined) {
        context.addIssue({
          code: 'custom',
          path: [name],
          message: 'must be set, and the same on every instance, when REDIS_URL is (several instances serve together)',
        });
      }
    }
  });

const OidcProviderSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, 'provider ids are lower-case letters, digits and dashes'),
  issuer: z.url(),
  clientId: z.string().min(1),
  /** Without a secret the client is public (PKCE only, token_endpoint_auth_method none). */
  clientSecret: z.string().min(1).optional(),
  label: z.string().min(1),
  scopes: z.string().min(1).default('openid profile email'),
  redirectUri: z.url(),
  acrValues: z.string().optional(),
});
export type OidcProviderConfig = z.infer<typeof OidcProviderSchema>;

export type Config = z.infer<typeof ConfigSchema> & { oidcProviders: OidcProviderConfig[] };

/** Parses configuration once, at start; throws a readable error naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...result.data, oidcProviders: parseOidcProviders(env, result.data.PUBLIC_URL, result.data.OIDC_PROVIDERS) };
}

/** OIDC_PROVIDERS=idporten,helseid with OIDC_IDPORTEN_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _LABEL, _SCOPES, _REDIRECT_URI, _ACR_VALUES. */
function parseOidcProviders(
  env: Record<string, string | undefined>,
  publicUrl: string | undefined,
  list: string,
): OidcProviderConfig[] {
  const ids = list
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return ids.map((id) => {
    const key = (name: string) => env[`OIDC_${id.toUpperCase().replaceAll('-', '_')}_${name}`];
    const redirectUri =
      key('REDIRECT_URI') ?? (publicUrl ? new URL(`/api/auth/oidc/${id}/callback`, publicUrl).href : undefined);
    const result = OidcProviderSchema.safeParse({
      id,
      issuer: key('ISSUER'),
      clientId: key('CLIENT_ID'),
      clientSecret: key('CLIENT_SECRET'),
      label: key('LABEL') ?? id,
      scopes: key('SCOPES'),
      redirectUri,
      acrValues: key('ACR_VALUES'),
    });
    if (!result.success) {
      const lines = result.error.issues.map((i) => `  OIDC provider ${id}, ${i.path.join('.')}: ${i.message}`);
      throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
    }
    return result.data;
  });
}
