import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { CloseCode, COLLAB_PATH, userColor } from '@samplan/protocol';
import type { SocketAuthenticator } from '../access/SocketAuthenticator.ts';
import { SocketRefused } from '../access/SocketRefused.ts';
import { isFamilyRole, writableParts } from '../access/roles.ts';
import { sameOrigin } from '../auth/sameOrigin.ts';
import type { Sessions } from '../auth/Sessions.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import type { ConnectionCaps } from './ConnectionCaps.ts';
import { createPeer, type Peer, type PeerSocket } from './Peer.ts';
import type { Room } from './Room.ts';
import type { RoomManager } from './RoomManager.ts';

export interface CollabRouteOptions {
  rooms: RoomManager;
  authenticator: SocketAuthenticator;
  accessLog: AccessLog;
  sessions: Sessions;
  limits: ConnectionCaps;
  maxMessageBytes: number;
  /** Each socket is pinged this often; one that has not answered (or sent anything) since the last is cut. */
  heartbeatMs: number;
  /** A socket with more unsent bytes than this is dropped (4408). */
  maxBufferedBytes: number;
  /** Origins allowed to use the session cookie on the websocket (besides same-host). */
  publicUrl: string | undefined;
}

/** `WS /collab/:planId?token=…`: authenticates, then hands the socket to the plan's Room. */
export async function collabRoute(app: FastifyInstance, options: CollabRouteOptions): Promise<void> {
  const { rooms, maxMessageBytes } = options;
  // One timer for all sockets: silent ones (gone, or stuck halfway through a frame) are cut, so they free their
  // slot under the connection caps.
  const alive = new Map<WebSocket, boolean>();
  const heartbeat = setInterval(() => {
    for (const [socket, answered] of alive) {
      if (!answered) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      try {
        socket.ping();
      } catch {
        socket.terminate();
      }
    }
  }, options.heartbeatMs);
  heartbeat.unref();
  app.addHook('onClose', async () => clearInterval(heartbeat));

  app.get<{ Params: { planId: string }; Querystring: { token?: string } }>(
    `${COLLAB_PATH}/:planId`,
    { websocket: true },
    (socket, request) => {
      const planId = request.params.planId;
      const adapter = socketAdapter(socket, options.maxBufferedBytes);
      alive.set(socket, true);
      socket.on('pong', () => alive.set(socket, true));
      let buffered: Uint8Array[] | null = [];
      let joined: { room: Room; peer: Peer } | null = null;
      let closed = false;
      let release: (() => void) | null = null;

      socket.on('message', (data, isBinary) => {
        if (closed) return;
        alive.set(socket, true);
        if (!isBinary) return adapter.close(CloseCode.badMessage, 'binary frames only');
        const frame = toUint8Array(data);
        if (frame.byteLength > maxMessageBytes) return adapter.close(CloseCode.messageTooLarge, 'message too large');
        if (joined) joined.room.receive(joined.peer, frame);
        else buffered?.push(frame);
      });
      socket.on('close', () => {
        alive.delete(socket);
        closed = true;
        buffered = null;
        release?.();
        if (joined) joined.room.leave(joined.peer);
      });
      socket.on('error', (err) => request.log.warn({ err: err.message }, 'websocket error'));

      const credentials = {
        planId,
        token: request.query.token,
        // A cookie is only trusted from our own pages, so another site cannot open a socket as the user.
        session: async () => {
          if (!sameOrigin(request, options.publicUrl)) return undefined;
          const current = await options.sessions.current(request);
          return current && { user: current.user, sessionId: current.sessionId };
        },
      };
      options.authenticator
        .authenticate(credentials)
        .then(async ({ user, sessionId, role }) => {
          const userId = user.id;
          if (closed) return;
          release = await options.limits.acquire(userId, planId, isFamilyRole(role));
          if (closed) return release?.();
          if (!release) throw new SocketRefused(CloseCode.tooManyConnections, 'TOO_MANY_CONNECTIONS');
          const parts = writableParts(role);
          await options.accessLog.record(planId, user, 'plan.opened', {
            via: 'websocket',
            canWrite: parts.size > 0,
          });
          if (closed) return release();
          const presence = { id: userId, name: user.name, color: userColor(userId), role };
          const peer = createPeer(adapter, presence, parts, sessionId);
          const room = await rooms.join(planId, peer);
          if (closed) return room.leave(peer);
          // A logout, a revocation or a consent withdrawn while this socket was joining closed nobody (it was in no
          // room yet, on this instance or another): all of it is asked again, now that the room will hear the next.
          try {
            await options.authenticator.authenticate(credentials);
          } catch (error) {
            room.leave(peer);
            throw error;
          }
          if (closed) return room.leave(peer);
          joined = { room, peer };
          const pending = buffered ?? [];
          buffered = null;
          for (const frame of pending) room.receive(peer, frame);
        })
        .catch((error: unknown) => {
          if (error instanceof SocketRefused) return adapter.close(error.closeCode, error.message);
          request.log.error({ err: error }, 'websocket setup failed');
          adapter.close(CloseCode.serverError, 'server error');
        });
    },
  );
}

function socketAdapter(socket: WebSocket, maxBufferedBytes: number): PeerSocket {
  return {
    send(data) {
      if (socket.readyState !== socket.OPEN) return;
      // A reader that does not read would make the server hold everything for it: drop it; it reconnects.
      if (socket.bufferedAmount > maxBufferedBytes) {
        socket.close(CloseCode.tooSlow, 'TOO_SLOW');
        socket.terminate();
        return;
      }
      socket.send(data);
    },
    close(code, reason) {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reason);
    },
  };
}

function toUint8Array(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
