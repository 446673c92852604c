/**
 * Issue 12, finding 9 on the HTTP side: every answer carries a CSP and refuses framing,
 * source maps are never served, and a forged Host header never ends up in a link.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

let server: TestServer;
let withPublicUrl: TestServer;
const clientDir = mkdtempSync(path.join(tmpdir(), 'olievlek-client-'));

beforeAll(async () => {
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Olievlek</title>');
  mkdirSync(path.join(clientDir, 'assets'));
  writeFileSync(path.join(clientDir, 'assets', 'index-abc123.js'), 'console.log(1)\n//# sourceMappingURL=x');
  writeFileSync(path.join(clientDir, 'assets', 'index-abc123.js.map'), '{"sources":["secret.ts"]}');
  server = await startTestServer({ clientDir, publicUrl: undefined });
  withPublicUrl = await startTestServer({ clientDir, publicUrl: 'https://olievlek.example/' });
});

afterAll(async () => {
  await server.stop();
  await withPublicUrl.stop();
  rmSync(clientDir, { recursive: true, force: true });
});

/** A raw HTTP request, so the Host header can be anything (fetch does not allow setting it). */
function send(
  target: TestServer,
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: target.port, method, path: pathname, headers, setHost: !headers.host },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const createWithHost = (target: TestServer, host: string) =>
  send(
    target,
    'POST',
    '/api/boards',
    { host, 'content-type': 'application/json' },
    JSON.stringify({ title: 'Rivierenland', language: 'nl' }),
  );

describe('security headers', () => {
  it('gives the app a CSP that allows only its own scripts and forbids framing', async () => {
    for (const pathname of ['/', '/b/abcdefghijkl', '/assets/index-abc123.js']) {
      const res = await send(server, 'GET', pathname);
      expect(res.status).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('gives API answers and errors a policy that allows nothing', async () => {
    for (const [method, pathname] of [
      ['GET', '/api/boards/unknown-board-id'],
      ['GET', '/api/nothing'],
      ['GET', '/healthz'],
      ['POST', '/api/boards'],
    ] as const) {
      const res = await send(
        server,
        method,
        pathname,
        { 'content-type': 'application/json' },
        method === 'POST' ? '{' : undefined,
      );
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });
});

describe('source maps', () => {
  it('never serves a map, even one left beside the assets, nor the page for a missing asset', async () => {
    expect((await send(server, 'GET', '/assets/index-abc123.js.map')).status).toBe(404);
    expect((await send(server, 'GET', '/assets/missing-123.js.map')).status).toBe(404);
    expect((await send(server, 'GET', '/assets/missing-123.js')).status).toBe(404);
    expect((await send(server, 'GET', '/index.js.map')).status).toBe(404);
  });
});

describe('links without PUBLIC_URL', () => {
  it('never puts a forged Host into the answer; the board is made and its tokens returned', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${server.port}`,
      'localhost.evil.example',
      `127.0.0.1.nip.io:${server.port}`,
    ]) {
      const res = await createWithHost(server, host);
      expect(res.status).toBe(201);
      expect(res.text).not.toContain('evil');
      expect(res.text).not.toContain('nip.io');
      for (const value of Object.values(res.headers)) expect(String(value)).not.toContain('evil');
      const body = JSON.parse(res.text) as {
        id: string;
        tokens: Record<string, string>;
        urls?: unknown;
        urlsRefused?: { code: string; message: string };
      };
      expect(body.urls).toBeUndefined();
      expect(body.urlsRefused?.code).toBe('public_url_unset');
      expect(body.urlsRefused?.message).toMatch(/PUBLIC_URL/);
      expect(Object.keys(body.tokens)).toEqual(['facilitator', 'participant', 'viewer']);
    }
  });

  it('refuses a loopback Host on another port than this server’s', async () => {
    const res = await createWithHost(server, `localhost:${server.port === 1 ? 2 : server.port - 1}`);
    expect((JSON.parse(res.text) as { urls?: unknown }).urls).toBeUndefined();
  });

  it('builds links for this server on localhost, 127.0.0.1 and [::1]', async () => {
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`]) {
      const res = await createWithHost(server, host);
      const body = JSON.parse(res.text) as {
        id: string;
        tokens: { viewer: string };
        urls: { viewer: string };
      };
      expect(body.urls.viewer).toBe(`http://${host}/b/${body.id}#${body.tokens.viewer}`);
    }
  });

  it('builds links from PUBLIC_URL whatever the Host says', async () => {
    const res = await createWithHost(withPublicUrl, 'evil.example');
    const body = JSON.parse(res.text) as { id: string; tokens: { viewer: string }; urls: { viewer: string } };
    expect(body.urls.viewer).toBe(`https://olievlek.example/b/${body.id}#${body.tokens.viewer}`);
    expect(res.text).not.toContain('evil');
  });
});
