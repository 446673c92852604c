import { describe, expect, it } from 'vitest';
import { syntheticBoard } from '../boards';
import { excalidrawScene } from './scene';

describe('the Excalidraw scene of the synthetic board', () => {
  it('has one card per item in the same place and size, and one bound arrow per link', () => {
    const board = syntheticBoard(200, 100);
    const scene = excalidrawScene(board);
    const cards = scene.filter((element) => element.type === 'rectangle');
    const arrows = scene.filter((element) => element.type === 'arrow');
    expect(cards).toHaveLength(200);
    expect(arrows).toHaveLength(100);
    const item = board.items[123]!;
    expect(cards[123]).toMatchObject({
      id: item.id,
      x: item.x,
      y: item.y,
      width: item.w,
      height: item.h,
      label: { text: item.text },
    });
    const link = board.links[7]!;
    expect(arrows[7]).toMatchObject({ id: link.id, start: { id: link.from }, end: { id: link.to } });
    // Under the cards, so a press on a card's middle takes the card, not an arrow's end.
    expect(scene.findIndex((element) => element.type === 'rectangle')).toBe(arrows.length);
  });
});
