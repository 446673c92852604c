/**
 * Exports over HTTP on a real server holding the Rivierenland example, loaded by a real
 * client: every format, the JSON round trip through import, file names, errors and the CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode } from 'fast-png';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseBoard } from '../../shared/analysis';
import type { BoardJson } from '../../shared/boardJson';
import { loadBoardJson } from '../../shared/boardJson';
import { readBoard } from '../../shared/readBoard';
import { PDF_VECTOR_MAX_ITEMS } from '../../server/export/pdf';
import { syntheticBoard } from '../bench/boards';
import { exampleBoard, loadBoardInto } from '../support/loadExample';
import { toolAvailable } from '../support/tools';
import { createBoard, startTestServer, waitFor, type TestBoard, type TestServer } from './helpers';
import * as Y from 'yjs';

let server: TestServer;
let board: TestBoard;
const example = exampleBoard() as BoardJson;

async function download(format: string, token = board.tokens.viewer, id = board.id, extra = '') {
  const res = await fetch(`${server.http}/api/boards/${id}/export?format=${format}${extra}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  server = await startTestServer();
  board = await createBoard(server, 'Small wins Rivierenland');
  await loadBoardInto(server.http, board.id, board.tokens.facilitator, example);
});

afterAll(async () => {
  await server.stop();
});

describe('export', () => {
  it('JSON export imports as a new board with the same ids, kinds, fields and text', async () => {
    const { res, body } = await download('json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const exported = JSON.parse(body.toString('utf8')) as BoardJson;
    expect(exported.format).toBe('olievlek-board');
    expect(exported.schemaVersion).toBe(1);
    const imported = await fetch(`${server.http}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body,
    });
    expect(imported.status).toBe(201);
    const created = (await imported.json()) as TestBoard & { problems: unknown[] };
    expect(created.problems).toEqual([]);
    expect(created.urls.facilitator).toContain(`/b/${created.id}#`);
    const again = await download('json', created.tokens.viewer, created.id);
    const reexported = JSON.parse(again.body.toString('utf8')) as BoardJson;
    const sorted = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sorted(reexported.items)).toEqual(sorted(example.items));
    expect(sorted(reexported.links)).toEqual(sorted(example.links));
    expect(reexported.votes).toEqual(example.votes);
    expect(reexported.meta.title).toBe(example.meta.title);
  });

  it('refuses an import that is not a board', async () => {
    const res = await fetch(`${server.http}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_board');
  });

  it('PNG decodes at twice the board extent and is not blank', async () => {
    const svg = (await download('svg')).body.toString('utf8');
    const viewBox = svg.match(/viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/);
    const [w, h] = [Number(viewBox?.[3]), Number(viewBox?.[4])];
    const { res, body } = await download('png');
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = decode(body);
    expect(png.width).toBe(Math.ceil(w * 2));
    expect(png.height).toBe(Math.ceil(h * 2));
    // Board extent: every item lies inside the image (w, h cover all items plus padding).
    const items = readBoard(docOf(example)).items;
    const minX = Math.min(...items.map((i) => Math.min(i.x, i.x + (i.kind === 'boundary' ? i.w : 0))));
    expect(Number(viewBox?.[1])).toBeLessThan(minX);
    const colours = new Set<number>();
    const data = png.data;
    const step = png.channels;
    for (let i = 0; i < data.length; i += step * 97)
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    expect(colours.size).toBeGreaterThan(20);
  });

  it('SVG parses and holds every item text, escaped', async () => {
    const { res, body } = await download('svg');
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = body.toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    // XMLParser decodes the escapes; wrapping may cut a word across lines, so compare without spaces.
    const texts = textsOf(new XMLParser().parse(svg)).join('').replace(/\s+/g, '');
    for (const item of example.items) expect(texts).toContain(item.text.replace(/\s+/g, ''));
  });

  it('Markdown lists every path', async () => {
    const { res, body } = await download('md');
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = body.toString('utf8');
    const analysis = analyseBoard(readBoard(docOf(example)));
    const listed = md.split('\n').filter((line) => /^\d+\. .*draagt bij aan→/.test(line));
    expect(listed).toHaveLength(analysis.paths.length);
  });

  it.runIf(toolAvailable('pdftoppm', 'poppler-utils'))(
    'PDF renders with pdftoppm and holds the report',
    async () => {
      const { res, body } = await download('pdf');
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const dir = mkdtempSync(path.join(tmpdir(), 'olievlek-pdf-'));
      const file = path.join(dir, 'board.pdf');
      writeFileSync(file, body);
      execFileSync('pdftoppm', ['-r', '20', '-png', file, path.join(dir, 'page')]);
      const page = decode(readFileSync(path.join(dir, 'page-1.png')));
      expect(page.width).toBeGreaterThan(100);
      const text = execFileSync('pdftotext', [file, '-']).toString('utf8');
      expect(text).toContain('Paden naar de ambities');
      expect(text).toContain('Small wins per status');
      expect(text.replace(/\s+/g, ' ')).toContain('Twaalf boeren in de Tielerwaard');
    },
  );

  it('draws the board page of a PDF as a picture above PDF_VECTOR_MAX_ITEMS, keeping the report', async () => {
    const json = syntheticBoard(PDF_VECTOR_MAX_ITEMS + 1, 100);
    const imported = await fetch(`${server.http}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    const big = (await imported.json()) as TestBoard;
    const { res, body } = await download('pdf', big.tokens.viewer, big.id);
    expect(res.status).toBe(200);
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.toString('latin1')).toContain('/Subtype /Image');
    if (toolAvailable('pdftotext', 'poppler-utils')) {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'olievlek-pdf-')), 'big.pdf');
      writeFileSync(file, body);
      expect(execFileSync('pdftotext', [file, '-']).toString('utf8')).toContain('Kleine stap 1500');
    }
  });

  it('names files <title>-<date>.<ext> safely, even for a hostile title', async () => {
    const hostile = await createBoard(server, '../../etc/passwd "quoted"\nline', 'en');
    const { res } = await download('json', hostile.tokens.viewer, hostile.id);
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="etc-passwd-quoted-line-\d{4}-\d{2}-\d{2}\.json"/);
    expect(disposition).not.toContain('/');
    expect(disposition).not.toContain('\n');
  });

  it('answers 400 for an unknown format, 401 without a token and 404 for an unknown board', async () => {
    expect((await download('gif')).res.status).toBe(400);
    expect((await download('png', 'wrong')).res.status).toBe(401);
    expect((await download('png', board.tokens.viewer, 'nosuchboard0')).res.status).toBe(404);
    expect((await download('png', board.tokens.viewer, board.id, '&snapshot=nope')).res.status).toBe(404);
  });
});

describe('export CLI', () => {
  it('exports from DATA_DIR without a server and explains mistakes', async () => {
    // The server keeps the board loaded; wait until it has stored and unloaded it.
    await waitFor(() => server.rooms.size === 0, 'rooms to unload');
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'olievlek-cli-')), 'board.png');
    const run = (...args: string[]) =>
      spawnSync('npx', ['tsx', 'server/cli/export.ts', ...args], {
        env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
    const ok = run(board.id, '--format', 'png', '--out', out);
    expect(ok.stderr).toContain('wrote');
    expect(ok.status).toBe(0);
    expect(decode(readFileSync(out)).width).toBeGreaterThan(1000);
    const unknownBoard = run('nosuchboard0', '--format', 'png');
    expect(unknownBoard.status).toBe(2);
    expect(unknownBoard.stderr).toContain('no board "nosuchboard0"');
    const unknownFormat = run(board.id, '--format', 'gif');
    expect(unknownFormat.status).toBe(2);
    expect(unknownFormat.stderr).toContain('unknown format "gif"');
  });
});

function textsOf(node: unknown): string[] {
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node && typeof node === 'object') return Object.values(node).flatMap(textsOf);
  return [];
}

function docOf(json: unknown): Y.Doc {
  const doc = new Y.Doc();
  loadBoardJson(doc, json);
  return doc;
}
