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
    expect(config).toMatchObject({ trustProxy: 0, instanceId: undefined, metricsToken: undefined });
  });

  it('reads the operations settings', () => {
    expect(
      readConfig({
        TRUST_PROXY: '2',
        INSTANCE_ID: 'olievlek-b',
        METRICS_TOKEN: 'a-long-enough-secret',
        LOG_LEVEL: 'warn',
      }),
    ).toMatchObject({ trustProxy: 2, instanceId: 'olievlek-b', metricsToken: 'a-long-enough-secret' });
  });

  it('reads the fan-out settings and refuses Redis without PostgreSQL', () => {
    expect(readConfig({})).toMatchObject({ redisUrl: undefined, redisPrefix: 'olievlek:' });
    expect(
      readConfig({ DATABASE_URL: 'postgres://db/x', REDIS_URL: 'redis://cache:6379', REDIS_PREFIX: 'b:' }),
    ).toMatchObject({ redisUrl: 'redis://cache:6379', redisPrefix: 'b:' });
    expect(() => readConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL needs DATABASE_URL/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://db/x', REDIS_URL: 'cache:6379' })).toThrow(
      /REDIS_URL must start with redis:\/\//,
    );
    expect(() => readConfig({ REDIS_PREFIX: 'has space' })).toThrow(/REDIS_PREFIX must be/);
  });

  it('names the variable and never echoes METRICS_TOKEN in its error', () => {
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be the number of proxies/);
    expect(() => readConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of trace, debug, info/);
    const short = 'short secret';
    expect(() => readConfig({ METRICS_TOKEN: short })).toThrow(/METRICS_TOKEN must be at least 16/);
    expect(() => readConfig({ METRICS_TOKEN: short })).not.toThrow(short);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['MAX_MESSAGE_BYTES', '1.5'],
    ['ROOM_UNLOAD_MS', '60000'],
    ['MAX_DOC_BYTES', '1000'],
    ['TRUST_PROXY', '-1'],
    ['TRUST_PROXY', '11'],
    ['TRUST_PROXY', '10.0.0.0/8'],
    ['INSTANCE_ID', 'two words'],
    ['METRICS_TOKEN', 'abc'],
    ['LOG_LEVEL', 'INFO'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
  });
});
