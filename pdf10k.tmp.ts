import * as Y from 'yjs';
import { createExportPool } from './server/export/exportPool';
import { syntheticDoc } from './test/bench/boards';
const n = Number(process.argv[2]);
const pool = createExportPool({ workers: 1, memoryMb: 1024, timeoutMs: 300_000 });
const updates = [Y.encodeStateAsUpdate(syntheticDoc(n, n / 4))];
for (const format of ['svg', 'png', 'pdf'] as const) {
  const t = performance.now();
  try { const r = await pool.run({ updates, format, now: Date.now() }); console.log(n, format, r.body.length, Math.round(performance.now() - t)); }
  catch (e) { console.log(n, format, (e as Error).message, Math.round(performance.now() - t)); }
}
await pool.close();
