/** JSON in and out for the HTTP API: bounded body reading and uniform error answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An HTTP error with a status and a message for the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * Reads and parses a JSON body of at most `limit` bytes; throws HttpError (400, 413, 415, and
 * 408 when `timeoutMs` passes before the whole body has arrived: a trickling upload is cut off).
 */
export async function readJson(
  req: IncomingMessage,
  limit: number,
  options: { timeoutMs?: number } = {},
): Promise<unknown> {
  const body = await readJsonBody(req, limit, options);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON');
  }
}

/** The raw bytes of a JSON body, with readJson's checks but unparsed (for parsing elsewhere). */
export async function readJsonBody(
  req: IncomingMessage,
  limit: number,
  options: { timeoutMs?: number } = {},
): Promise<Buffer> {
  const type = req.headers['content-type'];
  if (type !== undefined && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  return readBody(req, limit, options.timeoutMs);
}

/** The raw body, bounded in size and, when `timeoutMs` is given, in time. */
function readBody(req: IncomingMessage, limit: number, timeoutMs?: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(
            () =>
              stop(
                new HttpError(
                  408,
                  'body_timeout',
                  `the body did not arrive within ${timeoutMs} ms; send it in one go`,
                ),
              ),
            timeoutMs,
          );
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) stop(tooLarge(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => stop(error);
    const onAborted = () => stop(new HttpError(400, 'body_aborted', 'the upload was aborted'));
    function cleanup() {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
    }
    function stop(error: Error) {
      cleanup();
      // Nothing more is read; what was buffered is dropped and the answer closes the connection.
      chunks.length = 0;
      req.pause();
      reject(error);
    }
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
  });
}

/** Sends a JSON answer. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Sends an HttpError as `{error: {code, message, details?}}`. */
export function sendError(res: ServerResponse, error: HttpError): void {
  // A body left unread (too large, too slow) must not be read as the next request.
  const headers: Record<string, string> =
    error.status === 413 || error.status === 408 ? { Connection: 'close' } : {};
  const retryAfter = (error.details as { retryAfter?: unknown } | undefined)?.retryAfter;
  if (typeof retryAfter === 'number') headers['Retry-After'] = String(retryAfter);
  sendJson(
    res,
    error.status,
    { error: { code: error.code, message: error.message, details: error.details } },
    headers,
  );
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'body_too_large', `the body must be at most ${limit} bytes`);
}
