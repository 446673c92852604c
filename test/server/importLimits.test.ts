/**
 * The import limits of issue 12 (`POST /api/boards/import` needs no token): body size and item
 * count, imports per minute per address, bodies read at once, and the time a body has to
 * arrive, so neither a huge board nor a trickle of never-ending uploads can exhaust the server.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticBoard } from '../bench/boards';
import { metric } from './exportBoards';
import { startTestServer, waitFor, type TestServer } from './helpers';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function postImport(json: unknown) {
  const res = await fetch(`${server!.http}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof json === 'string' ? json : JSON.stringify(json),
  });
  const body = (await res.json()) as { id?: string; error?: { code: string; message: string } };
  return { status: res.status, headers: res.headers, body };
}

/** An upload that sends its headers and a few bytes of a 1 MB body, then nothing more. */
function trickle(): { answer: Promise<{ status: number; connection?: string }>; closed: Promise<void> } {
  const req = request(`${server!.http}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': 1_000_000 },
  });
  const answer = new Promise<{ status: number; connection?: string }>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
    });
    req.on('error', reject);
  });
  const closed = new Promise<void>((resolve) => req.on('close', () => resolve()));
  req.write('{"format": "olievlek-board", ');
  return { answer, closed };
}

describe('import size', () => {
  it('refuses the 50,000-item board of the report, by size and by item count, and stays up', async () => {
    server = await startTestServer();
    const board = syntheticBoard(50_000, 0);
    const bySize = await postImport(board);
    expect(bySize.status).toBe(413);
    expect(bySize.body.error?.code).toBe('body_too_large');
    await server.stop();
    // Even where the bytes are allowed (the old 32 MiB limit), the item count is not.
    server = await startTestServer({ maxImportBytes: 32 * 1024 * 1024 });
    const byCount = await postImport(board);
    expect(byCount.status).toBe(413);
    expect(byCount.body.error?.code).toBe('too_many_items');
    expect(byCount.body.error?.message).toContain('at most 10000 (MAX_IMPORT_ITEMS)');
    expect((await fetch(`${server.http}/healthz`)).status).toBe(200);
  });

  it('refuses more items than MAX_IMPORT_ITEMS with a clear 413', async () => {
    server = await startTestServer({ maxImportItems: 100 });
    const answer = await postImport(syntheticBoard(101, 0));
    expect(answer.status).toBe(413);
    expect(answer.body.error?.code).toBe('too_many_items');
    expect(answer.body.error?.message).toContain('at most 100 (MAX_IMPORT_ITEMS)');
    expect((await postImport(syntheticBoard(100, 0))).status).toBe(201);
  });
});

describe('import rate and concurrency', () => {
  it('allows IMPORTS_PER_MINUTE per address, then 429 with Retry-After', async () => {
    server = await startTestServer({ importsPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await postImport(syntheticBoard(5, 0))).status).toBe(201);
    const refused = await postImport(syntheticBoard(5, 0));
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe('import_rate');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await metric(server, 'olievlek_imports_refused_total{reason="rate"}')).toBe(1);
  });

  it('cuts off a body that does not arrive within IMPORT_BODY_TIMEOUT_MS with 408', async () => {
    server = await startTestServer({ importBodyTimeoutMs: 500 });
    const slow = trickle();
    const answer = await slow.answer;
    expect(answer.status).toBe(408);
    expect(answer.connection).toBe('close');
    await slow.closed;
    expect(await metric(server, 'olievlek_imports_reading')).toBe(0);
  });

  it('reads at most MAX_CONCURRENT_IMPORTS bodies at once (503 beyond) and frees them on timeout', async () => {
    server = await startTestServer({ maxConcurrentImports: 2, importBodyTimeoutMs: 1_500 });
    const slow = [trickle(), trickle()];
    await waitFor(async () => (await metric(server!, 'olievlek_imports_reading')) === 2, 'two uploads read');
    const refused = await postImport(syntheticBoard(5, 0));
    expect(refused.status).toBe(503);
    expect(refused.body.error?.code).toBe('import_busy');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await Promise.all(slow.map((s) => s.answer))).map((a) => a.status)).toEqual([408, 408]);
    expect((await postImport(syntheticBoard(5, 0))).status).toBe(201);
  });
});
