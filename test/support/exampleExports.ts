/**
 * Writes docs/examples/: the Rivierenland example board exported as PNG, SVG, PDF and Markdown
 * through a real server, after a real client loaded it. Run: `npx tsx test/support/exampleExports.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createBoard, startTestServer } from '../server/helpers';
import { exampleBoard, loadBoardInto } from './loadExample';

const server = await startTestServer();
try {
  const board = await createBoard(server, 'Small wins Rivierenland: landbouw en water');
  await loadBoardInto(server.http, board.id, board.tokens.facilitator, exampleBoard());
  const dir = new URL('../../docs/examples/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const format of ['png', 'svg', 'pdf', 'md'] as const) {
    const res = await fetch(`${server.http}/api/boards/${board.id}/export?format=${format}`, {
      headers: { authorization: `Bearer ${board.tokens.viewer}` },
    });
    if (!res.ok) throw new Error(`${format}: ${res.status} ${await res.text()}`);
    writeFileSync(new URL(`rivierenland.${format}`, dir), Buffer.from(await res.arrayBuffer()));
    console.log(`docs/examples/rivierenland.${format}`);
  }
} finally {
  await server.stop();
}
