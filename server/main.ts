/** Server entry: `npm start` runs this after building the client. */
import { ConfigError, readConfig } from './config';
import { log } from './log';
import { startServer } from './start';

async function main(): Promise<void> {
  const running = await startServer(readConfig());
  const stop = (signal: string) => {
    log('info', 'server.stopping', { signal });
    // A second signal while flushing means "now": exit without waiting.
    process.once(signal, () => process.exit(1));
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log('error', 'server.stop_failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    log('error', 'server.config_invalid', { error });
    process.exit(2);
  }
  log('error', 'server.crashed', { error });
  process.exit(1);
});
