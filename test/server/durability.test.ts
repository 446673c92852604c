/**
 * The durability promise: an edit another client has received survives `kill -9` of the
 * server. The real server process (tsx server/main.ts) is killed with SIGKILL right after the
 * edit arrives, then restarted on the same DATA_DIR; a fresh client must find the edit.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../support/serverProcess';
import { connectSynced, createBoard, waitFor } from './helpers';

const dataDir = mkdtempSync(path.join(tmpdir(), 'olievlek-kill-'));
const children: ChildProcess[] = [];
afterAll(() => {
  children.forEach((child) => child.kill('SIGKILL'));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the server on the shared DATA_DIR; it is killed after the suite if still running. */
async function start() {
  const server = await spawnServer({ dataDir });
  children.push(server.child);
  return server;
}

describe('durability', () => {
  it('keeps an edit another client has seen through SIGKILL', async () => {
    const first = await start();
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
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await start();
    const fresh = await connectSynced(second, board.id, board.tokens.viewer);
    expect(fresh.doc.getMap('items').get('last')).toBe(42);
    expect(fresh.doc.getText('note').toString()).toBe('survives kill -9');
    fresh.destroy();
    second.child.kill('SIGTERM');
    const code = await second.exited;
    expect(code).toBe(0);
    // One JSON object per line, and no token anywhere in the logs.
    const logs = first.output() + second.output();
    for (const line of logs.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(logs).toContain('"event":"server.stopped"');
    for (const token of Object.values(board.tokens)) expect(logs).not.toContain(token);
  });
});
