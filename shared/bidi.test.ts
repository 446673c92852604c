import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isolatePlainText, stripBidiControls } from './bidi';
import { loadBoardJson } from './boardJson';
import { readBoard } from './readBoard';
import { boardReport, reportMarkdown } from './render/report';
import { renderBoardSvg } from './render/svg';

const RLO = '\u202E';
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

describe('bidi controls', () => {
  it('strips embeddings, overrides and isolates, and keeps right-to-left letters', () => {
    expect(stripBidiControls(`${RLO}water\u202C \u2067x\u2069 \u202A\u202B\u202D\u2066\u2068`)).toBe(
      'water x ',
    );
    expect(stripBidiControls('מים \u200F ماء')).toBe('מים \u200F ماء');
  });

  it('isolates plain text in one first-strong isolate, with nothing inside that can escape it', () => {
    expect(isolatePlainText(`${RLO}abc\u2069`)).toBe('\u2068abc\u2069');
  });

  it('leaves no bidi control in the SVG or Markdown export of a board that is full of them', () => {
    const doc = new Y.Doc();
    const hostile = `${RLO}gnidaol\u2066 \u202Bx\u202C`;
    const base = { w: 260, h: 120, index: 'a0', createdBy: 'u', createdAt: 0 };
    loadBoardJson(doc, {
      format: 'olievlek-board',
      schemaVersion: 1,
      meta: { schemaVersion: 1, title: `Title ${hostile}`, language: 'en' },
      items: [
        { ...base, id: 'a', kind: 'ambition', x: 600, y: 0, text: hostile, horizon: `${RLO}2050` },
        { ...base, id: 'w', kind: 'smallWin', x: 0, y: 0, text: hostile, status: 'idea', mechanisms: [] },
        { ...base, id: 'f', kind: 'frame', x: -50, y: 300, w: 400, h: 200, text: hostile },
      ],
      links: [{ id: 'l', kind: 'contributes', from: 'w', to: 'a', label: hostile }],
      votes: {},
    });
    const board = readBoard(doc);
    expect(board.meta.title).toContain(RLO);
    const svg = renderBoardSvg(board).svg;
    expect(svg).toContain('gnidaol');
    expect(svg).not.toMatch(CONTROLS);
    const markdown = reportMarkdown(boardReport(board, { exportedAt: new Date(0) }));
    expect(markdown).toContain('gnidaol');
    expect(markdown).not.toMatch(CONTROLS);
  });
});
