import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

describe('config', () => {
  it('has the documented defaults', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('data'),
      maxMessageBytes: 8 * 1024 * 1024,
      roomUnloadMs: 10_000,
      awarenessFlushMs: 50,
      maxDocBytes: 16 * 1024 * 1024,
    });
    expect(config.databaseUrl).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['MAX_MESSAGE_BYTES', '1.5'],
    ['ROOM_UNLOAD_MS', '60000'],
    ['MAX_DOC_BYTES', '1000'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
  });
});
