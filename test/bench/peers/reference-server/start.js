// The reference server for `npm run bench:server`: @y/websocket-server's own connection
// handler on a plain HTTP server, as its bin runs it, but on PORT (0 picks a free one) and
// printing the port it got, so the bench can start it on any free port.
import http from 'node:http';
import process from 'node:process';
import { setupWSConnection } from '@y/websocket-server/utils';
import WebSocket from 'ws';

const wss = new WebSocket.Server({ noServer: true });
wss.on('connection', setupWSConnection);
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  process.stdout.write(`listening on port ${server.address().port}\n`);
});
// Exiting (rather than dying of the signal) lets `node --cpu-prof` write its profile.
process.once('SIGTERM', () => process.exit(0));
