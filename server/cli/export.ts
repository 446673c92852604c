/**
 * Exports a board from the store directly, without a running server:
 *
 *   npm run export -- <boardId> --format png --out rivierenland.png [--snapshot <sid>]
 *
 * Reads the SQLite file in DATA_DIR (safe while a server runs: WAL readers do not block it).
 * `--out -` writes to standard output; without `--out` the file gets its export name in the
 * current folder. DATABASE_URL (PostgreSQL) is not supported yet.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BoardUnreadableError, readableBoard, readState } from '../boards/boardState';
import { BOARD_ID_PATTERN } from '../boards/tokens';
import { EXPORT_FORMATS, exportBoard, isExportFormat } from '../export/exportBoard';
import { createSqliteStorage } from '../storage/sqliteStorage';

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
  if (process.env.DATABASE_URL)
    throw new UsageError(
      'DATABASE_URL is set, but PostgreSQL storage is not supported yet: unset it to export from DATA_DIR (SQLite)',
    );
  const dataDir = process.env.DATA_DIR || './data';
  const storage = createSqliteStorage(dataDir);
  try {
    const record = BOARD_ID_PATTERN.test(boardId) ? await storage.getBoard(boardId) : null;
    if (!record) throw new UsageError(`no board "${boardId}" in ${dataDir}`);
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

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    error instanceof BoardUnreadableError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`export: ${(error as Error).message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
