/**
 * The board's analyses, recomputed shortly after the board changes rather than on every
 * keystroke: at 5,000 items an analysis takes tens of milliseconds, which typing must not pay.
 */
import { useEffect, useState } from 'react';
import { analyseBoard, type BoardAnalysis } from '../../shared/analysis';
import type { BoardReadModel } from '../../shared/readBoard';

/** Boards up to this size are analysed at once; larger ones after a short pause in editing. */
const IMMEDIATE_ITEMS = 500;
const PAUSE_MS = 250;

/** The latest analysis of `board` (null until the first one is ready). */
export function useAnalysis(board: BoardReadModel): BoardAnalysis | null {
  const [analysis, setAnalysis] = useState<{ board: BoardReadModel; result: BoardAnalysis } | null>(null);
  useEffect(() => {
    if (analysis?.board === board) return;
    const delay = board.items.length <= IMMEDIATE_ITEMS ? 0 : PAUSE_MS;
    const timer = setTimeout(() => setAnalysis({ board, result: analyseBoard(board) }), delay);
    return () => clearTimeout(timer);
  }, [board, analysis]);
  return analysis?.result ?? null;
}
