/**
 * Exports a board from the store directly, without a running server:
 *
 *   npm run export -- <boardId> --format png --out rivierenland.png [--snapshot <sid>]
 *
 * Reads PostgreSQL when DATABASE_URL is set (as the server does; it never migrates or writes),
 * else the SQLite file in DATA_DIR (safe while a server runs: WAL readers do not block it).
 * `--out -` writes to standard output; without `--out` the file gets its export name in the
 * current folder.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BoardUnreadableError, readableBoard, readState } from '../boards/boardState';
import { BOARD_ID_PATTERN } from '../boards/tokens';
import { EXPORT_FORMATS, exportBoard, isExportFormat } from '../export/exportBoard';
import { ConfigError } from '../config';
import { createPostgresStorage, PostgresStorageError } from '../storage/postgresStorage';
import { createSqliteStorage } from '../storage/sqliteStorage';
import type { Storage } from '../storage/storage';

/** A mistake of the caller: printed without a stack, exit code 2. */
class UsageError extends Error {}

const USAGE = `usage: npm run export -- <boardId> --format ${EXPORT_FORMATS.join('|')} [--out FILE|-] [--snapshot ID]`;

async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      snapshot: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [boardId, ...extra] = positionals;
  if (!boardId || extra.length > 0) throw new UsageError(USAGE);
  const format = values.format ?? 'json';
  if (!isExportFormat(format))
    throw new UsageError(`unknown format "${format}": use one of ${EXPORT_FORMATS.join(', ')}`);
  const { storage, where } = await openStore();
  try {
    const record = BOARD_ID_PATTERN.test(boardId) ? await storage.getBoard(boardId) : null;
    if (!record) throw new UsageError(`no board "${boardId}" in ${where}`);
    let suffix: string | undefined;
    let board;
    if (values.snapshot) {
      const snapshot = await storage.getSnapshot(boardId, values.snapshot);
      if (!snapshot) throw new UsageError(`board "${boardId}" has no snapshot "${values.snapshot}"`);
      board = readState(snapshot.state);
      suffix = snapshot.label;
    } else {
      // A board that cannot be read exports its newest readable snapshot, as the server does.
      const readable = await readableBoard(storage, null, boardId);
      board = readable.board;
      if (readable.fallback) {
        suffix = readable.fallback.snapshot.label;
        console.error(
          `export: ${readable.fallback.problem.reason}; exporting snapshot ${readable.fallback.snapshot.id} instead`,
        );
      }
    }
    const file = await exportBoard(board, format, { suffix });
    if (values.out === '-') process.stdout.write(file.body);
    else {
      const out = values.out ?? file.fileName;
      writeFileSync(out, file.body);
      console.error(`wrote ${out} (${file.body.length} bytes)`);
    }
  } finally {
    await storage.close();
  }
}

/** The store the server uses: PostgreSQL at DATABASE_URL, else SQLite in DATA_DIR. */
async function openStore(): Promise<{ storage: Storage; where: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const storage = await createPostgresStorage(url, { migrate: false, poolSize: 2 });
    return { storage, where: `PostgreSQL at ${storage.where} (schema ${storage.schema})` };
  }
  const dataDir = process.env.DATA_DIR || './data';
  return { storage: createSqliteStorage(dataDir), where: dataDir };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    error instanceof BoardUnreadableError ||
    error instanceof ConfigError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`export: ${(error as Error).message}`);
    process.exit(2);
  }
  // The store being away is no bug of ours: its message names the server, a stack adds nothing.
  console.error(error instanceof PostgresStorageError ? `export: ${error.message}` : error);
  process.exit(1);
});
