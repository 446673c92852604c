import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommandError } from '../commands';
import {
  addTime,
  clearVote,
  closeVote,
  goToPhase,
  openVote,
  pauseTimer,
  resetTimer,
  resumeTimer,
  revealVote,
  setFollow,
  setItemsLocked,
  setLocked,
  startTimer,
  startWorkshop,
  stepPhase,
} from './commands';
import { MAX_PHASES, type Phase } from './fields';
import { getControl, readControl } from './readControl';
import { formatClock, timeLeftMs } from './timer';

const phases: Phase[] = [
  { id: 'ambition', title: 'Ambitie', prompt: 'Prikkelt ze?', minutes: 20 },
  { id: 'harvest', title: 'Oogsten', prompt: 'Welke stap maakte verschil?', minutes: 40 },
  { id: 'value', title: 'Waarderen', prompt: 'Is het klein en betekenisvol?', minutes: 30 },
];
const me = Symbol('me');
const NOW = 1_800_000_000_000;

/** A control document with raw values written as a hostile or buggy writer would. */
function docWith(fields: Record<string, unknown>): Y.Doc {
  const doc = new Y.Doc();
  const control = getControl(doc);
  for (const [key, value] of Object.entries(fields)) control.set(key, value);
  return doc;
}

describe('readControl', () => {
  it('reads an empty control document as every default', () => {
    const control = readControl(new Y.Doc());
    expect(control).toMatchObject({
      locked: false,
      template: null,
      phases: [],
      phase: null,
      currentPhase: null,
      timer: null,
      voting: null,
      follow: null,
      problems: [],
    });
    expect(control.lockedItems.size).toBe(0);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a string lock', { locked: 'yes' }],
    ['an unknown template', { template: 'brainstorm' }],
    ['phases that are no array', { phases: 'harvest' }],
    ['a timer word', { timer: 'running' }],
    ['a NaN endsAt', { timer: { running: true, endsAt: NaN, remainingMs: null } }],
    ['an infinite endsAt', { timer: { running: true, endsAt: Infinity } }],
    ['a negative remainingMs', { timer: { running: false, endsAt: null, remainingMs: -5 } }],
    ['a negative budget', { voting: { id: 'v', open: true, budget: -2, kind: 'smallWin', revealed: false } }],
    [
      'a fractional budget',
      { voting: { id: 'v', open: true, budget: 2.5, kind: 'smallWin', revealed: false } },
    ],
    [
      'a vote on an unknown kind',
      { voting: { id: 'v', open: true, budget: 3, kind: 'idea', revealed: false } },
    ],
    ['a follow without user', { follow: { name: 'Anna' } }],
    ['locked items as an array', { lockedItems: ['a'] }],
  ])('reads %s as the default and reports it', (_name, fields) => {
    const control = readControl(docWith(fields));
    expect(control.problems.map((p) => p.field)).toEqual([Object.keys(fields)[0]]);
    expect(control).toMatchObject({ locked: false, template: null, timer: null, voting: null, follow: null });
    expect(control.phases).toEqual([]);
  });

  it('reads a shared type where a plain value belongs as the default', () => {
    const doc = new Y.Doc();
    getControl(doc).set('timer', new Y.Map());
    expect(readControl(doc).timer).toBeNull();
    expect(readControl(doc).problems).toHaveLength(1);
  });

  it('reads only the first phases of 10,000 and says so', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      id: `p${i}`,
      title: `P${i}`,
      prompt: '',
      minutes: 1,
    }));
    const control = readControl(docWith({ phases: many, phase: 'p9999' }));
    expect(control.phases).toHaveLength(MAX_PHASES);
    expect(control.phase).toBeNull();
    expect(control.problems.map((p) => p.field)).toEqual(['phases', 'phase']);
  });

  it('keeps the valid phases, skipping broken and repeated ones', () => {
    const control = readControl(
      docWith({
        phases: [phases[0], { id: 'x', title: '', prompt: 'p', minutes: 5 }, phases[0], phases[1], 7],
        phase: 'harvest',
      }),
    );
    expect(control.phases.map((p) => p.id)).toEqual(['ambition', 'harvest']);
    expect(control.currentPhase?.title).toBe('Oogsten');
    expect(control.problems.map((p) => p.field)).toEqual(['phases.1', 'phases.2', 'phases.4']);
  });

  it('reads a phase id that names no phase as no phase', () => {
    const control = readControl(docWith({ phases, phase: 'nowhere' }));
    expect(control.phase).toBeNull();
    expect(control.currentPhase).toBeNull();
    expect(control.problems[0]?.reason).toContain('nowhere');
  });

  it('never throws on hostile values in any field', () => {
    const hostile: unknown[] = [
      null,
      NaN,
      -1,
      1e308,
      '',
      '<script>',
      [],
      {},
      { __proto__: { locked: true } },
      'x'.repeat(100_000),
    ];
    const fields = ['locked', 'template', 'phases', 'phase', 'timer', 'voting', 'follow', 'lockedItems'];
    for (const field of fields) {
      for (const value of hostile) expect(() => readControl(docWith({ [field]: value }))).not.toThrow();
    }
  });

  it('reads locked items set to true only', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    getControl(doc).set('lockedItems', map);
    map.set('a', true);
    map.set('b', 'true');
    map.set('c', false);
    expect([...readControl(doc).lockedItems]).toEqual(['a']);
  });
});

describe('control commands', () => {
  /** Records each transaction's origin, so a test sees one transaction per command. */
  function tracked() {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.changed.size > 0) origins.push(tr.origin);
    });
    return { doc, origins };
  }

  it('locks and unlocks the board in one transaction each', () => {
    const { doc, origins } = tracked();
    setLocked(doc, true, me);
    expect(readControl(doc).locked).toBe(true);
    setLocked(doc, false, me);
    expect(readControl(doc).locked).toBe(false);
    expect(origins).toEqual([me, me]);
    expect(() => setLocked(doc, 'yes' as unknown as boolean, me)).toThrow(CommandError);
  });

  it('starts a workshop at its first phase and steps through it, stopping at the ends', () => {
    const { doc, origins } = tracked();
    startWorkshop(doc, { template: 'harvest', phases }, me);
    expect(origins).toEqual([me]);
    expect(readControl(doc)).toMatchObject({ template: 'harvest', phase: 'ambition', problems: [] });
    expect(stepPhase(doc, -1, me).id).toBe('ambition');
    expect(stepPhase(doc, 1, me).id).toBe('harvest');
    expect(stepPhase(doc, 1, me).id).toBe('value');
    expect(stepPhase(doc, 1, me).id).toBe('value');
    expect(stepPhase(doc, -1, me).id).toBe('harvest');
    goToPhase(doc, 'ambition', me);
    expect(readControl(doc).currentPhase?.title).toBe('Ambitie');
  });

  it('refuses a phase that does not exist, bad phases and repeated ids, writing nothing', () => {
    const { doc, origins } = tracked();
    expect(() => stepPhase(doc, 1, me)).toThrow(CommandError);
    startWorkshop(doc, { template: 'harvest', phases }, me);
    expect(() => goToPhase(doc, 'nowhere', me)).toThrow(CommandError);
    const bad: Phase[][] = [
      [{ ...phases[0]!, minutes: NaN }],
      [{ ...phases[0]!, minutes: -1 }],
      [{ ...phases[0]!, title: '' }],
      [phases[0]!, phases[0]!],
      Array.from({ length: 10_000 }, (_, i) => ({ ...phases[0]!, id: `p${i}` })),
    ];
    for (const list of bad)
      expect(() => startWorkshop(doc, { template: 'harvest', phases: list }, me)).toThrow(CommandError);
    expect(() => startWorkshop(doc, { template: 'nope' as 'blank', phases }, me)).toThrow(CommandError);
    expect(origins).toHaveLength(1);
    expect(readControl(doc).phases).toHaveLength(3);
  });

  it('runs the timer from the server clock: start, pause, resume, +1 minute, reset', () => {
    const { doc } = tracked();
    startTimer(doc, 10 * 60_000, NOW, me);
    expect(getControl(doc).get('timer')).toEqual({ running: true, endsAt: NOW + 600_000, remainingMs: null });
    expect(formatClock(timeLeftMs(readControl(doc).timer, NOW + 1_500)!)).toBe('9:59');
    pauseTimer(doc, NOW + 60_000, me);
    expect(getControl(doc).get('timer')).toEqual({ running: false, endsAt: null, remainingMs: 540_000 });
    // Paused time does not pass.
    expect(timeLeftMs(readControl(doc).timer, NOW + 3_600_000)).toBe(540_000);
    resumeTimer(doc, NOW + 120_000, me);
    expect(timeLeftMs(readControl(doc).timer, NOW + 120_000)).toBe(540_000);
    addTime(doc, 60_000, NOW + 120_000, me);
    expect(timeLeftMs(readControl(doc).timer, NOW + 120_000)).toBe(600_000);
    resetTimer(doc, 20 * 60_000, me);
    expect(readControl(doc).timer).toEqual({ running: false, endsAt: null, remainingMs: 1_200_000 });
    resetTimer(doc, null, me);
    expect(readControl(doc).timer).toBeNull();
  });

  it('gives a full extra minute after a running timer ran out', () => {
    const doc = new Y.Doc();
    startTimer(doc, 60_000, NOW, me);
    addTime(doc, 60_000, NOW + 5 * 60_000, me);
    expect(timeLeftMs(readControl(doc).timer, NOW + 5 * 60_000)).toBe(60_000);
  });

  it('refuses hostile timer input', () => {
    const doc = new Y.Doc();
    for (const ms of [NaN, -1, 0, Infinity, 1e12])
      expect(() => startTimer(doc, ms, NOW, me)).toThrow(CommandError);
    for (const now of [NaN, -1, Infinity]) expect(() => startTimer(doc, 1000, now, me)).toThrow(CommandError);
    expect(() => pauseTimer(doc, NOW, me)).toThrow(CommandError);
    expect(() => resumeTimer(doc, NOW, me)).toThrow(CommandError);
    expect(() => addTime(doc, 60_000, NOW, me)).toThrow(CommandError);
    expect(getControl(doc).has('timer')).toBe(false);
  });

  it('opens, closes, reveals and clears a vote', () => {
    const { doc, origins } = tracked();
    const id = openVote(doc, { budget: 3, kind: 'smallWin' }, me);
    expect(readControl(doc).voting).toEqual({ id, open: true, budget: 3, kind: 'smallWin', revealed: false });
    closeVote(doc, me);
    expect(readControl(doc).voting).toMatchObject({ open: false, revealed: false });
    revealVote(doc, me);
    expect(readControl(doc).voting).toMatchObject({ id, open: false, revealed: true });
    clearVote(doc, me);
    expect(readControl(doc).voting).toBeNull();
    expect(origins).toEqual([me, me, me, me]);
  });

  it('refuses a vote with a bad budget or kind, and closing no vote', () => {
    const doc = new Y.Doc();
    for (const budget of [-2, 0, 2.5, NaN, 1000])
      expect(() => openVote(doc, { budget, kind: 'smallWin' }, me)).toThrow(CommandError);
    expect(() => openVote(doc, { budget: 2, kind: 'idea' as 'note' }, me)).toThrow(CommandError);
    expect(() => closeVote(doc, me)).toThrow(CommandError);
    expect(() => revealVote(doc, me)).toThrow(CommandError);
    expect(getControl(doc).has('voting')).toBe(false);
  });

  it('sets and stops following, refusing a follow without a user', () => {
    const doc = new Y.Doc();
    setFollow(doc, { userId: 'u1', name: 'Anna' }, me);
    expect(readControl(doc).follow).toEqual({ userId: 'u1', name: 'Anna' });
    expect(() => setFollow(doc, { userId: '', name: 'x' }, me)).toThrow(CommandError);
    setFollow(doc, null, me);
    expect(readControl(doc).follow).toBeNull();
  });

  it('locks and unlocks items in one transaction', () => {
    const { doc, origins } = tracked();
    setItemsLocked(doc, ['a', 'b'], true, me);
    expect([...readControl(doc).lockedItems].sort()).toEqual(['a', 'b']);
    setItemsLocked(doc, ['a'], false, me);
    expect([...readControl(doc).lockedItems]).toEqual(['b']);
    expect(origins).toEqual([me, me]);
    expect(() => setItemsLocked(doc, [''], true, me)).toThrow(CommandError);
  });

  it('converges when two facilitators lock items concurrently', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setItemsLocked(a, ['x'], true, me);
    setItemsLocked(b, ['y'], true, me);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect([...readControl(a).lockedItems].sort()).toEqual([...readControl(b).lockedItems].sort());
  });
});

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [59_001, '1:00'],
    [600_000, '10:00'],
    [-5_000, '0:00'],
  ])('%d ms is %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});
