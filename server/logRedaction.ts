/**
 * What never reaches a log line: board tokens (43 base64url characters, in a query, a path or a
 * `#fragment`), Authorization and cookie values, passwords in connection URLs (DATABASE_URL,
 * REDIS_URL) and the literal values of the secrets in the environment (METRICS_TOKEN, those
 * passwords). Applied to every field of every event, at any depth, errors included, so a
 * caller that forgets is still covered.
 */

const CENSOR = '[redacted]';

/** Keys whose whole value is a secret, wherever they appear. */
const SECRET_KEY =
  /^(authorization|proxy-authorization|cookie|set-cookie|token|tokens|password|passwd|secret|metricsToken|metrics_token)$/i;

/** Patterns of secrets inside strings, each replaced by what keeps the line readable. */
const PATTERNS: readonly [RegExp, string][] = [
  // scheme://user:password@host — PostgreSQL and Redis URLs.
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, `$1${CENSOR}@`],
  // ?token=…, &password=… in any URL or query string.
  [/([?&;](?:token|access_token|auth|key|secret|password|sig)=)[^&#\s"']*/gi, `$1${CENSOR}`],
  // Authorization header values written into a string.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${CENSOR}`],
  // A board link's fragment (`/b/<id>#<token>`).
  [/#[A-Za-z0-9_-]{16,}/g, `#${CENSOR}`],
  // A token anywhere else (a path segment, a message): 256 random bits are 43 characters;
  // board ids (16) and room names stay readable.
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/g, CENSOR],
];

/** The literal secret values of this environment, longest first, so none is half-replaced. */
export function secretsOf(env: NodeJS.ProcessEnv): string[] {
  const values = new Set<string>();
  if (env.METRICS_TOKEN) values.add(env.METRICS_TOKEN);
  for (const name of ['DATABASE_URL', 'REDIS_URL']) {
    const raw = env[name];
    if (!raw) continue;
    try {
      const url = new URL(raw);
      if (url.password) values.add(url.password).add(decodeURIComponent(url.password));
    } catch {
      // Not a URL: the whole value may be a connection string with a password in it.
      values.add(raw);
    }
  }
  // Very short values would blank out ordinary words.
  return [...values].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
}

/** Returns `text` with every secret pattern and every literal secret replaced. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(CENSOR);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A copy of a log event's fields that is safe to write: see the file comment. */
export function redactFields(
  fields: Record<string, unknown>,
  secrets: readonly string[],
): Record<string, unknown> {
  const seen = new WeakSet<object>();
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return scrubText(value, secrets);
    if (typeof value !== 'object' || value === null) return value;
    if (ArrayBuffer.isView(value)) return `<${value.byteLength} bytes>`;
    if (seen.has(value) || depth > 8) return '[…]';
    seen.add(value);
    if (value instanceof Error) {
      const code = (value as { code?: unknown }).code;
      return walk(
        {
          name: value.name,
          message: value.message,
          ...(code === undefined ? {} : { code }),
          stack: value.stack,
        },
        depth + 1,
      );
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && v !== undefined && v !== null ? CENSOR : walk(v, depth + 1);
    }
    return out;
  };
  return walk(fields, 0) as Record<string, unknown>;
}
