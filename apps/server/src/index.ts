export { buildApp, type Services, type BuildAppOptions } from './buildApp.ts';
export { parseConfig, type Config } from './config/config.ts';
export type {
  DocumentStore,
  LoadedDocument,
  PendingUpdate,
  StoredUpdate,
  Checkpoint,
} from './storage/DocumentStore.ts';
export { SqliteDocumentStore } from './storage/sqlite/SqliteDocumentStore.ts';
export { openSqlite } from './storage/sqlite/openSqlite.ts';
