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

/** Reads and parses a JSON body of at most `limit` bytes; throws HttpError (400, 413, 415). */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'];
  if (type !== undefined && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON');
  }
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
  const headers: Record<string, string> = error.status === 413 ? { Connection: 'close' } : {};
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
