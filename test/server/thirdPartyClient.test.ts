/**
 * The README's third-party client (scripts/third-party-client.mjs) runs against a real server
 * and imports nothing but yjs, y-websocket and ws.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

const script = path.resolve(import.meta.dirname, '../../scripts/third-party-client.mjs');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe('third-party client example', () => {
  it('imports only yjs, y-websocket and ws', () => {
    const imports = [...readFileSync(script, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map(
      (m) => m[1],
    );
    expect(imports.sort()).toEqual(['ws', 'y-websocket', 'yjs']);
  });

  it('is the script the README shows', () => {
    const body = readFileSync(script, 'utf8').replace(/^(\/\/.*\n)+\n?/, '');
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`js\n${body}\`\`\``);
  });

  it('creates a board over HTTP and syncs two clients through it', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [script, server.http], {
      timeout: 20_000,
    });
    expect(stdout).toContain('both clients read: Pilot: Green roofs on the town hall');
    expect(stdout.trim().endsWith('ok')).toBe(true);
  });
});
