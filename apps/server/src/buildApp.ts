import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { CloseCode } from '@samplan/protocol';
import { CollabTokens } from './auth/CollabTokens.ts';
import { Sessions } from './auth/Sessions.ts';
import { collabRoute } from './collab/collabRoute.ts';
import { RoomManager } from './collab/RoomManager.ts';
import type { Config } from './config/config.ts';
import { resolveSessionSecret } from './config/sessionSecret.ts';
import { authRoutes } from './http/authRoutes.ts';
import { installErrorHandler } from './http/errorHandler.ts';
import { healthRoutes } from './http/healthRoutes.ts';
import { planRoutes } from './http/planRoutes.ts';
import { PlanService } from './plans/PlanService.ts';
import { SqliteAccountStore, type AccountStore } from './storage/AccountStore.ts';
import type { DocumentStore } from './storage/DocumentStore.ts';
import { openSqlite } from './storage/openSqlite.ts';
import { SqlitePlanStore, type PlanStore } from './storage/PlanStore.ts';
import { SqliteDocumentStore } from './storage/SqliteDocumentStore.ts';

/** What the app is built from; tests reach in through `app.samplan`. */
export interface Services {
  config: Config;
  accounts: AccountStore;
  plans: PlanStore;
  documents: DocumentStore;
  rooms: RoomManager;
  planService: PlanService;
  tokens: CollabTokens;
  sessions: Sessions;
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
    logger: { level: config.LOG_LEVEL },
    bodyLimit: config.MAX_BODY_BYTES,
    trustProxy: Boolean(config.PUBLIC_URL),
  });

  const db = openSqlite({ dataDir: config.DATA_DIR, synchronous: config.SQLITE_SYNCHRONOUS, inMemory: options.inMemory });
  const accounts = new SqliteAccountStore(db);
  const plans = new SqlitePlanStore(db);
  const documents = new SqliteDocumentStore(db);
  const rooms = new RoomManager({
    store: documents,
    checkpointPolicy: { everyUpdates: config.CHECKPOINT_EVERY_UPDATES, everyBytes: config.CHECKPOINT_EVERY_BYTES },
    logger: app.log,
  });
  const secret = resolveSessionSecret(config.SESSION_SECRET, config.DATA_DIR);
  const tokens = new CollabTokens(secret, config.COLLAB_TOKEN_TTL_SECONDS);
  const sessions = new Sessions(accounts, {
    ttlHours: config.SESSION_TTL_HOURS,
    secureCookie: config.PUBLIC_URL?.startsWith('https:') ?? false,
  });
  const planService = new PlanService(plans, documents);
  const services: Services = { config, accounts, plans, documents, rooms, planService, tokens, sessions };
  app.decorate('samplan', services);

  installErrorHandler(app);
  await app.register(fastifyCookie);
  // Frames up to twice the limit are read and refused with 4413; larger ones are cut off by ws itself (1009).
  await app.register(fastifyWebsocket, { options: { maxPayload: config.MAX_MESSAGE_BYTES * 2 } });
  await app.register(healthRoutes, { documents });
  await app.register(authRoutes, { accounts, sessions, allowRegistration: config.ALLOW_REGISTRATION });
  await app.register(planRoutes, { sessions, plans, planService, tokens });
  await app.register(collabRoute, {
    rooms,
    plans,
    sessions,
    tokens,
    maxMessageBytes: config.MAX_MESSAGE_BYTES,
    publicUrl: config.PUBLIC_URL,
  });
  await registerWebApp(app, resolve(config.WEB_DIST));

  app.addHook('preClose', async () => {
    await rooms.closeAll(CloseCode.goingAway, 'server shutting down');
  });
  app.addHook('onClose', async () => {
    await documents.close();
  });
  return app;
}

/** Serves the built web app, with index.html for client-side routes. */
async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  if (!existsSync(resolve(root, 'index.html'))) return;
  await app.register(fastifyStatic, { root, wildcard: false });
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Fant ikke ressursen' } });
    }
    return reply.sendFile('index.html');
  });
}
