/**
 * Word wrapping of hostile text (issue 12, finding 2): a 10,000-character word without spaces
 * once took minutes to wrap (the routine re-measured ever shorter prefixes); now each run is
 * measured once and runs longer than MAX_UNBROKEN_RUN are cut, so these take milliseconds.
 * The SVG export of a board holding such a card is measured too.
 */
import { bench, describe } from 'vitest';
import * as Y from 'yjs';
import { loadBoardJson } from '../../shared/boardJson';
import { readBoard } from '../../shared/readBoard';
import { renderBoardSvg } from '../../shared/render/svg';
import { measureText, wrapLines } from '../../shared/render/textMeasure';
import { syntheticBoard } from './boards';

const word = 'Waterschapsbestuursvergadering'.repeat(334).slice(0, 10_000);
const prose = 'boeren en waterschap houden samen water vast '.repeat(220);
const measure = (text: string) => measureText(text, 15);

const json = syntheticBoard(20, 5);
json.items = json.items.map((item, i) => (i < 5 ? { ...item, text: word } : item));
const doc = new Y.Doc();
loadBoardJson(doc, json);
const board = readBoard(doc);

describe('wrapping hostile text', () => {
  bench('10,000-character word', () => {
    wrapLines(word, 230, measure);
  });
  bench('10,000 characters of prose', () => {
    wrapLines(prose, 230, measure);
  });
  bench('SVG of a board with five 10,000-character words', () => {
    renderBoardSvg({ ...board });
  });
});
