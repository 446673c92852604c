/** The HTTP side: board creation and lookup, validation answers, health, metrics and the SPA. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSynced, createBoard, startTestServer, type TestServer } from './helpers';
import { seriesValue } from './promText';

let server: TestServer;
const clientDir = mkdtempSync(path.join(tmpdir(), 'olievlek-client-'));
beforeAll(async () => {
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Olievlek</title>');
  server = await startTestServer({ publicUrl: 'https://olievlek.example/', clientDir });
});
afterAll(async () => {
  await server.stop();
  rmSync(clientDir, { recursive: true, force: true });
});

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${server.http}/api/boards`, { method: 'POST', headers, body });

describe('POST /api/boards', () => {
  it('creates a board with three distinct, strong tokens and links to the app', async () => {
    const res = await post(JSON.stringify({ title: '  Rivierenland  ', language: 'en', template: 'blank' }));
    expect(res.status).toBe(201);
    const board = (await res.json()) as Awaited<ReturnType<typeof createBoard>>;
    expect(res.headers.get('location')).toBe(`/api/boards/${board.id}`);
    expect(board.id).toMatch(/^[A-Za-z0-9_-]{10,}$/);
    expect(board.title).toBe('Rivierenland');
    const tokens = Object.values(board.tokens);
    expect(new Set(tokens).size).toBe(3);
    // 256 random bits as base64url is 43 characters; at least 128 bits are required.
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(board.urls).toEqual({
      facilitator: `https://olievlek.example/b/${board.id}#${board.tokens.facilitator}`,
      participant: `https://olievlek.example/b/${board.id}#${board.tokens.participant}`,
      viewer: `https://olievlek.example/b/${board.id}#${board.tokens.viewer}`,
    });
    const client = await connectSynced(server, board.id, board.tokens.viewer);
    expect(client.doc.getMap('meta').toJSON()).toEqual({
      schemaVersion: 1,
      title: 'Rivierenland',
      language: 'en',
    });
    client.destroy();
  });

  it('never stores a token in clear', async () => {
    const board = await createBoard(server);
    const { readFileSync, readdirSync } = await import('node:fs');
    const files = readdirSync(server.dataDir).filter((f) => f.startsWith('olievlek.sqlite'));
    const bytes = Buffer.concat(files.map((f) => readFileSync(path.join(server.dataDir, f))));
    for (const token of Object.values(board.tokens)) expect(bytes.includes(Buffer.from(token))).toBe(false);
  });

  it.each([
    ['invalid JSON', '{"title":', 400, 'invalid_json'],
    ['a missing title', '{}', 400, 'invalid_body'],
    ['an empty title', '{"title":"   "}', 400, 'invalid_body'],
    ['a long title', JSON.stringify({ title: 'x'.repeat(201) }), 400, 'invalid_body'],
    ['an unknown language', '{"title":"t","language":"de"}', 400, 'invalid_body'],
    ['an unknown template', '{"title":"t","template":"retro"}', 400, 'invalid_body'],
    ['an unknown field', '{"title":"t","owner":"me"}', 400, 'invalid_body'],
    ['a body that is no object', '[1,2]', 400, 'invalid_body'],
    ['a body over 64 KiB', JSON.stringify({ title: 'x'.repeat(70_000) }), 413, 'body_too_large'],
  ])('answers %s with a clear 4xx', async (_name, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('refuses a body that is not JSON with 415 and other methods with 405', async () => {
    expect((await post('title=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const res = await fetch(`${server.http}/api/boards`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('GET /api/boards/:id', () => {
  it('tells each token its role, by header or query', async () => {
    const board = await createBoard(server, 'Deltaplan');
    for (const [role, token] of Object.entries(board.tokens)) {
      const byHeader = await fetch(`${server.http}/api/boards/${board.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(await byHeader.json()).toMatchObject({ id: board.id, title: 'Deltaplan', role });
      const byQuery = await fetch(`${server.http}/api/boards/${board.id}?token=${token}`);
      expect(await byQuery.json()).toMatchObject({ id: board.id, title: 'Deltaplan', role });
    }
  });

  it('answers 401 without or with a wrong token and 404 for an unknown board', async () => {
    const board = await createBoard(server);
    const other = await createBoard(server);
    expect((await fetch(`${server.http}/api/boards/${board.id}`)).status).toBe(401);
    expect((await fetch(`${server.http}/api/boards/${board.id}?token=nope`)).status).toBe(401);
    expect((await fetch(`${server.http}/api/boards/${board.id}?token=${other.tokens.viewer}`)).status).toBe(
      401,
    );
    expect(
      (await fetch(`${server.http}/api/boards/unknownBoard123?token=${board.tokens.viewer}`)).status,
    ).toBe(404);
    expect((await fetch(`${server.http}/api/nothing`)).status).toBe(404);
  });

  it('reports the live title once the facilitator renamed the board', async () => {
    const board = await createBoard(server, 'Before');
    const facilitator = await connectSynced(server, board.id, board.tokens.facilitator);
    facilitator.doc.getMap('meta').set('title', 'After');
    await facilitator.roundTrip();
    const res = await fetch(`${server.http}/api/boards/${board.id}?token=${board.tokens.viewer}`);
    expect(((await res.json()) as { title: string }).title).toBe('After');
    facilitator.destroy();
  });
});

describe('operations', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${server.http}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('exposes Prometheus metrics', async () => {
    const board = await createBoard(server);
    const client = await connectSynced(server, board.id, board.tokens.participant);
    client.doc.getMap('items').set('m', 1);
    await client.roundTrip();
    const res = await fetch(`${server.http}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(seriesValue(text, 'olievlek_rooms')).toBeGreaterThanOrEqual(2);
    expect(seriesValue(text, 'olievlek_connections')).toBeGreaterThanOrEqual(1);
    for (const series of [
      'olievlek_ws_messages_in_total{type="update"}',
      'olievlek_ws_messages_out_total{type="sync"}',
      'olievlek_ws_bytes_in_total',
      'olievlek_ws_bytes_out_total',
      'olievlek_store_seconds_bucket{le="0.001",op="append"}',
      'olievlek_http_requests_total{route="boards",method="POST",status="201"}',
    ]) {
      expect(seriesValue(text, series), series).toBeGreaterThan(0);
    }
    expect(text).not.toContain(board.tokens.participant);
    client.destroy();
  });

  it('serves the app for /b/<id> and other paths', async () => {
    const res = await fetch(`${server.http}/b/someBoardId1#token`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Olievlek</title>');
  });
});
