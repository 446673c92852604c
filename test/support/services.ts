/**
 * External services some tests need (PostgreSQL, Redis). A service counts as available only
 * when a TCP connection to it succeeds; a missing one skips those tests with a message, and
 * with REQUIRE_SERVICES=1 (as CI runs, see .ci/run) it fails them instead.
 *
 *   describe.runIf(await postgresAvailable())('PostgreSQL storage', () => { … });
 */
import { connect } from 'node:net';

/** Where a service listens. */
export interface ServiceAddress {
  readonly host: string;
  readonly port: number;
}

/** How long a connection attempt may take before the service counts as down. */
const CONNECT_TIMEOUT_MS = 2000;

/** The host and port of a URL such as postgres://u:p@db:5432/x, or `fallback` without one. */
export function serviceAddress(url: string | undefined, fallback: ServiceAddress): ServiceAddress {
  if (!url) return fallback;
  const parsed = new URL(url);
  return { host: parsed.hostname || fallback.host, port: Number(parsed.port) || fallback.port };
}

/** Whether a TCP connection to `address` opens within the timeout. */
export function canConnect(address: ServiceAddress, timeoutMs = CONNECT_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address.host, port: address.port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Whether `name` at `address` can be used; throws under REQUIRE_SERVICES=1 when it cannot. */
export async function serviceAvailable(name: string, address: ServiceAddress): Promise<boolean> {
  if (await canConnect(address)) return true;
  const where = `${address.host}:${address.port}`;
  if (process.env.REQUIRE_SERVICES === '1')
    throw new Error(`REQUIRE_SERVICES=1 but ${name} does not answer at ${where}`);
  console.warn(`skipping ${name} tests: nothing answers at ${where}`);
  return false;
}

/** PostgreSQL at DATABASE_URL, else 127.0.0.1:5432. */
export function postgresAddress(): ServiceAddress {
  return serviceAddress(process.env.DATABASE_URL, { host: '127.0.0.1', port: 5432 });
}

/** Redis at REDIS_URL, else 127.0.0.1:6379. */
export function redisAddress(): ServiceAddress {
  return serviceAddress(process.env.REDIS_URL, { host: '127.0.0.1', port: 6379 });
}

/** Whether PostgreSQL tests can run. */
export function postgresAvailable(): Promise<boolean> {
  return serviceAvailable('PostgreSQL', postgresAddress());
}

/** Whether Redis tests can run. */
export function redisAvailable(): Promise<boolean> {
  return serviceAvailable('Redis', redisAddress());
}
