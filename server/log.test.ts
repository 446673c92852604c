import { describe, expect, it } from 'vitest';
import { createLogger, logTo } from './log';

const TOKEN = 'k3Jq9xVb2T7mWcYp0LhR4sNd8FgZ1aUe6oQiBtKvXyw'; // 43 base64url characters, like a board token
const METRICS_TOKEN = 'metrics-secret-for-prometheus';
const PASSWORD = 'pg-p@ss:word';
const REDIS_PASSWORD = 'redis-secret-42';
const env = {
  METRICS_TOKEN,
  DATABASE_URL: `postgres://olievlek:${encodeURIComponent(PASSWORD)}@db.internal:5432/olievlek`,
  REDIS_URL: `redis://:${REDIS_PASSWORD}@cache.internal:6379/0`,
};

/** A logger writing into an array of parsed lines. */
function capture(level = 'info') {
  const lines: string[] = [];
  const logger = createLogger({ level, env, stream: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, text: () => lines.join('') };
}

describe('log', () => {
  it('writes one JSON line per event with a level name, an ISO time and the fields', () => {
    const { logger, lines } = capture();
    logTo(logger, 'info', 'server.listening', { port: 8080, url: 'http://localhost:8080' });
    logTo(logger, 'debug', 'below.threshold');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'info', event: 'server.listening', port: 8080 });
    // The event before its fields: test/support/serverProcess.ts finds the port this way.
    expect(lines[0]).toMatch(/"event":"server.listening".*?"port":8080/);
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
  });

  it('never writes a token, an Authorization value, a password or METRICS_TOKEN', () => {
    const { logger, text } = capture('debug');
    logger.warn(
      {
        url: `/sync/abcdefghij012345?token=${TOKEN}`,
        link: `https://olievlek.example/b/abcdefghij012345#${TOKEN}`,
        path: `/api/boards/abcdefghij012345/tokens/${TOKEN}`,
        headers: { authorization: `Bearer ${TOKEN}`, 'user-agent': 'test' },
        nested: { deeper: [{ token: 'short-but-secret' }] },
        databaseUrl: env.DATABASE_URL,
        redis: env.REDIS_URL,
        note: `scraped with ${METRICS_TOKEN}`,
        bytes: new TextEncoder().encode(TOKEN),
      },
      'http.request',
    );
    logger.error(
      { error: new Error(`connect failed for ${env.DATABASE_URL}?password=${PASSWORD}`) },
      'db.failed',
    );
    const out = text();
    for (const secret of [
      TOKEN,
      METRICS_TOKEN,
      PASSWORD,
      encodeURIComponent(PASSWORD),
      REDIS_PASSWORD,
      'short-but-secret',
    ]) {
      expect(out).not.toContain(secret);
    }
    // What is left stays useful: the board, the host, the error's message.
    expect(out).toContain('/sync/abcdefghij012345?token=[redacted]');
    expect(out).toContain('postgres://olievlek:[redacted]@db.internal:5432/olievlek');
    expect(out).toContain('"user-agent":"test"');
    expect(out).toContain('connect failed for');
  });

  it('serializes errors with their name, message and code', () => {
    const { logger, lines } = capture();
    logger.error({ error: Object.assign(new TypeError('bad'), { code: 'E_BAD' }) }, 'x.failed');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      error: { name: 'TypeError', message: 'bad', code: 'E_BAD' },
    });
  });
});
