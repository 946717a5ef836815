/**
 * The relay floor: the least a y-websocket server can do under the bench's load. It forwards every frame a
 * peer sends to the other peers of its room, unparsed, with `ws` (the version our server uses). It keeps no
 * state, so a peer that joins learns the room's content from the others, as over a peer-to-peer signalling
 * relay: its SyncStep1 is forwarded too, each other peer answers with a SyncStep2 of what it lacks, and the
 * floor itself answers with an empty SyncStep2 so that a peer alone in its room reports `synced`. No Yjs, no
 * persistence, no authentication, no awareness state. Whatever it costs per delivered update is what any server that sends
 * each update to each peer as its own websocket message pays at least (bench/README.md).
 *
 * Run by bench/lib/servers.ts as `node --import tsx bench/relayFloor.ts` with PORT and HOST.
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const MESSAGE_SYNC = 0;
const SYNC_STEP1 = 0;
/** sync, step 2, an empty update (no structs, no deletions). */
const EMPTY_STEP2 = new Uint8Array([0, 1, 2, 0, 0]);

const rooms = new Map<string, Set<WebSocket>>();
const http = createServer((_request, response) => response.end('relay floor'));
const wss = new WebSocketServer({ server: http });

wss.on('connection', (socket, request) => {
  const room = new URL(request.url ?? '/', 'http://floor').pathname;
  let peers = rooms.get(room);
  if (!peers) rooms.set(room, (peers = new Set()));
  peers.add(socket);
  socket.on('message', (data: Buffer, isBinary) => {
    if (!isBinary) return;
    if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP1) socket.send(EMPTY_STEP2);
    for (const peer of peers) if (peer !== socket && peer.readyState === peer.OPEN) peer.send(data);
  });
  socket.on('close', () => {
    peers.delete(socket);
    if (peers.size === 0) rooms.delete(room);
  });
});

http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const socket of wss.clients) socket.terminate();
    http.close(() => process.exit(0));
  });
}
