import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of a real server that can freeze like a SIGSTOPped process: connections
 * stay open and bytes are accepted, but nothing is forwarded and nothing answers.
 */
export interface FreezableProxy {
  port: number;
  freeze(): void;
  close(): Promise<void>;
}

export async function startFreezableProxy(targetHost: string, targetPort: number): Promise<FreezableProxy> {
  let frozen = false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  };
  const server: Server = createServer((client) => {
    track(client);
    if (frozen) return; // accepted, never answered: reads are swallowed
    const upstream = connect(targetPort, targetHost);
    track(upstream);
    client.on('data', (chunk) => void (!frozen && upstream.write(chunk)));
    upstream.on('data', (chunk) => void (!frozen && client.write(chunk)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    freeze: () => void (frozen = true),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port that accepts connections and never says a word (a black hole). */
export async function startSilentPort(): Promise<FreezableProxy> {
  return startFreezableProxy('127.0.0.1', 1).then((proxy) => {
    proxy.freeze();
    return proxy;
  });
}
