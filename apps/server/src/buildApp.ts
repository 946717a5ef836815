import { createHmac, randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyWebsocket from '@fastify/websocket';
import { Redis } from 'ioredis';
import { CloseCode } from '@samplan/protocol';
import { ConsentService } from './access/ConsentService.ts';
import { MembershipService } from './access/MembershipService.ts';
import { AccessEvents } from './access/AccessEvents.ts';
import { PlanAccess } from './access/PlanAccess.ts';
import { RedisAccessRelay } from './access/RedisAccessRelay.ts';
import { PlanCreator } from './access/PlanCreator.ts';
import { SocketAuthenticator } from './access/SocketAuthenticator.ts';
import { CollabTokens } from './auth/CollabTokens.ts';
import { oncePer } from './audit/oncePer.ts';
import { ExpiredAuthSweep } from './auth/ExpiredAuthSweep.ts';
import { LoginThrottle } from './auth/LoginThrottle.ts';
import { OidcLogin } from './auth/OidcLogin.ts';
import { PasswordResets } from './auth/PasswordResets.ts';
import { Sessions } from './auth/Sessions.ts';
import { AccessLog } from './audit/AccessLog.ts';
import { keyedLogChain, verifyUnkeyedChain } from './audit/chain.ts';
import { collabRoute } from './collab/collabRoute.ts';
import { ConnectionLimits } from './collab/ConnectionLimits.ts';
import { RedisConnectionLimits } from './collab/RedisConnectionLimits.ts';
import { RedisPresenceFeed } from './collab/RedisPresenceFeed.ts';
import { WorkerCompactor } from './documents/Compactor.ts';
import { DocumentLog } from './documents/DocumentLog.ts';
import { InProcessCommitFeed } from './documents/InProcessCommitFeed.ts';
import { RedisCommitFeed } from './documents/RedisCommitFeed.ts';
import { KeyedQueue } from './documents/KeyedQueue.ts';
import { DocumentProjector } from './documents/projections/DocumentProjector.ts';
import { PlanHistory } from './documents/PlanHistory.ts';
import { PlanFacts } from './documents/projections/PlanFacts.ts';
import { WriteBudget } from './collab/WriteBudget.ts';
import { RoomManager } from './collab/RoomManager.ts';
import { MailQueue } from './mail/MailQueue.ts';
import { Notifier } from './notifications/Notifier.ts';
import { OutboxTransport } from './mail/OutboxTransport.ts';
import { SmtpTransport } from './mail/SmtpTransport.ts';
import { partWritePolicy } from './collab/WritePolicy.ts';
import { accessStillGranted } from './collab/accessStillGranted.ts';
import type { Config } from './config/config.ts';
import { resolveAuditLogKey, resolveSessionSecret } from './config/sessionSecret.ts';
import { requestForLog } from './http/requestForLog.ts';
import { accessLogRoutes } from './http/accessLogRoutes.ts';
import { authRoutes } from './http/authRoutes.ts';
import { consentRoutes } from './http/consentRoutes.ts';
import { installCsrfProtection } from './http/csrf.ts';
import { installErrorHandler } from './http/errorHandler.ts';
import { healthRoutes } from './http/healthRoutes.ts';
import { historyRoutes } from './http/historyRoutes.ts';
import { memberRoutes } from './http/memberRoutes.ts';
import { notificationRoutes } from './http/notificationRoutes.ts';
import { oidcRoutes } from './http/oidcRoutes.ts';
import { planRoutes } from './http/planRoutes.ts';
import { publicOrigin } from './http/publicOrigin.ts';
import { installSecurity } from './http/security.ts';
import { registerWebApp } from './http/webAppRoutes.ts';
import { MessageSeal } from './signing/MessageSeal.ts';
import type { AccessLogStore } from './storage/AccessLogStore.ts';
import type { AccountStore } from './storage/AccountStore.ts';
import type { ConsentStore } from './storage/ConsentStore.ts';
import type { DocumentStore } from './storage/DocumentStore.ts';
import type { InviteStore } from './storage/InviteStore.ts';
import type { PlanStore } from './storage/PlanStore.ts';
import { openPostgresStorage } from './storage/postgres/openPostgresStorage.ts';
import type { Storage } from './storage/Storage.ts';
import { openSqliteStorage } from './storage/sqlite/openSqliteStorage.ts';

/**
 * With several instances, how often each instance compares its open rooms with the log: the longest a commit whose
 * Redis message was lost (and that no other commit follows) waits before the peers of the other instances get it.
 */
const WATERMARK_CHECK_MS = 2000;

/**
 * With several instances, a due checkpoint waits a random time up to this long and takes one another instance
 * wrote meanwhile, so a plan open on two instances is mostly compacted once, not twice.
 */
const CHECKPOINT_SPREAD_MS = 2000;

/** What the app is built from; tests reach in through `app.samplan`. */
export interface Services {
  config: Config;
  accounts: AccountStore;
  plans: PlanStore;
  documents: DocumentStore;
  invites: InviteStore;
  consents: ConsentStore;
  accessLogStore: AccessLogStore;
  rooms: RoomManager;
  creator: PlanCreator;
  documentLog: DocumentLog;
  planHistory: PlanHistory;
  accessEvents: AccessEvents;
  tokens: CollabTokens;
  sessions: Sessions;
  accessLog: AccessLog;
  access: PlanAccess;
  memberships: MembershipService;
  consentService: ConsentService;
  projector: DocumentProjector;
  throttle: LoginThrottle;
  oidc: OidcLogin;
  mail: MailQueue;
  passwordResets: PasswordResets;
  notifier: Notifier;
}

declare module 'fastify' {
  interface FastifyInstance {
    samplan: Services;
  }
}

export interface BuildAppOptions {
  /** Keep the database in memory (tests). */
  inMemory?: boolean;
}

/** Builds the whole server without listening; `main.ts` listens, tests use port 0 or `inject`. */
export async function buildApp(config: Config, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.LOG_LEVEL, serializers: { req: requestForLog } },
    bodyLimit: config.MAX_BODY_BYTES,
    // A number of hops: the nearest `n` senders are proxies (Fastify takes that as a function of the hop).
    trustProxy:
      typeof config.TRUST_PROXY === 'number'
        ? (_address: string, hop: number) => hop < (config.TRUST_PROXY as number)
        : config.TRUST_PROXY,
  });

  // An in-memory database lives as long as the process, and so does its key.
  const chain = keyedLogChain(
    options.inMemory && !config.AUDIT_LOG_KEY
      ? randomBytes(32).toString('base64url')
      : resolveAuditLogKey(config.AUDIT_LOG_KEY, config.DATA_DIR),
  );
  // PostgreSQL when DATABASE_URL names one; the embedded SQLite in DATA_DIR otherwise.
  const storage: Storage = config.DATABASE_URL
    ? await openPostgresStorage({ url: config.DATABASE_URL, chain })
    : openSqliteStorage({
        dataDir: config.DATA_DIR,
        synchronous: config.SQLITE_SYNCHRONOUS,
        inMemory: options.inMemory,
        chain,
        verifyUnkeyed: verifyUnkeyedChain,
        onWalCheckpointError: (message) => app.log.error({ err: message }, 'WAL checkpoint failed'),
      });
  const { accounts, plans, documents, invites, consents, accessLog: accessLogStore } = storage;
  const accessLog = new AccessLog(accessLogStore, accounts, chain);
  const onFeedError = (error: Error) => app.log.error({ err: error.message }, 'a commit listener failed');
  // With REDIS_URL, several instances serve together: commits, ended access and presence reach every instance,
  // and connection caps and rate limits count across them. One connection for commands, one per subscription.
  // Commands of one tick (the publishes of several rooms' commits) go out in one write.
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { enableAutoPipelining: true }) : null;
  const subscribers: Redis[] = [];
  const subscriber = (): Redis => {
    const connection = redis!.duplicate();
    subscribers.push(connection);
    return connection;
  };
  const prefix = config.REDIS_PREFIX;
  const secret = resolveSessionSecret(config.SESSION_SECRET, config.DATA_DIR);
  // The instances share SESSION_SECRET (a collab token from one works on all): it seals what they tell each other.
  const seal = new MessageSeal(secret);
  const redisFeed = redis ? new RedisCommitFeed(redis, subscriber(), prefix, seal, onFeedError) : null;
  const documentLog = new DocumentLog(documents, redisFeed ?? new InProcessCommitFeed(onFeedError));
  const accessEvents = new AccessEvents();
  const accessRelay = redis
    ? new RedisAccessRelay(accessEvents, redis, subscriber(), prefix, seal, (error) =>
        app.log.error({ err: error.message }, 'could not relay an access event'),
      )
    : null;
  const presenceFeed = redis
    ? new RedisPresenceFeed(redis, subscriber(), prefix, seal, (error) =>
        app.log.error({ err: error.message }, 'could not relay presence'),
      )
    : null;
  await Promise.all([redisFeed?.start(), accessRelay?.start(), presenceFeed?.start()]);
  const localLimits = new ConnectionLimits(config.MAX_SOCKETS_PER_USER, config.MAX_SOCKETS_PER_PLAN);
  const connectionLimits = redis
    ? new RedisConnectionLimits(redis, {
        maxPerUser: config.MAX_SOCKETS_PER_USER,
        maxPerPlan: config.MAX_SOCKETS_PER_PLAN,
        prefix,
        fallback: localLimits,
        onError: (error) => app.log.error({ err: error.message }, 'could not count connections in Redis'),
      })
    : localLimits;
  // One piece of history work per plan at a time: projector passes, restores and comparisons.
  const planWork = new KeyedQueue();
  const projector = new DocumentProjector({
    queue: planWork,
    documents,
    history: storage.history,
    accounts,
    changeLogDelayMs: config.CHANGE_LOG_DELAY_MS,
    logger: app.log,
    // The notifier is made further down; passes only run once the server serves.
    onProjected: (planId) => notifier.planChanged(planId),
  });
  const planFacts = new PlanFacts({ documents: documentLog, projector, history: storage.history });
  const compactor = new WorkerCompactor();
  documentLog.feed.subscribeAll((commits) => projector.committed(commits[0]!.planId, commits.length));
  // A client that reconnects and sends the same refused edit again and again is logged once a minute.
  const refusalDue = oncePer(60_000);
  const rooms = new RoomManager({
    log: documentLog,
    writePolicy: partWritePolicy,
    accessEvents,
    compactor,
    checkpointPolicy: { everyUpdates: config.CHECKPOINT_EVERY_UPDATES, everyBytes: config.CHECKPOINT_EVERY_BYTES },
    logger: app.log,
    presence: presenceFeed,
    writeBudget: new WriteBudget({
      bytes: config.WRITE_BUDGET_BYTES,
      windowMs: config.WRITE_BUDGET_MINUTES * 60_000,
    }),
    watermarkCheckMs: redis ? WATERMARK_CHECK_MS : null,
    // One instance hears every event itself; with several, a revocation's Redis message may be lost.
    accessCheckMs: redis ? config.ACCESS_RECHECK_SECONDS * 1000 : null,
    accessStillGranted: accessStillGranted({
      authorize: (userId, planId) => access.authorize({ id: userId }, planId, 'read'),
      sessionUser: (sessionId) => sessions.userOfSession(sessionId),
    }),
    checkpointSpreadMs: redis ? CHECKPOINT_SPREAD_MS : 0,
    onSaved: (planId) => void projector.catchUp(planId, { flushChangeLog: true }),
    onLeft: (planId, userId, seq, stayedMs) => {
      if (stayedMs < config.VISIT_MIN_SECONDS * 1000) return;
      storage.history.recordVisit(planId, userId, { seq, at: Date.now() }).catch((error: unknown) => {
        app.log.error({ planId, err: (error as Error).message }, 'could not record a visit');
      });
    },
    onEditRefused: (planId, userId, reason) => {
      if (!refusalDue(`${planId} ${userId} ${reason}`)) return;
      accessLog.record(planId, { id: userId }, 'edit.refused', { via: 'websocket', reason }).catch((error: unknown) => {
        app.log.error({ planId, err: (error as Error).message }, 'could not log a refused edit');
      });
    },
  });
  const secureCookie =
    config.COOKIE_SECURE === 'true' ||
    (config.COOKIE_SECURE === 'auto' && (config.PUBLIC_URL?.startsWith('https:') ?? false));
  const tokens = new CollabTokens(secret, config.COLLAB_TOKEN_TTL_SECONDS);
  const sessions = new Sessions(accounts, { ttlHours: config.SESSION_TTL_HOURS, secureCookie });
  const access = new PlanAccess(plans, consents, accessLog);
  const creator = new PlanCreator({ storage, accessLog });
  const planHistory = new PlanHistory({
    log: documentLog,
    projector,
    history: storage.history,
    commits: rooms,
    queue: planWork,
  });
  const origin = publicOrigin(app, config.PUBLIC_URL);
  /** An absolute link into the web app, for mails. */
  const linkTo = (path: string): string => new URL(path, origin()).href;
  const mailDomain = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).hostname : 'samplan.invalid';
  const mail = new MailQueue({
    store: storage.mail,
    transport: config.SMTP_URL
      ? new SmtpTransport(config.SMTP_URL, config.MAIL_FROM, mailDomain)
      : new OutboxTransport(join(config.DATA_DIR, 'outbox'), config.MAIL_FROM, mailDomain, app.log),
    logger: app.log,
    retryMaxMs: config.MAIL_RETRY_MAX_SECONDS * 1000,
  });
  const memberships = new MembershipService({
    plans,
    invites,
    consents,
    accounts,
    access,
    log: accessLog,
    events: accessEvents,
    inviteTtlHours: config.INVITE_TTL_HOURS,
    invitesPerHour: config.INVITES_PER_HOUR,
    publicUrl: config.PUBLIC_URL,
    mail,
    linkTo,
    logger: app.log,
  });
  const notifier = new Notifier({
    plans,
    consents,
    accounts,
    store: storage.notifications,
    mail,
    planFacts,
    linkTo,
    logger: app.log,
    delayMs: config.NOTIFY_DELAY_MS,
    sweepMs: config.NOTIFY_SWEEP_MINUTES * 60_000,
  });
  const consentService = new ConsentService({
    plans,
    consents,
    invites,
    access,
    log: accessLog,
    memberships,
    accounts,
    notifyFamily: async (request) => void (await notifier.consentRequested(request)),
  });
  const throttle = new LoginThrottle(accounts, {
    maxFailures: config.LOGIN_MAX_FAILURES,
    maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
    windowMs: config.LOGIN_FAILURE_WINDOW_MINUTES * 60_000,
    lockoutMs: config.LOGIN_LOCKOUT_MINUTES * 60_000,
  });
  const expiredAuth = new ExpiredAuthSweep(accounts, {
    loginWindowMs: config.LOGIN_FAILURE_WINDOW_MINUTES * 60_000,
    logger: app.log,
  });
  const oidc = new OidcLogin(config.oidcProviders, accounts);
  const passwordResets = new PasswordResets({
    accounts,
    mail,
    onSessionsEnded: (userId) => accessEvents.sessionEnded({ userId, sessionId: null }),
    validMinutes: config.PASSWORD_RESET_TTL_MINUTES,
    maxPerHour: config.PASSWORD_RESETS_PER_HOUR,
    linkTo,
  });
  const services: Services = {
    config,
    accounts,
    plans,
    documents,
    invites,
    consents,
    accessLogStore,
    rooms,
    creator,
    documentLog,
    planHistory,
    accessEvents,
    tokens,
    sessions,
    accessLog,
    access,
    memberships,
    consentService,
    projector,
    throttle,
    oidc,
    mail,
    passwordResets,
    notifier,
  };
  app.decorate('samplan', services);

  installErrorHandler(app);
  await app.register(fastifyCookie, {
    secret: createHmac('sha256', secret).update('samplan-cookie-signing').digest('base64url'),
  });
  await installSecurity(app, {
    publicUrl: config.PUBLIC_URL,
    oidcOrigins: config.oidcProviders.map((p) => new URL(p.issuer).origin),
    rateLimitMax: config.RATE_LIMIT_MAX,
    redis: redis && { client: redis, prefix },
  });
  installCsrfProtection(app, config.PUBLIC_URL);
  const authRateLimit = { max: config.AUTH_RATE_LIMIT_MAX, timeWindow: '1 minute' };
  // Frames up to twice the limit are read and refused with 4413; larger ones are cut off by ws itself (1009).
  await app.register(fastifyWebsocket, { options: { maxPayload: config.MAX_MESSAGE_BYTES * 2 } });
  await app.register(healthRoutes, { documents });
  await app.register(authRoutes, {
    accounts,
    sessions,
    throttle,
    allowRegistration: config.ALLOW_REGISTRATION,
    authRateLimit,
    oidcProviders: config.oidcProviders,
    events: accessEvents,
    passwordResets,
  });
  await app.register(oidcRoutes, { oidc, sessions, secureCookie, authRateLimit });
  await app.register(planRoutes, {
    sessions,
    accounts,
    plans,
    consents,
    access,
    accessLog,
    creator,
    projector,
    planHistory,
    tokens,
    planFacts,
  });
  await app.register(historyRoutes, {
    sessions,
    accounts,
    access,
    accessLog,
    planHistory,
    history: storage.history,
    documents: documentLog,
  });
  await app.register(memberRoutes, { sessions, accounts, memberships, authRateLimit });
  await app.register(consentRoutes, { sessions, accounts, invites, consentService });
  await app.register(notificationRoutes, {
    sessions,
    plans,
    consents,
    store: storage.notifications,
    notifier,
  });
  await app.register(accessLogRoutes, { sessions, access, accessLog, projector });
  await app.register(collabRoute, {
    rooms,
    authenticator: new SocketAuthenticator(tokens, access, (sessionId) => sessions.userOfSession(sessionId)),
    accessLog,
    sessions,
    limits: connectionLimits,
    maxMessageBytes: config.MAX_MESSAGE_BYTES,
    heartbeatMs: config.WS_HEARTBEAT_SECONDS * 1000,
    maxBufferedBytes: config.WS_MAX_BUFFERED_BYTES,
    publicUrl: config.PUBLIC_URL,
  });
  await registerWebApp(app, resolve(config.WEB_DIST));

  app.addHook('onReady', async () => {
    rooms.start();
    memberships.start();
    mail.start();
    notifier.start();
    expiredAuth.start();
  });
  app.addHook('preClose', async () => {
    await memberships.stop();
    await rooms.closeAll(CloseCode.goingAway, 'server shutting down');
    await projector.flushAll();
    await notifier.stop();
    await expiredAuth.stop();
  });
  app.addHook('onClose', async () => {
    await Promise.all([redisFeed?.close(), accessRelay?.close(), presenceFeed?.close()]);
    if (connectionLimits instanceof RedisConnectionLimits) connectionLimits.close();
    await Promise.allSettled([...subscribers, ...(redis ? [redis] : [])].map((connection) => connection.quit()));
    await mail.stop();
    await compactor.close();
    await storage.close();
  });
  return app;
}
