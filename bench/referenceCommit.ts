/**
 * The reference with a commit: `@y/websocket-server`'s own connection handling (its `setupWSConnection` on its own
 * `ws`, as its server.js runs it) plus a persistence that commits every update to SQLite before the reference
 * relays it, which is the one thing our server does per update that the reference does not have to. The commit is
 * ours's: better-sqlite3, WAL, `synchronous = NORMAL`, one row per update in a transaction of its own
 * (`doc_updates`-like: document, seq, bytes, time), written in the document's `update` handler ahead of the
 * reference's relay. No authentication, no checks, no checkpoints: what it costs above the reference is the price
 * of committing before relaying, measured in the same run (bench/README.md).
 *
 * Run by bench/lib/servers.ts as `node --import tsx bench/referenceCommit.ts` with PORT, HOST and DB (the SQLite
 * file, made here).
 */
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { setPersistence, setupWSConnection } from '@y/websocket-server/utils';

type UpdateHandler = (update: Uint8Array, origin: unknown, doc: unknown, transaction: unknown) => void;
/** The part of a `WSSharedDoc` this file touches: its name and lib0's observer sets. */
interface SharedDoc {
  _observers: Map<string, Set<UpdateHandler>>;
  on(name: 'update', handler: UpdateHandler): void;
}
interface WsServer {
  handleUpgrade(request: unknown, socket: unknown, head: unknown, done: (socket: unknown) => void): void;
  clients: Set<{ terminate(): void }>;
}

// The reference's own `ws` (the version its server.js runs on), not ours.
const requireFromReference = createRequire(createRequire(import.meta.url).resolve('@y/websocket-server/utils'));
const { Server } = requireFromReference('ws') as { Server: new (options: { noServer: true }) => WsServer };

const db = new Database(process.env.DB ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE IF NOT EXISTS doc_updates (
  doc TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (doc, seq)
)`);
const lastSeqOf = db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM doc_updates WHERE doc = ?');
const insert = db.prepare('INSERT INTO doc_updates (doc, seq, data, created_at) VALUES (?, ?, ?, ?)');

setPersistence({
  provider: db,
  bindState: (docName: string, ydoc: unknown) => {
    const doc = ydoc as SharedDoc;
    let seq = lastSeqOf.get(docName)?.seq ?? 0;
    const commit: UpdateHandler = (update) => {
      seq += 1;
      insert.run(docName, seq, update, Date.now());
    };
    // Committed before the reference's own handler (registered when the document was made) relays it: lib0 calls
    // a document's handlers in the order they were added.
    const handlers = doc._observers.get('update') ?? new Set<UpdateHandler>();
    const relay = [...handlers];
    handlers.clear();
    doc.on('update', commit);
    for (const handler of relay) doc.on('update', handler);
  },
  writeState: async () => {},
});

const wss = new Server({ noServer: true });
const http = createServer((_request, response) => response.end('reference with a commit'));
http.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws as never, request));
});
http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const socket of wss.clients) socket.terminate();
    http.close(() => {
      db.close();
      process.exit(0);
    });
  });
}
