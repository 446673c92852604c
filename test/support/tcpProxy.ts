/**
 * A TCP relay a test can cut: the server under test reaches a shared service (PostgreSQL)
 * through it, so the test can take the service away from that server alone — every open
 * connection dropped, new ones refused — and bring it back on the same port.
 *
 *   const relay = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
 *   … DATABASE_URL=postgres://postgres@127.0.0.1:${relay.port}/test …
 *   await relay.cut();
 *   await relay.restore();
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './freePort';
import type { ServiceAddress } from './services';

/** A relay to one service. */
export interface TcpProxy {
  readonly port: number;
  /** Drops every open connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  /** Stops for good. */
  close(): Promise<void>;
}

/** Starts relaying a free local port to `target`. */
export async function startTcpProxy(target: ServiceAddress): Promise<TcpProxy> {
  const port = await freePort();
  const open = new Set<Socket>();
  let server: Server | null = null;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const relay = createServer((client) => {
        const upstream = connect(target.port, target.host);
        open.add(client).add(upstream);
        for (const socket of [client, upstream]) {
          // A dropped side ends the other; errors are expected when the test cuts.
          socket.on('error', () => {});
          socket.on('close', () => {
            open.delete(socket);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      relay.once('error', reject);
      relay.listen(port, '127.0.0.1', () => {
        server = relay;
        resolve();
      });
    });
  const cut = async () => {
    const stopping = server;
    server = null;
    // close() waits for open connections to end, so they are dropped before it is awaited.
    const closed = stopping ? new Promise((resolve) => stopping.close(resolve)) : null;
    for (const socket of open) socket.destroy();
    open.clear();
    await closed;
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}
