/**
 * A dot grid drawn in one shape over whatever the stage shows right now (it reads the stage's
 * live transform, so it stays right while the camera moves outside React), with spacing that
 * adapts to the zoom so it never turns into noise.
 */
import { Shape } from 'react-konva';
import { GRID_DOT } from './theme';

/** The dot grid over the visible area. */
export function Grid() {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context, shape) => {
        const stage = shape.getStage();
        if (!stage) return;
        const zoom = stage.scaleX();
        const area = {
          x: -stage.x() / zoom,
          y: -stage.y() / zoom,
          w: stage.width() / zoom,
          h: stage.height() / zoom,
        };
        let spacing = 40;
        while (spacing * zoom < 24) spacing *= 2;
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
