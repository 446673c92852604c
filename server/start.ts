/** Starting the server on a port; used by main.ts and by tests that need a real server on port 0. */
import type { ServerConfig } from './config';
import { createHttpServer } from './http/app';
import { log } from './log';

/** Starts listening and resolves with the server and the port it got (PORT=0 picks a free one). */
export async function startServer(config: ServerConfig) {
  const server = createHttpServer(config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log('info', 'server.listening', {
    host: config.host,
    port,
    url: config.publicUrl ?? `http://localhost:${port}`,
  });
  return { server, port };
}
