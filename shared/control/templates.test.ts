import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MECHANISMS } from '../mechanisms';
import { readBoard } from '../readBoard';
import { initBoardDoc } from '../ydoc';
import { applyTemplate } from './applyTemplate';
import { TEMPLATES } from './fields';
import { readControl } from './readControl';
import { TEMPLATE_DESCRIPTIONS, workshopTemplate } from './templates';

const WORKSHOPS = ['harvest', 'propel', 'boundaries'] as const;

describe('workshop templates', () => {
  it.each(WORKSHOPS.flatMap((t) => (['nl', 'en'] as const).map((l) => [t, l] as const)))(
    '%s in %s has at least three phases with prompts and minutes, and an area per phase',
    (template, language) => {
      const { phases, areas } = workshopTemplate(template, language);
      expect(phases.length).toBeGreaterThanOrEqual(3);
      for (const phase of phases) {
        expect(phase.title.length).toBeGreaterThan(0);
        expect(phase.prompt.length).toBeGreaterThan(0);
        expect(phase.minutes).toBeGreaterThan(0);
      }
      expect(new Set(phases.map((p) => p.id)).size).toBe(phases.length);
      expect(new Set(areas.map((a) => a.id)).size).toBe(areas.length);
      expect(areas.length).toBeGreaterThanOrEqual(phases.length);
    },
  );

  it('speaks the board language', () => {
    for (const template of WORKSHOPS) {
      const nl = workshopTemplate(template, 'nl');
      const en = workshopTemplate(template, 'en');
      expect(nl.phases.map((p) => p.id)).toEqual(en.phases.map((p) => p.id));
      nl.phases.forEach((phase, i) => expect(phase.prompt).not.toBe(en.phases[i]!.prompt));
    }
    expect(workshopTemplate('harvest', 'nl').phases[0]!.title).toBe('Ambitie');
    expect(workshopTemplate('harvest', 'en').phases[0]!.title).toBe('Ambition');
  });

  it('gives propel one lane per mechanism with its question', () => {
    const { areas } = workshopTemplate('propel', 'en');
    const lanes = areas.filter((a) => a.id.startsWith('area-lane-'));
    expect(lanes.map((a) => a.id)).toEqual(MECHANISMS.map((m) => `area-lane-${m}`));
    expect(lanes.find((a) => a.id === 'area-lane-robustness')?.text).toBe(
      'Robustness: Where can it land in regular policy?',
    );
  });

  it('lays out areas without overlap', () => {
    for (const template of WORKSHOPS) {
      const { areas } = workshopTemplate(template, 'nl');
      for (const a of areas)
        for (const b of areas) {
          if (a === b) continue;
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
        }
    }
  });

  it('has a title and description for every template in both languages', () => {
    for (const template of TEMPLATES) {
      for (const language of ['nl', 'en'] as const) {
        expect(TEMPLATE_DESCRIPTIONS[template].title[language].length).toBeGreaterThan(0);
        expect(TEMPLATE_DESCRIPTIONS[template].description[language].length).toBeGreaterThan(0);
      }
    }
  });
});

describe('applyTemplate', () => {
  it.each(WORKSHOPS)('puts %s on a board: frames, phases at the first, areas locked', (template) => {
    const content = new Y.Doc();
    initBoardDoc(content, { schemaVersion: 1, title: 'Werkplaats', language: 'nl' });
    const control = new Y.Doc();
    let contentTransactions = 0;
    let controlTransactions = 0;
    content.on('afterTransaction', () => (contentTransactions += 1));
    control.on('afterTransaction', () => (controlTransactions += 1));
    applyTemplate(content, control, { template, language: 'nl', createdBy: 'server', now: 1 });
    expect([contentTransactions, controlTransactions]).toEqual([1, 1]);

    const board = readBoard(content);
    const state = readControl(control);
    expect(board.problems).toEqual([]);
    expect(state.problems).toEqual([]);
    expect(board.items.every((i) => i.kind === 'frame')).toBe(true);
    expect(board.items.map((i) => i.id).sort()).toEqual([...state.lockedItems].sort());
    expect(state.template).toBe(template);
    expect(state.phase).toBe(state.phases[0]!.id);
    expect(state.currentPhase?.prompt.length).toBeGreaterThan(0);
  });

  it('leaves a blank board empty apart from its template', () => {
    const content = new Y.Doc();
    const control = new Y.Doc();
    applyTemplate(content, control, { template: 'blank', language: 'en', createdBy: 'server', now: 1 });
    expect(readBoard(content).items).toEqual([]);
    expect(readControl(control)).toMatchObject({ template: 'blank', phases: [], phase: null });
  });
});
