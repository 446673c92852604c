/**
 * Board ids and role tokens. A token is 256 random bits (base64url); only its SHA-256 is
 * stored, and it is matched against all three role hashes in constant time, so neither the
 * database nor response timing reveals a token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
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
