/**
 * The service probes tell a closed port from an open one, honour REQUIRE_SERVICES, and, where
 * PostgreSQL and Redis run, reach the real thing (each answers its own protocol's greeting).
 */
import { createServer, connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  canConnect,
  postgresAddress,
  postgresAvailable,
  redisAddress,
  redisAvailable,
  serviceAddress,
  serviceAvailable,
  type ServiceAddress,
} from './services';

/** A port on which nothing listens: one the system just handed out and took back. */
async function closedPort(): Promise<ServiceAddress> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return { host: '127.0.0.1', port };
}

/** Sends `request` to `address` and resolves with the first bytes of the answer. */
function firstAnswer(address: ServiceAddress, request: Uint8Array | string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(address, () => socket.write(request));
    socket.setTimeout(5000, () => reject(new Error('no answer')));
    socket.once('data', (data: Buffer) => {
      socket.destroy();
      resolve(data);
    });
    socket.once('error', reject);
  });
}

const required = process.env.REQUIRE_SERVICES;
afterEach(() => {
  if (required === undefined) delete process.env.REQUIRE_SERVICES;
  else process.env.REQUIRE_SERVICES = required;
});

describe('service probes', () => {
  it('find nothing on a closed port and something on a listening one', async () => {
    expect(await canConnect(await closedPort())).toBe(false);
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    expect(await canConnect({ host: '127.0.0.1', port })).toBe(true);
    await new Promise((resolve) => server.close(resolve));
  });

  it('skip a missing service, unless REQUIRE_SERVICES=1 makes it a failure', async () => {
    const address = await closedPort();
    delete process.env.REQUIRE_SERVICES;
    expect(await serviceAvailable('Nothing', address)).toBe(false);
    process.env.REQUIRE_SERVICES = '1';
    await expect(serviceAvailable('Nothing', address)).rejects.toThrow(/REQUIRE_SERVICES=1 but Nothing/);
  });

  it('read the address from DATABASE_URL / REDIS_URL, with the standard ports as default', () => {
    const fallback = { host: '127.0.0.1', port: 5432 };
    expect(serviceAddress(undefined, fallback)).toEqual(fallback);
    expect(serviceAddress('postgres://u:p@db.internal:6543/olievlek', fallback)).toEqual({
      host: 'db.internal',
      port: 6543,
    });
    expect(serviceAddress('redis://cache', { host: '127.0.0.1', port: 6379 })).toEqual({
      host: 'cache',
      port: 6379,
    });
  });
});

describe.runIf(await postgresAvailable())('PostgreSQL', () => {
  it('answers an SSL request the way only PostgreSQL does', async () => {
    // SSLRequest: length 8, code 80877103; the server answers one byte, S or N.
    const request = Buffer.alloc(8);
    request.writeInt32BE(8, 0);
    request.writeInt32BE(80877103, 4);
    const answer = await firstAnswer(postgresAddress(), request);
    expect(['S', 'N']).toContain(answer.toString('latin1', 0, 1));
  });
});

describe.runIf(await redisAvailable())('Redis', () => {
  it('answers PING', async () => {
    const answer = (await firstAnswer(redisAddress(), 'PING\r\n')).toString();
    // A password-protected Redis refuses with NOAUTH, which is still Redis answering.
    expect(answer).toMatch(/^(\+PONG|-NOAUTH)/);
  });
});
