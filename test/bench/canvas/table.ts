/** The bench's results and the markdown table it prints: rows N × measure, one column per app. */

/** The worst of an app's runs at one board size. */
export interface SizeResult {
  /** Navigation start to the first complete draw, ms. */
  open: number;
  /** Pan at 100 %: p95 frame (ms), frames over 50 ms, frames recorded. */
  pan: FrameStats;
  /** Pan with the whole board in view. */
  fit: FrameStats;
  /** JS heap after a forced GC, bytes. */
  heap: number;
  dom: number;
}

/** Frame statistics of one measured gesture. */
export interface FrameStats {
  p95: number;
  over50: number;
  frames: number;
}

/** One app's results: per board size, and dragging one card among 2,000 (when measured). */
export interface AppResults {
  sizes: Map<number, SizeResult>;
  drag: FrameStats | null;
}

/** The worse of two frame statistics, measure by measure. */
export function worseFrames(a: FrameStats | null, b: FrameStats): FrameStats {
  if (!a) return b;
  return {
    p95: Math.max(a.p95, b.p95),
    over50: Math.max(a.over50, b.over50),
    frames: Math.max(a.frames, b.frames),
  };
}

/** The worse of two runs at one size, measure by measure. */
export function worseSize(a: SizeResult | undefined, b: SizeResult): SizeResult {
  if (!a) return b;
  return {
    open: Math.max(a.open, b.open),
    pan: worseFrames(a.pan, b.pan),
    fit: worseFrames(a.fit, b.fit),
    heap: Math.max(a.heap, b.heap),
    dom: Math.max(a.dom, b.dom),
  };
}

type Cell = { text: string; value: number };

const seconds = (ms: number): Cell => ({ text: `${(ms / 1000).toFixed(2)} s`, value: ms });
const millis = (ms: number): Cell => ({ text: `${ms.toFixed(1)} ms`, value: ms });
const megabytes = (bytes: number): Cell => ({ text: `${(bytes / 1024 / 1024).toFixed(1)} MB`, value: bytes });
const count = (n: number): Cell => ({ text: n.toLocaleString('en-GB'), value: n });
const framesOver = (s: FrameStats): Cell => ({ text: `${s.over50} of ${s.frames}`, value: s.over50 });

function ratio(peer: Cell | null, ours: Cell | null): string {
  if (!peer || !ours || !Number.isFinite(peer.value) || !Number.isFinite(ours.value)) return '–';
  if (peer.value === 0) return ours.value === 0 ? '=' : '–';
  return `×${(ours.value / peer.value).toFixed(2)}`;
}

const MEASURES: [string, (r: SizeResult) => Cell][] = [
  ['cold open', (r) => seconds(r.open)],
  ['pan p95 at 100 %', (r) => millis(r.pan.p95)],
  ['frames > 50 ms at 100 %', (r) => framesOver(r.pan)],
  ['pan p95, whole board in view', (r) => millis(r.fit.p95)],
  ['frames > 50 ms, whole board', (r) => framesOver(r.fit)],
  ['JS heap after GC', (r) => megabytes(r.heap)],
  ['DOM nodes', (r) => count(r.dom)],
];

/** The markdown table of both apps' results (ratio = Olievlek ÷ Excalidraw; lower is better). */
export function resultTable(sizes: readonly number[], peer: AppResults, ours: AppResults): string {
  const lines = ['| N | measure | Excalidraw | Olievlek | ratio |', '|---:|---|---:|---:|---:|'];
  const row = (n: string, measure: string, a: Cell | null, b: Cell | null) =>
    lines.push(`| ${n} | ${measure} | ${a?.text ?? '–'} | ${b?.text ?? '–'} | ${ratio(a, b)} |`);
  for (const size of sizes) {
    const a = peer.sizes.get(size);
    const b = ours.sizes.get(size);
    for (const [measure, cell] of MEASURES)
      row(size.toLocaleString('en-GB'), measure, a ? cell(a) : null, b ? cell(b) : null);
  }
  if (peer.drag || ours.drag) {
    const drag = (s: FrameStats | null) => (s ? millis(s.p95) : null);
    const dragOver = (s: FrameStats | null) => (s ? framesOver(s) : null);
    row('2,000', 'drag one card: p95 frame', drag(peer.drag), drag(ours.drag));
    row('2,000', 'drag one card: frames > 50 ms', dragOver(peer.drag), dragOver(ours.drag));
  }
  return lines.join('\n');
}
