import { describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../itemKinds';
import { MECHANISMS } from '../mechanisms';
import { itemSchemas, kindDefaults, parseItem } from '../schema';
import { MAX_COORDINATE, MAX_TEXT_LENGTH } from './base';

const base = { id: 'i1', x: 10, y: 20, w: 200, h: 100 };

describe('every item kind', () => {
  it.each(ITEM_KINDS)('%s parses with only the common fields and fills defaults', (kind) => {
    const result = parseItem({ ...base, kind });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ ...base, kind, text: '', index: 'a0', createdBy: '', createdAt: 0 });
  });

  it.each(ITEM_KINDS)('%s has a registered schema and a clickable default size', (kind) => {
    expect(itemSchemas[kind]).toBeDefined();
    expect(Math.hypot(kindDefaults[kind].w, kindDefaults[kind].h)).toBeGreaterThanOrEqual(100);
  });

  it.each(ITEM_KINDS)('%s rejects NaN, Infinity and out-of-range coordinates', (kind) => {
    for (const bad of [NaN, Infinity, -Infinity, MAX_COORDINATE * 2, '10']) {
      expect(parseItem({ ...base, kind, x: bad }).ok).toBe(false);
    }
  });

  it.each(ITEM_KINDS)('%s rejects an empty id, missing geometry and too long text', (kind) => {
    expect(parseItem({ ...base, kind, id: '' }).ok).toBe(false);
    expect(parseItem({ id: 'i1', kind }).ok).toBe(false);
    expect(parseItem({ ...base, kind, text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }).ok).toBe(false);
  });

  it('drops fields no kind knows instead of carrying them along', () => {
    const result = parseItem({ ...base, kind: 'note', evil: '<script>', __proto__: { polluted: true } });
    expect(result.ok && Object.keys(result.value)).not.toContain('evil');
  });

  it('refuses an unknown kind with a reason naming the field', () => {
    const result = parseItem({ ...base, kind: 'sticky' });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toMatch(/kind/);
  });
});

describe('ambition', () => {
  it('keeps an optional horizon', () => {
    const result = parseItem({ ...base, kind: 'ambition', horizon: '2050' });
    expect(result.ok && result.value.kind === 'ambition' && result.value.horizon).toBe('2050');
  });

  it('refuses a horizon that is not text', () => {
    expect(parseItem({ ...base, kind: 'ambition', horizon: 2050 }).ok).toBe(false);
  });
});

describe('smallWin', () => {
  it('starts as an idea with no mechanisms', () => {
    const result = parseItem({ ...base, kind: 'smallWin' });
    expect(result.ok && result.value).toMatchObject({ status: 'idea', mechanisms: [] });
  });

  it('accepts every status and every mechanism', () => {
    for (const status of ['idea', 'underway', 'realised', 'stalled']) {
      expect(parseItem({ ...base, kind: 'smallWin', status, mechanisms: [...MECHANISMS] }).ok).toBe(true);
    }
  });

  it('refuses an unknown status or mechanism', () => {
    expect(parseItem({ ...base, kind: 'smallWin', status: 'done' }).ok).toBe(false);
    expect(parseItem({ ...base, kind: 'smallWin', mechanisms: ['magic'] }).ok).toBe(false);
    expect(parseItem({ ...base, kind: 'smallWin', mechanisms: 'energizing' }).ok).toBe(false);
  });
});

describe('boundary', () => {
  it('is a line whose extent may be negative', () => {
    const result = parseItem({ ...base, kind: 'boundary', w: -300, h: -40 });
    expect(result.ok && result.value).toMatchObject({
      w: -300,
      h: -40,
      boundaryType: 'physical',
      dimension: 'policyDomain',
    });
  });

  it('accepts every type and dimension and refuses others', () => {
    for (const boundaryType of ['physical', 'cognitive', 'social']) {
      for (const dimension of ['policyDomain', 'scaleLevel', 'sphere', 'insideOutside', 'discipline']) {
        expect(parseItem({ ...base, kind: 'boundary', boundaryType, dimension }).ok).toBe(true);
      }
    }
    expect(parseItem({ ...base, kind: 'boundary', boundaryType: 'emotional' }).ok).toBe(false);
    expect(parseItem({ ...base, kind: 'boundary', dimension: 'colour' }).ok).toBe(false);
  });

  it('is the only kind with a negative size', () => {
    expect(parseItem({ ...base, kind: 'note', w: -10 }).ok).toBe(false);
  });
});

describe('actor', () => {
  it('defaults to the public sphere and accepts private and societal', () => {
    expect(parseItem({ ...base, kind: 'actor' })).toMatchObject({ ok: true, value: { sphere: 'public' } });
    expect(parseItem({ ...base, kind: 'actor', sphere: 'societal' }).ok).toBe(true);
    expect(parseItem({ ...base, kind: 'actor', sphere: 'military' }).ok).toBe(false);
  });
});

describe('intervention', () => {
  it('targets one mechanism, as a do or a dont', () => {
    expect(parseItem({ ...base, kind: 'intervention' })).toMatchObject({
      ok: true,
      value: { mechanism: 'energizing', advice: 'do' },
    });
    expect(parseItem({ ...base, kind: 'intervention', mechanism: 'robustness', advice: 'dont' }).ok).toBe(
      true,
    );
    expect(parseItem({ ...base, kind: 'intervention', advice: 'maybe' }).ok).toBe(false);
    expect(parseItem({ ...base, kind: 'intervention', mechanism: ['robustness'] }).ok).toBe(false);
  });
});

describe('note and frame', () => {
  it('carry only the common fields; a frame title is its text', () => {
    expect(parseItem({ ...base, kind: 'note', text: 'Wie betaalt?' })).toMatchObject({ ok: true });
    const frame = parseItem({ ...base, kind: 'frame', text: 'Eiland van overeenstemming' });
    expect(frame.ok && frame.value.text).toBe('Eiland van overeenstemming');
  });
});
