// A third-party client of an Olievlek server, using only yjs, y-websocket and ws: it creates a
// board over HTTP, connects a facilitator and a participant, and shows an edit going each way.
//
//   node scripts/third-party-client.mjs [http://localhost:8080]
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const base = process.argv[2] ?? 'http://localhost:8080';

// 1. Create a board: the answer holds one token per role.
const res = await fetch(`${base}/api/boards`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ title: 'Rivierenland', language: 'en' }),
});
if (res.status !== 201) throw new Error(`creating a board failed: ${res.status} ${await res.text()}`);
const board = await res.json();
console.log(`board ${board.id}, participants join at ${board.urls.participant}`);

// 2. Two clients on the board's content document (room = board id).
const connect = (token) => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/sync`, board.id, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket,
  });
  provider.on('closed', ({ code, reason }) => console.error(`refused: ${code} ${reason}`));
  return { doc, provider };
};
const until = (check, what) =>
  new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 5000);
    const poll = setInterval(() => {
      if (!check()) return;
      clearInterval(poll);
      clearTimeout(timeout);
      resolve();
    }, 10);
  });

const facilitator = connect(board.tokens.facilitator);
const participant = connect(board.tokens.participant);
await until(() => facilitator.provider.synced && participant.provider.synced, 'both clients to sync');
console.log('meta written by the server:', participant.doc.getMap('meta').toJSON());

// 3. The participant adds a small win (format v1: a Y.Map per item, its text a Y.Text) ...
const item = new Y.Map();
participant.doc.transact(() => {
  for (const [key, value] of Object.entries({
    id: 'sw-1',
    kind: 'smallWin',
    x: 0,
    y: 0,
    w: 200,
    h: 120,
    index: 'a0',
    createdBy: 'participant',
    createdAt: Date.now(),
    status: 'idea',
    mechanisms: [],
  }))
    item.set(key, value);
  item.set('text', new Y.Text('Green roofs on the town hall'));
  participant.doc.getMap('items').set('sw-1', item);
});
// ... and the facilitator sees it, then edits its text; the participant sees that.
await until(() => facilitator.doc.getMap('items').has('sw-1'), 'the facilitator to see the item');
facilitator.doc.getMap('items').get('sw-1').get('text').insert(0, 'Pilot: ');
await until(() => String(item.get('text')).startsWith('Pilot: '), 'the participant to see the edit');
console.log('both clients read:', String(facilitator.doc.getMap('items').get('sw-1').get('text')));

for (const client of [facilitator, participant]) {
  client.provider.destroy();
  client.doc.destroy(); // also stops the awareness timer, so the script can exit
}
console.log('ok');
