/**
 * Creating boards and checking tokens: the one place that knows how a board's record, its
 * first document state and its role tokens fit together.
 */
import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION } from '../../shared/migrations';
import { toWellFormed } from '../../shared/wellFormed';
import { initBoardDoc, type Language } from '../../shared/ydoc';
import type { BoardRecord, Role, Storage } from '../storage/storage';
import {
  BOARD_ID_PATTERN,
  createBoardId,
  createToken,
  deriveToken,
  hashToken,
  roleForToken,
  tokenMatches,
} from './tokens';

/** What a new board needs. */
export interface NewBoard {
  readonly title: string;
  readonly language: Language;
}

/** A created board with its tokens: the only time the tokens exist in clear outside a client. */
export interface CreatedBoard {
  readonly id: string;
  readonly title: string;
  readonly tokens: Readonly<Record<Role, string>>;
}

/** The outcome of checking a token against a board id. */
export type Access =
  | { readonly ok: true; readonly role: Role; readonly title: string }
  | { readonly ok: false; readonly reason: 'unknown-board' | 'bad-token' };

/**
 * Creates the board record and writes its `meta` (schemaVersion, title, language) into storage;
 * `content` (an imported board, its meta already written; a Y.Doc or its encoded state)
 * becomes the first state instead.
 */
export async function createBoard(
  storage: Storage,
  input: NewBoard,
  content?: Y.Doc | Uint8Array,
): Promise<CreatedBoard> {
  const id = createBoardId();
  const title = toWellFormed(input.title);
  const facilitator = createToken();
  // The other two links derive from the facilitator's, so the facilitator can always get them back.
  const tokens: Record<Role, string> = {
    facilitator,
    participant: deriveToken(facilitator, 'participant', 0),
    viewer: deriveToken(facilitator, 'viewer', 0),
  };
  let initialUpdate: Uint8Array;
  if (content instanceof Uint8Array) initialUpdate = content;
  else {
    const doc = content ?? new Y.Doc();
    if (!content)
      initBoardDoc(doc, { schemaVersion: CURRENT_SCHEMA_VERSION, title, language: input.language });
    initialUpdate = Y.encodeStateAsUpdate(doc);
    if (!content) doc.destroy();
  }
  await storage.createBoard(
    {
      id,
      title,
      language: input.language,
      createdAt: Date.now(),
      tokenHashes: {
        facilitator: hashToken(tokens.facilitator),
        participant: hashToken(tokens.participant),
        viewer: hashToken(tokens.viewer),
      },
      generations: { participant: 0, viewer: 0 },
    },
    initialUpdate,
  );
  return { id, title, tokens };
}

/** Which role `token` has on board `boardId`; an unknown board is reported before a bad token. */
export async function checkAccess(storage: Storage, boardId: string, token: string | null): Promise<Access> {
  if (!BOARD_ID_PATTERN.test(boardId)) return { ok: false, reason: 'unknown-board' };
  const board = await storage.getBoard(boardId);
  if (!board) return { ok: false, reason: 'unknown-board' };
  const role = token ? roleForToken(board, token) : null;
  return role ? { ok: true, role, title: board.title } : { ok: false, reason: 'bad-token' };
}

/**
 * The participant and viewer tokens of a board as its facilitator can derive them, for the
 * share panel; a role whose token was random (a board from before derived links) is left out
 * until its link is replaced once.
 */
export function derivedTokens(
  board: BoardRecord,
  facilitatorToken: string,
): Partial<Record<'participant' | 'viewer', string>> {
  const tokens: Partial<Record<'participant' | 'viewer', string>> = {};
  for (const role of ['participant', 'viewer'] as const) {
    const generation = board.generations?.[role];
    if (generation === undefined) continue;
    const token = deriveToken(facilitatorToken, role, generation);
    if (tokenMatches(board.tokenHashes[role], token)) tokens[role] = token;
  }
  return tokens;
}
