/**
 * The durability promise: an edit another client has received survives `kill -9` of the
 * server. The real server process (tsx server/main.ts) is killed with SIGKILL right after the
 * edit arrives, then restarted on the same DATA_DIR; a fresh client must find the edit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectSynced, createBoard, waitFor } from './helpers';

const dataDir = mkdtempSync(path.join(tmpdir(), 'olievlek-kill-'));
const children: ChildProcess[] = [];
afterAll(() => {
  children.forEach((child) => child.kill('SIGKILL'));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `server/main.ts` in its own process and resolves with its port once it listens. */
async function spawnServer(): Promise<{
  child: ChildProcess;
  http: string;
  ws: string;
  output: () => string;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/"event":"server.listening".*?"port":(\d+)/);
      if (match) resolve(Number(match[1]));
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}/sync`, output: () => output };
}

describe('durability', () => {
  it('keeps an edit another client has seen through SIGKILL', async () => {
    const first = await spawnServer();
    const board = await createBoard(first);
    const author = await connectSynced(first, board.id, board.tokens.participant);
    const reader = await connectSynced(first, board.id, board.tokens.viewer);
    author.doc.getText('note').insert(0, 'survives kill -9');
    author.doc.getMap('items').set('last', 42);
    await waitFor(() => reader.doc.getMap('items').get('last') === 42, 'reader received the edit');
    first.child.kill('SIGKILL');
    // The author must not bring the edit back itself: only the store may.
    author.destroy();
    reader.destroy();
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await spawnServer();
    const fresh = await connectSynced(second, board.id, board.tokens.viewer);
    expect(fresh.doc.getMap('items').get('last')).toBe(42);
    expect(fresh.doc.getText('note').toString()).toBe('survives kill -9');
    fresh.destroy();
    second.child.kill('SIGTERM');
    const code = await new Promise((resolve) => second.child.once('exit', resolve));
    expect(code).toBe(0);
    // One JSON object per line, and no token anywhere in the logs.
    const logs = first.output() + second.output();
    for (const line of logs.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(logs).toContain('"event":"server.stopped"');
    for (const token of Object.values(board.tokens)) expect(logs).not.toContain(token);
  });
});
