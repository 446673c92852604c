/**
 * Why a stored board document cannot be opened, said the same way over the websocket (a
 * permanent close code and reason) and over HTTP (a status and an error code).
 *
 * Nothing here repairs a document. A format version above the server's may be genuine (a
 * newer server wrote it, and an older one is running again); lowering it would let this
 * server rewrite a format it does not know. That a client wrote it instead (possible before
 * the server refused such writes) cannot be told apart afterwards: the document keeps no
 * record of who set a value once it was overwritten, and compaction drops the history. So
 * such a board says why it cannot open, its snapshots stay exportable, and the facilitator
 * repairs it deliberately by restoring a snapshot (snapshots.ts), which first saves the
 * unreadable state as a snapshot of its own.
 */
import type * as Y from 'yjs';
import {
  CURRENT_SCHEMA_VERSION,
  MigrationError,
  docSchemaVersion,
  migrateDoc,
  type MigrationResult,
} from '../../shared/migrations';
import { CLOSE } from './closeCodes';

/** A document that cannot be opened, and how each side reports it. */
export interface LoadProblem {
  readonly closeCode: number;
  readonly httpStatus: 409 | 422;
  readonly error: 'board_too_new' | 'board_unreadable';
  /** One sentence, short enough for a websocket close reason (at most 123 bytes). */
  readonly reason: string;
}

/** Migrates `doc` to the current format, or says why it cannot be (the document is then unchanged). */
export function migrateOrExplain(doc: Y.Doc, origin: unknown): MigrationResult | LoadProblem {
  try {
    return migrateDoc(doc, { origin });
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    return explain(doc);
  }
}

/** Whether `result` is a problem rather than a migration. */
export function isLoadProblem(result: MigrationResult | LoadProblem): result is LoadProblem {
  return 'closeCode' in result;
}

function explain(doc: Y.Doc): LoadProblem {
  const version = docSchemaVersion(doc);
  if (version > CURRENT_SCHEMA_VERSION)
    return {
      closeCode: CLOSE.documentTooNew,
      httpStatus: 409,
      error: 'board_too_new',
      reason: `this board has format version ${String(version).slice(0, 20)}; this server reads up to ${CURRENT_SCHEMA_VERSION}`,
    };
  return {
    closeCode: CLOSE.documentUnreadable,
    httpStatus: 422,
    error: 'board_unreadable',
    reason: `this board's stored document cannot be migrated to format version ${CURRENT_SCHEMA_VERSION}`,
  };
}
