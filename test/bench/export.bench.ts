/**
 * Server-side export of a 5,000-item board (2,000 links) in every format. DESIGN.md's target:
 * SVG and PNG ≤ 2 s. Each run starts from a fresh read model (as the API does per request),
 * so no per-board cache flatters the numbers; text wrapping keeps its global cache, as a
 * running server does.
 */
import { bench, describe } from 'vitest';
import { readBoard } from '../../shared/readBoard';
import { exportBoard, EXPORT_FORMATS } from '../../server/export/exportBoard';
import { syntheticDoc } from './boards';

const board = readBoard(syntheticDoc(5000, 2000));

describe('export a 5,000-item board', () => {
  for (const format of EXPORT_FORMATS) {
    bench(
      format,
      async () => {
        await exportBoard({ ...board }, format);
      },
      { iterations: 3, warmupIterations: 1, time: 0 },
    );
  }
});
