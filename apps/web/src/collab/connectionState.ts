import { CloseCode } from '@samplan/protocol';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'failed';
export type ConnectionFailure = 'unauthenticated' | 'notFound' | 'forbidden' | 'other';

export interface ConnectionSnapshot {
  state: ConnectionState;
  /** The plan has been loaded from the server at least once. */
  loaded: boolean;
  /** Local changes made while not connected, not yet confirmed as sent. */
  pending: number;
  failure: ConnectionFailure | null;
}

export interface ProviderFacts {
  online: boolean;
  status: 'connected' | 'connecting' | 'disconnected';
  synced: boolean;
  /** Whether we were connected and synced at some point before. */
  everSynced: boolean;
  failure: ConnectionFailure | null;
}

/** What the user is told about the connection, from the provider's raw facts. */
export function connectionStateOf(facts: ProviderFacts): ConnectionState {
  if (facts.failure) return 'failed';
  if (!facts.online) return 'offline';
  if (facts.status === 'connected' && facts.synced) return 'connected';
  return facts.everSynced ? 'reconnecting' : 'connecting';
}

/** Maps a websocket close code (packages/protocol CloseCode) to why we stopped. */
export function failureOfCloseCode(code: number): ConnectionFailure {
  if (code === CloseCode.unauthenticated) return 'unauthenticated';
  if (code === CloseCode.planNotFound) return 'notFound';
  if (code === CloseCode.forbidden) return 'forbidden';
  return 'other';
}
