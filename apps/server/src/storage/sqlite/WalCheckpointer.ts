import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './openSqlite.ts';

/** Runs in the worker: its own connection checkpoints the WAL without ever blocking a writer. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

/**
 * Moves the WAL into the database file from a worker thread. SQLite's automatic checkpoint runs on the
 * committing connection and fsyncs there, which stalled the event loop (up to 25 ms each, measured in the
 * bench), delaying every peer's updates; here the main connection only ever appends to the WAL.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly db: SqliteDatabase;

  constructor(db: SqliteDatabase, options: { intervalMs?: number; onError?: (message: string) => void } = {}) {
    this.db = db;
    db.pragma('wal_autocheckpoint = 0');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        path: db.name,
        intervalMs: options.intervalMs ?? 1000,
      },
    });
    this.worker.on('message', (message: string) => options.onError?.(message));
    this.worker.unref();
  }

  /** Stops the worker and checkpoints what is left, so the WAL is empty when the server has stopped. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    // Unref'd while running; while stopping, the worker must keep the process alive until it has exited.
    this.worker.ref();
    this.worker.postMessage('stop');
    await exited;
    if (this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
