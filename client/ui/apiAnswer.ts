/**
 * Reading the server's JSON answers: its errors come as `{error: {code, message}}` (DESIGN.md
 * contract 2), and a new board's links may be left out when the server has no PUBLIC_URL, in
 * which case this page builds them on its own address.
 */

/** The message to show for a failed answer: the server's own words, else the HTTP status. */
export function errorMessage(body: unknown, status: number): string {
  const error = (body as { error?: unknown } | null)?.error;
  const message =
    typeof error === 'string' ? error : (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' && message.trim() ? message.trim().slice(0, 300) : `HTTP ${status}`;
}

/** The three role links of a board. */
export interface BoardLinks {
  facilitator: string;
  participant: string;
  viewer: string;
}

/** A created board's links: the server's, or built on `origin` from its tokens; null when neither. */
export function boardLinks(body: unknown, origin: string): BoardLinks | null {
  const { id, urls, tokens } = (body ?? {}) as { id?: unknown; urls?: unknown; tokens?: unknown };
  if (isLinks(urls)) return urls;
  if (typeof id !== 'string' || !isLinks(tokens)) return null;
  const link = (token: string) => `${origin}/b/${encodeURIComponent(id)}#${token}`;
  return {
    facilitator: link(tokens.facilitator),
    participant: link(tokens.participant),
    viewer: link(tokens.viewer),
  };
}

function isLinks(value: unknown): value is BoardLinks {
  const links = value as Partial<Record<keyof BoardLinks, unknown>> | null | undefined;
  return (
    typeof links?.facilitator === 'string' &&
    typeof links.participant === 'string' &&
    typeof links.viewer === 'string'
  );
}
