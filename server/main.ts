/** Server entry: `npm start` runs this after building the client. */
import { ConfigError, readConfig, type ServerConfig } from './config';
import { log } from './log';
import { startServer } from './start';

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      log('error', 'server.config_invalid', { error });
      process.exit(2);
    }
    throw error;
  }
  const { server } = await startServer(config);
  const stop = (signal: string) => {
    log('info', 'server.stopping', { signal });
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  log('error', 'server.crashed', { error });
  process.exit(1);
});
