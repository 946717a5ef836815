import { createServer, connect, type Socket } from 'node:net';

export interface Balancer {
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

/**
 * A stand-in for the reverse proxy in front of several instances (TCP, so websocket upgrades pass as they are):
 * each new connection goes to the first target in `ports` that accepts it. When an instance dies, its connections
 * end and the clients' reconnects reach the next one.
 */
export async function startBalancer(ports: readonly number[]): Promise<Balancer> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    track(client);
    client.pause();
    const tryTarget = (index: number): void => {
      if (index >= ports.length || client.destroyed) return void client.destroy();
      const upstream = connect(ports[index]!, '127.0.0.1');
      let connected = false;
      upstream.once('error', () => {
        if (!connected) tryTarget(index + 1);
      });
      upstream.once('connect', () => {
        connected = true;
        track(upstream);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryTarget(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    wsUrl: `ws://127.0.0.1:${address.port}/collab`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
