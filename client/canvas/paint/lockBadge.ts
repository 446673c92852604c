/** The lock a facilitator's locked item shows in its top-right corner: two shapes, no text. */
import type { Primitive } from '../../../shared/render/primitives';

const LOCK = '#495057';

/** The lock's drawing in item-local units; zoomed far out it is drawn four times larger, so it stays visible. */
export function lockBadge(right: number, detail: 'full' | 'low'): Primitive[] {
  const s = detail === 'low' ? 4 : 1;
  const x = right - 20 * s;
  const y = 6 * s;
  // The shackle: the upper half of a ring of radius 4, stroked 2 wide.
  const shackle: number[] = [];
  for (let i = 0; i <= 8; i++) {
    const angle = Math.PI + (i / 8) * Math.PI;
    shackle.push(x + (7 + 4 * Math.cos(angle)) * s, y + (7 + 4 * Math.sin(angle)) * s);
  }
  return [
    { type: 'line', points: shackle, stroke: LOCK, strokeWidth: 2 * s },
    { type: 'rect', x: x + s, y: y + 7 * s, w: 12 * s, h: 9 * s, radius: 2 * s, fill: LOCK },
  ];
}
