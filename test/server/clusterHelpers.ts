/**
 * Small helpers shared by the multi-instance suites: the board API of one instance, an item's
 * text as a client reads it, whether a server process still runs, and the per-test clients and
 * failure output every suite sets up.
 */
import { afterEach, beforeEach } from 'vitest';
import * as Y from 'yjs';
import { getItems } from '../../shared/ydoc';
import type { ServerProcess } from '../support/serverProcess';
import { covers } from '../support/serverState';
import { connect, waitFor, type TestClient } from './helpers';

/** An HTTP answer: the status and the JSON body (null when there is none). */
export interface ApiAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** Calls `/api/boards/<route>` on `server` with `token` as the bearer. */
export async function boardApi(
  server: { http: string },
  method: string,
  route: string,
  token: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const res = await fetch(`${server.http}/api/boards/${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

/** The text of item `id` in `doc`, or undefined while the item is not there. */
export function itemText(doc: Y.Doc, id: string): string | undefined {
  const item = getItems(doc).get(id) as Y.Map<unknown> | undefined;
  const text = item?.get('text');
  return text === undefined ? undefined : String(text);
}

/** Whether the process has neither exited nor been killed. */
export function running(server: ServerProcess): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}

/** The status of GET `path` on `server` (network failures count as 0). */
export async function statusOf(server: { http: string }, path: string): Promise<number> {
  try {
    const res = await fetch(`${server.http}${path}`);
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Whether two replicas hold the same changes (insertions and deletions), whatever their order. */
export function sameState(one: Y.Doc, other: Y.Doc): boolean {
  return covers(Y.encodeStateAsUpdate(one), other) && covers(Y.encodeStateAsUpdate(other), one);
}

/**
 * How long a multi-instance test waits for a condition: several server processes share a small
 * machine with the rest of the suite, and only a failure ever waits this long.
 */
export const CLUSTER_WAIT_MS = 15_000;

/** `waitFor` with the multi-instance deadline. */
export function waitLong<T>(check: () => T | Promise<T>, what: string, timeoutMs = CLUSTER_WAIT_MS) {
  return waitFor(check, what, timeoutMs);
}

/** Connects a standard client and waits (with the multi-instance deadline) for its first sync. */
export async function connectSyncedLong(
  server: { ws: string },
  room: string,
  token: string,
): Promise<TestClient> {
  const client = connect(server, room, token);
  try {
    await waitLong(() => client.provider.synced, `client of ${room} synced`);
  } catch (error) {
    client.destroy();
    throw error;
  }
  return client;
}

/**
 * The synced clients of a test file, each destroyed after its test: `join` connects one (with
 * the multi-instance deadline), `keep` hands over one made otherwise. Call at the file's top.
 */
export function clientsPerTest() {
  const clients: TestClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  return {
    async join(server: { ws: string }, room: string, token: string): Promise<TestClient> {
      const client = await connectSyncedLong(server, room, token);
      clients.push(client);
      return client;
    },
    keep(client: TestClient): void {
      clients.push(client);
    },
  };
}

/** Prints what the servers (and helpers) said whenever a test of the file fails. */
export function printOnFailure(output: () => string | undefined): void {
  beforeEach((context) => {
    context.onTestFailed(() => console.error(output()));
  });
}
