import { describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../itemKinds';
import { LINK_KINDS } from '../links/registry';
import { MECHANISMS } from '../mechanisms';
import { en } from './en';
import { kindLabel, label, linkLabel } from './index';
import { nl } from './nl';

describe('labels', () => {
  it('exist in both languages for every key, none empty', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(en), ...Object.values(nl)]) expect(value.trim()).not.toBe('');
  });

  it('name every kind, link kind and mechanism as DOMAIN.md does', () => {
    expect(ITEM_KINDS.map((k) => kindLabel('en', k))).toEqual([
      'Ambition',
      'Small win',
      'Boundary marker',
      'Actor',
      'Intervention',
      'Note',
      'Frame',
    ]);
    expect(kindLabel('nl', 'boundary')).toBe('Grensmarkering');
    expect(LINK_KINDS.map((k) => linkLabel('nl', k))).toEqual([
      'draagt bij aan',
      'verspreidt naar',
      'verbreedt naar',
      'verdiept tot',
      'maakt mogelijk',
      'jaagt aan',
      'betrekt',
    ]);
    expect(MECHANISMS.map((m) => label('nl', `mechanism.${m}`))).toContain('Olievlekwerking');
    expect(label('en', 'status.realised')).toBe('realised');
    expect(label('nl', 'status.stalled')).toBe('gestokt');
  });
});
