import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { analyseBoard } from '../analysis';
import { loadBoardJson } from '../boardJson';
import { readBoard, type BoardReadModel } from '../readBoard';
import { exportFileName, safeStem } from './fileName';
import { boardReport, escapeMarkdown, reportMarkdown } from './report';
import { escapeXml } from './svgMarkup';
import { renderBoardSvg } from './svg';
import { measureText, wrapText } from './textMeasure';

const example = JSON.parse(
  readFileSync(new URL('../../test/fixtures/rivierenland.json', import.meta.url), 'utf8'),
);

function boardOf(json: unknown): BoardReadModel {
  const doc = new Y.Doc();
  loadBoardJson(doc, json);
  return readBoard(doc);
}

const HOSTILE = `</text><script>alert("x")</script> & ' " \u0001 ]]> <!-- --> ${'\ud800'}`;

function hostileBoard(): BoardReadModel {
  const base = { w: 260, h: 120, index: 'a0', createdBy: 'u', createdAt: 0 };
  return boardOf({
    format: 'olievlek-board',
    schemaVersion: 1,
    meta: { schemaVersion: 1, title: '../../etc/passwd "x"\nnew line', language: 'en' },
    items: [
      { ...base, id: 'a', kind: 'ambition', x: 600, y: 0, text: HOSTILE, horizon: '<2050>' },
      { ...base, id: 'w', kind: 'smallWin', x: 0, y: 0, text: HOSTILE, status: 'idea', mechanisms: [] },
      {
        ...base,
        id: 'b',
        kind: 'boundary',
        x: 400,
        y: -50,
        w: 0,
        h: 300,
        text: HOSTILE,
        boundaryType: 'social',
        dimension: 'sphere',
      },
      { ...base, id: 'f', kind: 'frame', x: -50, y: 300, w: 400, h: 200, text: HOSTILE },
    ],
    links: [{ id: 'l', kind: 'contributes', from: 'w', to: 'a', label: HOSTILE }],
    votes: {},
  });
}

describe('text measuring', () => {
  it('measures with DejaVu Sans widths, bold wider than regular', () => {
    // DejaVu Sans: "M" is 863/1000 em, bold 995/1000.
    expect(measureText('M', 10)).toBeCloseTo(8.63, 2);
    expect(measureText('M', 10, 'bold')).toBeCloseTo(9.95, 2);
    expect(measureText('漢字', 10)).toBe(20);
  });

  it('wraps at spaces and cuts words wider than the line', () => {
    const block = wrapText('Ruimte voor de rivier', 100, 15);
    expect(block.lines.length).toBeGreaterThan(1);
    for (const line of block.lines) expect(measureText(line, 15)).toBeLessThanOrEqual(100);
    expect(block.lines.join(' ')).toBe('Ruimte voor de rivier');
    const long = wrapText('Waterschapsbestuursvergadering', 60, 15).lines;
    expect(long.join('')).toBe('Waterschapsbestuursvergadering');
    for (const line of long) expect(measureText(line, 15)).toBeLessThanOrEqual(60);
  });
});

describe('renderBoardSvg', () => {
  it('renders the example board as well-formed SVG with every item text', () => {
    const board = boardOf(example);
    const { svg, width, height } = renderBoardSvg(board);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(500);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg: unknown };
    // Wrapping may cut a long word across lines, so compare without white space.
    const texts = collectText(parsed.svg).join('').replace(/\s+/g, '');
    for (const item of board.items) expect(texts).toContain(item.text.replace(/\s+/g, ''));
  });

  it('escapes whatever people typed and stays well-formed', () => {
    const { svg } = renderBoardSvg(hostileBoard());
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('\u0001');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
  });

  it('draws an empty board', () => {
    const empty = boardOf({
      format: 'olievlek-board',
      schemaVersion: 1,
      meta: { title: '', language: 'nl' },
      items: [],
      links: [],
    });
    const { svg } = renderBoardSvg(empty);
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('report', () => {
  it('lists every path with its boundaries, the wins by status and the votes', () => {
    const board = boardOf(example);
    const analysis = analyseBoard(board);
    const md = reportMarkdown(boardReport(board, { exportedAt: new Date('2026-05-01T10:00:00Z') }));
    expect(md).toContain('# Small wins Rivierenland');
    expect(md).toContain('2026-05-01');
    const pathLines = md.split('\n').filter((line) => /^\d+\. .*—(draagt bij aan)→/.test(line));
    expect(pathLines).toHaveLength(analysis.paths.length);
    expect(analysis.paths.length).toBeGreaterThan(0);
    expect(md).toContain('## Small wins per status');
    expect(md).toContain('## Stemmen');
    expect(md).toContain('steekt over');
  });

  it('covers every kind on the board', () => {
    const md = reportMarkdown(boardReport(boardOf(example)));
    const kinds = example.items as { kind: string; text: string }[];
    for (const item of kinds) {
      // Every item's text (first words) is somewhere in the report, whatever its kind.
      const words = item.text.replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' ');
      if (words && item.kind !== 'boundary') expect(md, `${item.kind}: ${words}`).toContain(words);
    }
    expect(md).toContain('## Actoren');
    expect(md).toContain('## Interventies');
    expect(md).toContain('## Notities');
    expect(md).toContain('## Kaders en eilanden van overeenstemming');
  });

  it('speaks the language chosen at export', () => {
    const md = reportMarkdown(boardReport(boardOf(example), { language: 'en' }));
    expect(md).toContain('## Small wins by status');
    expect(md).toContain('## Actors');
    expect(md).not.toContain('## Actoren');
  });

  it('shows a vote ranking only when there was a vote', () => {
    const withVotes = reportMarkdown(boardReport(boardOf(example), { language: 'en' }));
    expect(withVotes).toContain('## Vote ranking');
    const md = reportMarkdown(boardReport(boardOf({ ...example, votes: {} }), { language: 'en' }));
    expect(md).not.toContain('Vote ranking');
    expect(md).not.toMatch(/voted/i);
  });

  it('keeps board text from adding Markdown', () => {
    expect(escapeMarkdown('# kop\n* [link](http://x) <b>')).toBe('\\# kop \\* \\[link\\](http://x) \\<b\\>');
    const md = reportMarkdown(boardReport(hostileBoard()));
    expect(md).not.toMatch(/(^|[^\\])<script/);
  });
});

describe('export file names', () => {
  it('are safe whatever the title holds', () => {
    const date = new Date('2026-05-01T10:00:00Z');
    expect(exportFileName('../../etc/passwd', date, 'png')).toBe('etc-passwd-2026-05-01.png');
    expect(exportFileName('a "quoted"\r\nname', date, 'pdf')).toBe('a-quoted-name-2026-05-01.pdf');
    expect(exportFileName('Ruimte voor de rivier: één', date, 'svg')).toBe(
      'Ruimte-voor-de-rivier-een-2026-05-01.svg',
    );
    expect(safeStem('...')).toBe('olievlek');
    expect(safeStem('x'.repeat(500))).toHaveLength(80);
    expect(exportFileName('t', date, 'md', 'Na de oogst')).toBe('t-2026-05-01-Na-de-oogst.md');
  });
});

function collectText(node: unknown): string[] {
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap(collectText);
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => (key.startsWith('@_') ? [] : collectText(value)));
  return [];
}
