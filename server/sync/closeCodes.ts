/**
 * WebSocket close codes the server uses. 4400–4499 mirror HTTP 4xx and are permanent for the
 * standard y-websocket client (it stops reconnecting and emits `closed`); every other code
 * makes it reconnect with backoff, which is what a transient condition wants.
 */
export const CLOSE = {
  /** Server shutting down; clients reconnect to the next instance. */
  goingAway: 1001,
  /** Message rate limit exceeded; transient, the client reconnects and resyncs. */
  policyViolation: 1008,
  /** A message over MAX_MESSAGE_BYTES (sent by `ws` itself). */
  messageTooBig: 1009,
  /** The room could not be loaded or stored to; transient. */
  internalError: 1011,
  /** A capacity limit (rooms per address, slow consumer); transient. */
  tryAgainLater: 1013,
  /** A message that does not follow the protocol; permanent. */
  malformed: 4400,
  /**
   * The board's stored document cannot be migrated to the format this server reads (a
   * migration failed); permanent: retrying cannot help, the reason says what is wrong.
   */
  documentUnreadable: 4422,
  /** Missing or wrong token, or a token of another board; permanent. */
  unauthorized: 4401,
  /** No such board; permanent. */
  unknownBoard: 4404,
  /**
   * The stored document has a newer format version than this server reads. Permanent (like
   * HTTP 426 Upgrade Required): reconnecting to the same server cannot help, and clients
   * retrying in a loop was what a board bricked by a client-written version looked like.
   */
  documentTooNew: 4426,
  /**
   * The client sent an update depending on changes the server does not have (it diverged);
   * transient on purpose: the client reconnects and resyncs.
   */
  resync: 4000,
} as const;
