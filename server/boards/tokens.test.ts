import { describe, expect, it } from 'vitest';
import type { BoardRecord } from '../storage/storage';
import {
  BOARD_ID_PATTERN,
  createBoardId,
  createToken,
  deriveToken,
  hashToken,
  roleForToken,
  tokenMatches,
} from './tokens';

describe('tokens', () => {
  it('makes URL-safe board ids and 256-bit tokens that never repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, createBoardId));
    const tokens = new Set(Array.from({ length: 1000 }, createToken));
    expect(ids.size).toBe(1000);
    expect(tokens.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(BOARD_ID_PATTERN);
    for (const token of tokens) expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('finds the role a token grants, and none for anything else', () => {
    const [f, p, v] = [createToken(), createToken(), createToken()];
    const board: BoardRecord = {
      id: createBoardId(),
      title: '',
      language: 'nl',
      createdAt: 0,
      tokenHashes: { facilitator: hashToken(f), participant: hashToken(p), viewer: hashToken(v) },
    };
    expect(roleForToken(board, f)).toBe('facilitator');
    expect(roleForToken(board, p)).toBe('participant');
    expect(roleForToken(board, v)).toBe('viewer');
    expect(roleForToken(board, createToken())).toBeNull();
    expect(roleForToken(board, '')).toBeNull();
    expect(roleForToken(board, f.slice(0, -1))).toBeNull();
  });

  it('stores SHA-256 hashes, not tokens', () => {
    const token = createToken();
    expect(hashToken(token)).toHaveLength(32);
    expect(Buffer.from(hashToken(token)).toString('utf8')).not.toContain(token);
  });

  it('derives participant and viewer tokens only the facilitator token can make', () => {
    const f = createToken();
    const p0 = deriveToken(f, 'participant', 0);
    expect(deriveToken(f, 'participant', 0)).toBe(p0);
    expect(Buffer.from(p0, 'base64url')).toHaveLength(32);
    const others = [
      deriveToken(f, 'participant', 1),
      deriveToken(f, 'viewer', 0),
      deriveToken(createToken(), 'participant', 0),
      deriveToken(p0, 'participant', 0),
    ];
    expect(new Set([p0, ...others]).size).toBe(5);
    expect(tokenMatches(hashToken(p0), p0)).toBe(true);
    expect(tokenMatches(hashToken(p0), others[0]!)).toBe(false);
  });
});
