/**
 * Board ids and role tokens. A token is 256 random bits (base64url); only its SHA-256 is
 * stored, and it is matched against all three role hashes in constant time, so neither the
 * database nor response timing reveals a token.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type BoardRecord, type Role } from '../storage/storage';

export { BOARD_ID_PATTERN } from '../../shared/control/roomName';

/** A new random board id: 96 bits, 16 characters. */
export function createBoardId(): string {
  return randomBytes(12).toString('base64url');
}

/** A new role token: 256 random bits. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The participant or viewer token of a board, derived from its facilitator token: HMAC-SHA256
 * keyed with the facilitator token over the role and the link's generation (0 at creation, one
 * more per replacement). Only the facilitator token's holder can derive them, so the server
 * keeps storing hashes only and still hands the facilitator their board's links at any time.
 */
export function deriveToken(
  facilitatorToken: string,
  role: 'participant' | 'viewer',
  generation: number,
): string {
  return createHmac('sha256', facilitatorToken).update(`olievlek:${role}:${generation}`).digest('base64url');
}

/** Whether `token` is the one whose hash is `stored`, in constant time. */
export function tokenMatches(stored: Uint8Array, token: string): boolean {
  const hash = hashToken(token);
  return stored.length === hash.length && timingSafeEqual(stored, hash);
}

/** The SHA-256 of a token, as stored. */
export function hashToken(token: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(token, 'utf8').digest());
}

/** The role this token grants on `board`, or null; always compares against every role. */
export function roleForToken(board: BoardRecord, token: string): Role | null {
  const hash = hashToken(token);
  let found: Role | null = null;
  for (const role of ROLES) {
    const stored = board.tokenHashes[role];
    // No early exit: every hash is compared whatever matched, so timing says nothing.
    if (stored.length === hash.length && timingSafeEqual(stored, hash) && found === null) found = role;
  }
  return found;
}
