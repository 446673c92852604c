/**
 * Structured logs through pino: one JSON line per event, `{"level":"info","time":"…","pid":…,
 * "hostname":"…","event":"room.loaded",…fields}`, on stdout (error and fatal on stderr). The
 * event comes before the fields because tools match lines by it (test/support/serverProcess.ts).
 * LOG_LEVEL (trace, debug, info, warn, error, fatal, silent; default info) drops the events
 * below it. Every field passes through logRedaction.ts first, so tokens, Authorization values
 * and connection passwords are replaced by `[redacted]` even when a caller passes them in.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { LOG_LEVELS } from './config';
import { redactFields, secretsOf } from './logRedaction';

/** The levels callers use. */
export type Level = 'debug' | 'info' | 'warn' | 'error';

/** Fields attached to a log event. */
export type LogFields = Record<string, unknown>;

/** Where and what a logger writes; defaults come from the process. */
export interface LoggerOptions {
  /** Minimum level; an unknown one falls back to info (readConfig refuses it at start-up). */
  readonly level?: string;
  /** Whose secrets to redact (METRICS_TOKEN, passwords of DATABASE_URL and REDIS_URL). */
  readonly env?: NodeJS.ProcessEnv;
  /** One stream for every line instead of stdout and stderr (tests). */
  readonly stream?: DestinationStream;
}

/** A pino logger with this server's format and redaction. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const env = options.env ?? process.env;
  const wanted = options.level ?? env.LOG_LEVEL;
  const level = wanted && (LOG_LEVELS as readonly string[]).includes(wanted) ? wanted : 'info';
  const secrets = secretsOf(env);
  const stream =
    options.stream ??
    pino.multistream(
      [
        { level: 'trace', stream: process.stdout },
        { level: 'error', stream: process.stderr },
      ],
      { dedupe: true },
    );
  return pino(
    {
      level,
      messageKey: 'event',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redactFields(fields, secrets),
      },
    },
    stream,
  );
}

/** Writes one event through `logger`, its name first. */
export function logTo(logger: Logger, level: Level, event: string, fields: LogFields = {}): void {
  logger[level]({ event, ...fields });
}

let shared: Logger | null = null;

/** Writes one event; the logger is made on first use, so LOG_LEVEL set by test setup applies. */
export function log(level: Level, event: string, fields: LogFields = {}): void {
  logTo((shared ??= createLogger()), level, event, fields);
}
