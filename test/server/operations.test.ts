/**
 * What operators and load balancers ask a running server (issue 13, point 9): /healthz,
 * /readyz against real storage, /metrics behind METRICS_TOKEN with an instance label.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../../server/storage/sqliteStorage';
import { startTestServer, type TestServer } from './helpers';
import { seriesValue } from './promText';

let server: TestServer | undefined;
const dirs: string[] = [];

afterEach(async () => {
  await server?.stop();
  server = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const get = (route: string, headers: Record<string, string> = {}) =>
  fetch(`${server!.http}${route}`, { headers });

/** A SQLite store in a fresh directory, for a test that closes it under the server. */
function sqlite() {
  const dir = mkdtempSync(path.join(tmpdir(), 'olievlek-ops-'));
  dirs.push(dir);
  return createSqliteStorage(dir);
}

describe('/healthz and /readyz', () => {
  it('is alive and ready while storage answers', async () => {
    server = await startTestServer();
    expect((await get('/healthz')).status).toBe(200);
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is alive but not ready once storage stops answering', async () => {
    const storage = sqlite();
    server = await startTestServer({}, storage);
    await storage.close();
    expect((await get('/healthz')).status).toBe(200);
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not_ready', reason: 'storage unreachable' });
  });

  it('probes a store without ping() by a lookup', async () => {
    const storage = sqlite();
    server = await startTestServer({}, { ...storage, ping: undefined });
    expect((await get('/readyz')).status).toBe(200);
    await storage.close();
    expect((await get('/readyz')).status).toBe(503);
  });

  it('is not ready from the moment shutdown starts', async () => {
    server = await startTestServer();
    const closing = server.close();
    expect(await server.readiness.check()).toEqual({ ready: false, reason: 'shutting down' });
    await closing;
  });
});

describe('/metrics', () => {
  const token = 'scraper-secret-0123456789';

  it('answers only the bearer of METRICS_TOKEN when it is set', async () => {
    server = await startTestServer({ metricsToken: token, instanceId: 'olievlek-a' });
    const none = await get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await get('/metrics', { authorization: 'Bearer wrong-secret-0123456789' })).status).toBe(401);
    expect((await get('/metrics', { authorization: `Basic ${token}` })).status).toBe(401);
    const ok = await get('/metrics', { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(seriesValue(text, 'olievlek_connections')).toBe(0);
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
      expect(line).toContain('instance="olievlek-a"');
    }
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('is open without METRICS_TOKEN, labelled hostname:port', async () => {
    server = await startTestServer();
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`olievlek_rooms{instance="${hostname()}:${server.port}"}`);
  });
});
