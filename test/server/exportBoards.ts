/** Boards for the export and import limit tests, imported over HTTP so they build in seconds. */
import type { BoardJson } from '../../shared/boardJson';
import { itemToYMap } from '../../shared/ydoc';
import { syntheticBoard } from '../bench/boards';
import type { TestBoard, TestClient } from './helpers';
import { seriesValue } from './promText';

/** A 10,000-character word without spaces. */
export const LONG_WORD = 'Waterschapsbestuursvergadering'.repeat(334).slice(0, 10_000);

/** A small board whose cards hold `LONG_WORD`. */
export function longWordBoard(): BoardJson {
  const json = syntheticBoard(12, 4);
  json.items = json.items.map((item, i) => (i < 4 ? { ...item, text: LONG_WORD } : item));
  return json;
}

/** Imports `json` as a new board (the server must allow its size). */
export async function importBoard(server: { http: string }, json: unknown): Promise<TestBoard> {
  const res = await fetch(`${server.http}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  if (res.status !== 201) throw new Error(`import: ${res.status} ${await res.text()}`);
  return (await res.json()) as TestBoard;
}

/** Starts an export request; resolves with its status and body. */
export async function exportOf(
  server: { http: string },
  board: TestBoard,
  format: string,
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${server.http}/api/boards/${board.id}/export?format=${format}`, {
    headers: { authorization: `Bearer ${board.tokens.viewer}` },
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** The value of one series on /metrics (0 when absent). */
export async function metric(server: { http: string }, series: string): Promise<number> {
  return seriesValue(await (await fetch(`${server.http}/metrics`)).text(), series);
}

/** Adds a note through `client` (a valid item, as the app writes it). */
export function addNote(client: TestClient, id: string, text: string): void {
  client.doc.getMap('items').set(
    id,
    itemToYMap({
      id,
      kind: 'note',
      x: 0,
      y: 0,
      w: 200,
      h: 100,
      text,
      index: 'a0',
      createdBy: 'tester',
      createdAt: Date.now(),
    }),
  );
}
