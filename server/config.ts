/** Server configuration from the environment (DESIGN.md contract 2), each with its documented default. */
import path from 'node:path';

/** Everything the server reads from its environment. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly publicUrl: string | undefined;
  readonly maxMessageBytes: number;
  /** Where the built client lives; the server serves it for every non-API path. */
  readonly clientDir: string;
}

/** Thrown for a setting that cannot be used, naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration; throws ConfigError on a malformed value instead of guessing. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: integer(env, 'PORT', 8080, 0, 65_535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    clientDir: path.resolve(env.CLIENT_DIR || 'dist/client'),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
