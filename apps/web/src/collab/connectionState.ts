import { CloseCode } from '@samplan/protocol';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'failed';
export type ConnectionFailure =
  | 'unauthenticated'
  | 'notFound'
  | 'forbidden'
  | 'consentRequired'
  | 'membershipEnded'
  | 'consentWithdrawn'
  | 'tooManyConnections'
  /** The server refused an edit (4409): the plan is loaded again from the server. */
  | 'updateRefused'
  | 'other';

/** The reason the server gives with 4403 (apps/server: PlanAccess, MembershipService, ConsentService). */
const FORBIDDEN_REASONS: Partial<Record<string, ConnectionFailure>> = {
  CONSENT_REQUIRED: 'consentRequired',
  MEMBERSHIP_ENDED: 'membershipEnded',
  CONSENT_WITHDRAWN: 'consentWithdrawn',
};

/** Failures that mean this user may no longer see the plan at all: the plan is taken off the screen. */
export const ACCESS_ENDED: ReadonlySet<ConnectionFailure> = new Set<ConnectionFailure>([
  'membershipEnded',
  'consentWithdrawn',
  'consentRequired',
  'notFound',
]);

export interface ConnectionSnapshot {
  state: ConnectionState;
  /** The plan has been loaded from the server at least once, or from this browser's copy of it. */
  loaded: boolean;
  /** Local changes made while not connected, not yet confirmed as sent (also those typed before a reload). */
  pending: number;
  failure: ConnectionFailure | null;
  /** Every local change so far is kept in this browser (IndexedDB): a reload or a closed tab loses none of them. */
  keptOnDevice: boolean;
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

/** Maps a websocket close code (packages/protocol CloseCode) and its reason to why we stopped. */
export function failureOfCloseCode(code: number, reason = ''): ConnectionFailure {
  if (code === CloseCode.unauthenticated) return 'unauthenticated';
  if (code === CloseCode.planNotFound) return 'notFound';
  if (code === CloseCode.forbidden) return FORBIDDEN_REASONS[reason] ?? 'forbidden';
  if (code === CloseCode.tooManyConnections) return 'tooManyConnections';
  if (code === CloseCode.updateRefused) return 'updateRefused';
  return 'other';
}
