/**
 * Structured logs: one JSON line per event on stdout (errors on stderr). Never pass tokens in.
 * LOG_LEVEL (info, warn, error; default info) drops the events below it.
 */

type Level = 'info' | 'warn' | 'error';

const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 };

/** Fields attached to a log event. */
export type LogFields = Record<string, unknown>;

/** Writes one event as a JSON line. */
export function log(level: Level, event: string, fields: LogFields = {}): void {
  const threshold = RANK[process.env.LOG_LEVEL as Level] ?? RANK.info;
  if (RANK[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }, errorReplacer);
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}
