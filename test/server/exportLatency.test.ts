/**
 * Issue 12's acceptance test: while a viewer exports a 20,000-item board as PDF and another
 * asks for the SVG of a board holding a 10,000-character word, an edit in another room still
 * reaches a second client within 250 ms (real server, real WebsocketProvider clients). Before
 * the fix both exports ran on the event loop and edits waited tens of seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticBoard } from '../bench/boards';
import { addNote, exportOf, importBoard, longWordBoard } from './exportBoards';
import { connectSynced, createBoard, startTestServer, waitFor, type TestServer } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    maxImportItems: 20_000,
    maxImportLinks: 20_000,
    maxImportBytes: 64 * 1024 * 1024,
    exportTimeoutMs: 120_000,
  });
});

afterAll(async () => {
  await server.stop();
});

describe('edits during heavy exports', () => {
  it('arrive within 250 ms while a 20,000-item PDF and a 10,000-character-word SVG render', async () => {
    const big = await importBoard(server, syntheticBoard(20_000, 5_000));
    const word = await importBoard(server, longWordBoard());
    const room = await createBoard(server, 'Elders');
    const a = await connectSynced(server, room.id, room.tokens.participant);
    const b = await connectSynced(server, room.id, room.tokens.participant);

    let pdfDone = false;
    let svgDone = false;
    const started = performance.now();
    const pdf = exportOf(server, big, 'pdf').finally(() => {
      pdfDone = true;
      console.log(`20,000-item PDF answered after ${Math.round(performance.now() - started)} ms`);
    });
    const svg = exportOf(server, word, 'svg').finally(() => (svgDone = true));

    // Edits one after another, from the requests until both exports are answered.
    const latencies: number[] = [];
    for (let i = 0; !pdfDone || !svgDone; i++) {
      const sent = performance.now();
      addNote(a, `n${i}`, `edit ${i}`);
      await waitFor(() => b.doc.getMap('items').has(`n${i}`), `edit ${i} at b`, 60_000);
      latencies.push(performance.now() - sent);
    }
    expect(latencies.length).toBeGreaterThan(50);
    const svgAnswer = await svg;
    expect(svgAnswer.status).toBe(200);
    expect(svgAnswer.body.toString('utf8')).toContain('Waterschaps');
    const worst = Math.max(...latencies);
    console.log(`edit latency during exports: worst ${Math.round(worst)} ms over ${latencies.length} edits`);
    expect(worst).toBeLessThan(250);
    a.destroy();
    b.destroy();
    // The PDF is made in full, as a picture page and the report.
    const pdfAnswer = await pdf;
    expect(pdfAnswer.status).toBe(200);
    expect(pdfAnswer.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
