/** A dot grid drawn in one shape, with spacing that adapts to the zoom so it never turns into noise. */
import { Shape } from 'react-konva';
import type { Rect } from '../../shared/geometry';
import { GRID_DOT } from './theme';

/** The dot grid over the visible area. */
export function Grid({ area, zoom }: { area: Rect; zoom: number }) {
  let spacing = 40;
  while (spacing * zoom < 24) spacing *= 2;
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context) => {
        const radius = 1.4 / zoom;
        context.fillStyle = GRID_DOT;
        const startX = Math.floor(area.x / spacing) * spacing;
        const startY = Math.floor(area.y / spacing) * spacing;
        for (let x = startX; x <= area.x + area.w; x += spacing) {
          for (let y = startY; y <= area.y + area.h; y += spacing) {
            context.fillRect(x - radius, y - radius, radius * 2, radius * 2);
          }
        }
      }}
    />
  );
}
