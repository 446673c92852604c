// The entry of an export worker thread (piscina loads it). The server runs its TypeScript
// source under tsx, whose loader a worker does not inherit, so it is registered here before
// the job module is imported; the default export is the function piscina calls per task.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { register } from 'tsx/esm/api';

register();
const { renderExport } = await import('./renderExport.ts');

/** Renders one task; the file's bytes are transferred to the server thread, not copied. */
export default async function run(task) {
  const result = await renderExport(task);
  const body = new Uint8Array(result.body.length);
  body.set(result.body);
  return move({
    get [transferableSymbol]() {
      return [body.buffer];
    },
    get [valueSymbol]() {
      return { ...result, body };
    },
  });
}
