/**
 * The export protections of issue 12 on a real server: a board's export is rendered once per
 * document state (repeats come from the cache, simultaneous requests share one job), exports
 * beyond the per-board and per-server limits are refused with Retry-After, and a job past its
 * time or memory budget ends in a clear error while the server keeps serving.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticBoard } from '../bench/boards';
import { addNote, exportOf, importBoard, metric } from './exportBoards';
import { connectSynced, startTestServer, waitFor, type TestServer } from './helpers';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const renders = (format: string, outcome = 'ok') =>
  metric(server!, `olievlek_export_renders_total{format="${format}",outcome="${outcome}"}`);

describe('export cache', () => {
  it('renders a board once per state, however often and however many ask', async () => {
    server = await startTestServer();
    const board = await importBoard(server, syntheticBoard(300, 100));
    const first = await exportOf(server, board, 'svg');
    expect(first.status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const again = await exportOf(server, board, 'svg');
      expect(again.status).toBe(200);
      expect(again.body.equals(first.body)).toBe(true);
    }
    expect(await renders('svg')).toBe(1);
    expect(await metric(server, 'olievlek_export_cache_hits_total{format="svg"}')).toBe(5);

    // Twenty viewers at once: one job.
    const answers = await Promise.all(Array.from({ length: 20 }, () => exportOf(server!, board, 'png')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await renders('png')).toBe(1);

    // An edit is a new state: rendered again, once, and the new text is in it.
    const client = await connectSynced(server, board.id, board.tokens.participant);
    addNote(client, 'fresh', 'Nieuwe kaart');
    await client.roundTrip();
    const edited = await exportOf(server, board, 'svg');
    expect(edited.body.toString('utf8')).toContain('Nieuwe kaart');
    await exportOf(server, board, 'svg');
    expect(await renders('svg')).toBe(2);
    client.destroy();
  });
});

describe('export concurrency', () => {
  it('refuses more different exports of one board than EXPORTS_PER_BOARD with 429', async () => {
    server = await startTestServer({ exportsPerBoard: 1 });
    const board = await importBoard(server, syntheticBoard(300, 100));
    const [pdf, md] = await Promise.all([exportOf(server, board, 'pdf'), exportOf(server, board, 'md')]);
    expect(pdf.status).toBe(200);
    expect(md.status).toBe(429);
    expect(md.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.parse(md.body.toString('utf8')).error.code).toBe('export_board_busy');
    // Once the first is done there is room again.
    expect((await exportOf(server, board, 'md')).status).toBe(200);
  });

  it('refuses exports beyond the workers and queue with 503', async () => {
    server = await startTestServer({ exportWorkers: 1, exportQueue: 1 });
    const boards = await Promise.all([0, 1, 2].map(() => importBoard(server!, syntheticBoard(200, 50))));
    const answers = await Promise.all(boards.map((b) => exportOf(server!, b, 'svg')));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 503]);
    const refused = answers.find((a) => a.status === 503)!;
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.parse(refused.body.toString('utf8')).error.code).toBe('export_server_busy');
    expect(await metric(server, 'olievlek_export_refused_total{reason="server_busy"}')).toBe(1);
  });
});

describe('export budgets', () => {
  /** The server answers health checks, relays edits and makes a small export. */
  async function stillServes(s: TestServer) {
    expect((await fetch(`${s.http}/healthz`)).status).toBe(200);
    const small = await importBoard(s, syntheticBoard(20, 5));
    const a = await connectSynced(s, small.id, small.tokens.participant);
    const b = await connectSynced(s, small.id, small.tokens.participant);
    addNote(a, 'after', 'na de mislukte export');
    await waitFor(() => b.doc.getMap('items').has('after'), 'edit relayed');
    a.destroy();
    b.destroy();
    expect((await exportOf(s, small, 'svg')).status).toBe(200);
  }

  it('stops a job past its time budget with 504, not the jobs waiting behind it, and keeps serving', async () => {
    server = await startTestServer({
      exportWorkers: 1,
      exportTimeoutMs: 8_000,
      maxImportItems: 20_000,
      maxImportBytes: 64 * 1024 * 1024,
    });
    const big = await importBoard(server, syntheticBoard(20_000, 2_000));
    const small = await importBoard(server, syntheticBoard(20, 5));
    // One worker: the small SVG waits the big PDF's 8 s, which its own budget does not count.
    const [answer, waited] = await Promise.all([
      exportOf(server, big, 'pdf'),
      exportOf(server, small, 'svg'),
    ]);
    expect(answer.status).toBe(504);
    expect(waited.status).toBe(200);
    const error = JSON.parse(answer.body.toString('utf8')).error;
    expect(error.code).toBe('export_timeout');
    expect(error.message).toContain('8000 ms');
    expect(await renders('pdf', 'timeout')).toBe(1);
    // Asking again for the same state answers the same error without another 8 s of work.
    expect((await exportOf(server, big, 'pdf')).status).toBe(504);
    expect(await renders('pdf', 'timeout')).toBe(1);
    await stillServes(server);
  });

  it('stops a job past its memory budget with 503 and keeps serving', async () => {
    // 128 MB loads a 1,000-item board but cannot hold its PDF drawn as vectors.
    server = await startTestServer({ exportMemoryMb: 128 });
    const big = await importBoard(server, syntheticBoard(1_000, 300));
    const answer = await exportOf(server, big, 'pdf');
    expect(answer.status).toBe(503);
    const error = JSON.parse(answer.body.toString('utf8')).error;
    expect(error.code).toBe('export_memory');
    expect(error.message).toContain('128 MB');
    expect(await renders('pdf', 'memory')).toBe(1);
    await stillServes(server);
  });
});
