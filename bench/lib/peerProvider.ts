import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { PeerSpec } from './messages.ts';

/** A load-client peer's connection to its server, whichever protocol that server speaks. */
export interface PeerProvider {
  /** Resolves once the first sync with the server is done. */
  readonly synced: Promise<void>;
  /** Connected now. */
  connected(): boolean;
  /** Connections made so far (1 after the first, more after reconnects). */
  connects(): number;
  /** Whether a Y.Doc update with this origin came from the server (rather than from the peer typing). */
  isRemote(origin: unknown): boolean;
  destroy(): void;
}

function yWebsocketPeer(spec: PeerSpec, doc: Y.Doc): PeerProvider {
  const provider = new WebsocketProvider(spec.url, spec.planId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: spec.token ? { token: spec.token } : {},
    disableBc: true,
  });
  provider.awareness.setLocalStateField('user', { name: `peer ${spec.index}`, color: '#3366cc' });
  let connects = 0;
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') connects++;
  });
  return {
    synced: new Promise((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve()))),
    connected: () => provider.wsconnected,
    connects: () => connects,
    isRemote: (origin) => origin === provider,
    destroy: () => provider.destroy(),
  };
}

/**
 * `@hocuspocus/provider` with a socket of its own per peer, as y-websocket has, so both carry the same messages
 * per edit; Hocuspocus's protocol prefixes each with the document name. Node 20 has no global WebSocket, so the
 * socket is built here with `ws` and attached.
 */
function hocuspocusPeer(spec: PeerSpec, doc: Y.Doc): PeerProvider {
  const socket = new HocuspocusProviderWebsocket({ url: spec.url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: spec.planId, document: doc, token: null });
  provider.attach();
  provider.setAwarenessField('user', { name: `peer ${spec.index}`, color: '#3366cc' });
  let connects = 0;
  socket.on('connect', () => connects++);
  return {
    synced: new Promise((resolve) => (provider.synced ? resolve() : provider.on('synced', () => resolve()))),
    connected: () => socket.status === 'connected',
    connects: () => connects,
    isRemote: (origin) => origin === provider,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

export function connectPeer(spec: PeerSpec, doc: Y.Doc): PeerProvider {
  return spec.protocol === 'hocuspocus' ? hocuspocusPeer(spec, doc) : yWebsocketPeer(spec, doc);
}
