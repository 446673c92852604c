/**
 * The repository's nginx configuration (deploy/nginx.conf) in front of two instances (issue 13,
 * points 5 and 6): a board created through nginx, a client whose websocket goes through nginx
 * edits with clients on both instances directly, and with TRUST_PROXY=1 the per-address room
 * limit counts each client by the address nginx appends to X-Forwarded-For, not by nginx's.
 * Each client connects from its own loopback address (127.0.0.x), as separate machines would.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createItem } from '../../shared/commands';
import { clusterServicesAvailable, startCluster, type Cluster } from '../support/cluster';
import { NGINX_SITE, nginxAvailable, startNginx, type RunningNginx } from '../support/nginx';
import { itemText, sameState, waitLong, printOnFailure } from './clusterHelpers';
import { createBoard, type TestBoard } from './helpers';

const enabled = (await clusterServicesAvailable()) && nginxAvailable();
let cluster: Cluster;
let proxy: RunningNginx;
const providers: WebsocketProvider[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  if (!enabled) return;
  // One open room per address and instance, so the test sees which address an instance counts.
  cluster = await startCluster({
    size: 2,
    env: { TRUST_PROXY: '1', MAX_ROOMS_PER_ADDRESS: '1', PUBLIC_URL: 'https://olievlek.example' },
  });
  proxy = await startNginx(cluster.instances.map((server) => server.port));
});
afterAll(async () => {
  await proxy?.stop();
  await cluster?.stop();
});
printOnFailure(() => `${cluster?.output()}\n--- nginx\n${proxy?.errorLog()}`);
afterEach(() => {
  for (const provider of providers.splice(0)) {
    provider.destroy();
    provider.doc.destroy();
  }
  for (const ws of sockets.splice(0)) ws.terminate();
});

/** The ws WebSocket, opened from `localAddress`. */
function webSocketFrom(localAddress: string): typeof globalThis.WebSocket {
  class FromAddress extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { localAddress });
    }
  }
  return FromAddress as unknown as typeof globalThis.WebSocket;
}

/** A standard client of `room` at `wsBase`, connecting from `localAddress`; resolves once synced. */
async function clientFrom(localAddress: string, wsBase: string, room: string, token: string) {
  const provider = new WebsocketProvider(wsBase, room, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: webSocketFrom(localAddress),
    disableBc: true,
  });
  providers.push(provider);
  await waitLong(() => provider.synced, `the client from ${localAddress} synced`);
  return provider;
}

/** Opens a socket to `board` through nginx from `localAddress`: 'joined' on its first sync message, else the close code. */
function joinFrom(localAddress: string, board: TestBoard): Promise<'joined' | number> {
  const ws = new WebSocket(`${proxy.ws}/${board.id}?token=${board.tokens.viewer}`, { localAddress });
  sockets.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('message', () => resolve('joined'));
    ws.once('close', (code) => resolve(code));
    ws.once('error', reject);
  });
}

describe.runIf(enabled)('nginx in front of two instances', () => {
  it('carries the board API and a websocket that edits with clients on both instances', async () => {
    const board = await createBoard(proxy, 'Achter nginx');
    const [a, b] = cluster.instances;
    const viaProxy = await clientFrom('127.0.0.2', proxy.ws, board.id, board.tokens.participant);
    const onA = await clientFrom('127.0.0.3', a!.ws, board.id, board.tokens.participant);
    const onB = await clientFrom('127.0.0.4', b!.ws, board.id, board.tokens.participant);
    expect(viaProxy.doc.getMap('meta').get('title')).toBe('Achter nginx');
    // Links name the public address, not whatever Host nginx passed on.
    expect(board.urls.participant).toBe(`https://olievlek.example/b/${board.id}#${board.tokens.participant}`);

    // Whichever instance nginx chose, one of the direct clients is on the other one.
    const fromProxy = createItem(viaProxy.doc, { kind: 'note', x: 0, y: 0, text: 'via nginx' }, 'p');
    await waitLong(
      () => itemText(onA.doc, fromProxy) === 'via nginx' && itemText(onB.doc, fromProxy) === 'via nginx',
      'the edit through nginx on both instances',
    );
    const fromA = createItem(onA.doc, { kind: 'note', x: 300, y: 0, text: 'op A' }, 'a');
    const fromB = createItem(onB.doc, { kind: 'note', x: 600, y: 0, text: 'op B' }, 'b');
    await waitLong(
      () => itemText(viaProxy.doc, fromA) === 'op A' && itemText(viaProxy.doc, fromB) === 'op B',
      'both instances’ edits through nginx',
    );
    // A link that is no longer valid is refused through nginx too, with the close code intact.
    const refused = await joinFrom('127.0.0.5', {
      ...board,
      tokens: { ...board.tokens, viewer: 'not-a-token' },
    });
    expect(refused).toBe(4401);
  });

  it('lets the instances count each client by the address nginx forwards (TRUST_PROXY=1)', async () => {
    const board = await createBoard(proxy);
    // One client address opens rooms until it holds one on each instance; a third is refused.
    const outcomes: ('joined' | number)[] = [];
    while (outcomes.filter((outcome) => outcome === 'joined').length < 2) {
      outcomes.push(await joinFrom('127.0.0.6', board));
      if (outcomes.length > 10)
        throw new Error(`nginx never reached the second instance: ${outcomes.join(', ')}`);
    }
    expect(outcomes.filter((outcome) => outcome !== 'joined').every((code) => code === 1013)).toBe(true);
    expect(await joinFrom('127.0.0.6', board)).toBe(1013);
    // Every instance now holds a room of one forwarded address. Had they counted nginx's own
    // address (the socket's peer), everyone else would be refused as well; they are not.
    expect(await joinFrom('127.0.0.7', board)).toBe('joined');
    expect(await joinFrom('127.0.0.8', board)).toBe('joined');
  });

  it('moves a client through nginx to the other instance when its own stops with SIGTERM', async () => {
    const board = await createBoard(proxy, 'Herstart');
    const viaProxy = await clientFrom('127.0.0.9', proxy.ws, board.id, board.tokens.participant);
    // The instance nginx chose logged the forwarded address of the connection.
    const chosen = cluster.instances.findIndex((server) => server.output().includes('"address":"127.0.0.9"'));
    expect(chosen).toBeGreaterThanOrEqual(0);
    const other = cluster.instances[1 - chosen]!;
    const onOther = await clientFrom('127.0.0.10', other.ws, board.id, board.tokens.participant);
    const before = createItem(viaProxy.doc, { kind: 'note', x: 0, y: 0, text: 'voor de herstart' }, 'p');
    await waitLong(() => itemText(onOther.doc, before) === 'voor de herstart', 'the edit before');

    expect(await cluster.terminate(chosen)).toBe(0);
    // Written while the client is between instances, sent once it is through to the other.
    const during = createItem(viaProxy.doc, { kind: 'note', x: 300, y: 0, text: 'tijdens' }, 'p');
    await waitLong(() => itemText(onOther.doc, during) === 'tijdens', 'the edit reaching the other instance');
    const reply = createItem(onOther.doc, { kind: 'note', x: 600, y: 0, text: 'antwoord' }, 'o');
    await waitLong(
      () => itemText(viaProxy.doc, reply) === 'antwoord',
      'the other instance’s edit through nginx',
    );
    await waitLong(() => sameState(viaProxy.doc, onOther.doc), 'both replicas equal');
    await cluster.restart(chosen);
  });

  it('keeps websockets open far longer than the instances’ ping interval', () => {
    const site = readFileSync(NGINX_SITE, 'utf8');
    const sync = /location \/sync\/ \{([^}]*)\}/.exec(site)?.[1] ?? '';
    const timeout = /proxy_read_timeout\s+(\d+)([smh]?);/.exec(sync);
    const seconds = Number(timeout?.[1]) * ({ s: 1, m: 60, h: 3600 }[timeout?.[2] || 's'] ?? 1);
    // PING_INTERVAL_MS is 30 s by default: nginx must never be the one to end a live socket.
    expect(seconds).toBeGreaterThanOrEqual(600);
    expect(sync).toMatch(/proxy_set_header\s+Upgrade\s+\$http_upgrade;/);
    expect(sync).toMatch(/proxy_set_header\s+Connection\s+\$connection_upgrade;/);
    expect(sync).toMatch(/proxy_set_header\s+X-Forwarded-For\s+\$proxy_add_x_forwarded_for;/);
  });
});
