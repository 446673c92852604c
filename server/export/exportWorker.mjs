// The entry of an export worker thread (piscina loads it). The server runs its TypeScript
// source under tsx, whose loader a worker does not inherit, so it is registered here before
// the job module is imported; the default export is the function piscina calls per task.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { register } from 'tsx/esm/api';

register();
const { renderExport } = await import('./renderExport.ts');
const { loadImport } = await import('./loadImport.ts');

/** Renders one task; the file's bytes are transferred to the server thread, not copied. */
export default async function run(task) {
  markStarted(task);
  const result = await renderExport(task);
  return 'body' in result ? transfer(result, 'body') : result;
}

/** Loads an uploaded board (the import route); the new state is transferred likewise. */
export async function importBoard(task) {
  markStarted(task);
  const result = loadImport(task);
  return result.ok ? transfer(result, 'state') : result;
}

/** Tells the server thread when this job began: its time budget counts from here. */
function markStarted(task) {
  Atomics.store(task.started, 0, BigInt(Date.now()));
}

/** `result` with its `field` bytes copied into their own buffer and moved, not cloned. */
function transfer(result, field) {
  const bytes = new Uint8Array(result[field].length);
  bytes.set(result[field]);
  return move({
    get [transferableSymbol]() {
      return [bytes.buffer];
    },
    get [valueSymbol]() {
      return { ...result, [field]: bytes };
    },
  });
}
