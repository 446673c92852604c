import { describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../itemKinds';
import { parseLink } from '../schema';
import { MAX_LABEL_LENGTH } from './link';
import { allowedLinkKinds, isLinkAllowed, LINK_KINDS, linkKindRules } from './registry';

describe('link kinds', () => {
  it('allow exactly the pairs DOMAIN.md names', () => {
    const allowed = LINK_KINDS.flatMap((kind) =>
      ITEM_KINDS.flatMap((from) =>
        ITEM_KINDS.filter((to) => isLinkAllowed(kind, from, to)).map((to) => `${from} ${kind} ${to}`),
      ),
    );
    expect(allowed.sort()).toEqual(
      [
        'smallWin contributes ambition',
        'smallWin spreads smallWin',
        'smallWin broadens smallWin',
        'smallWin deepens smallWin',
        'smallWin enables smallWin',
        'intervention propels smallWin',
        'smallWin involves actor',
      ].sort(),
    );
  });

  it('offer the path kinds between two small wins, in picker order', () => {
    expect(allowedLinkKinds('smallWin', 'smallWin')).toEqual(['spreads', 'broadens', 'deepens', 'enables']);
    expect(allowedLinkKinds('ambition', 'smallWin')).toEqual([]);
  });

  it('mark which kinds carry a path toward an ambition', () => {
    const onPath = LINK_KINDS.filter((kind) => linkKindRules[kind].onPath);
    expect(onPath).toEqual(['contributes', 'spreads', 'broadens', 'deepens', 'enables']);
  });

  it('each rule names its own kind', () => {
    for (const kind of LINK_KINDS) expect(linkKindRules[kind].kind).toBe(kind);
  });
});

describe('parseLink', () => {
  const link = { id: 'l1', kind: 'contributes', from: 'a', to: 'b' };

  it.each(LINK_KINDS)('accepts a %s link with an optional label', (kind) => {
    expect(parseLink({ ...link, kind })).toEqual({ ok: true, value: { ...link, kind } });
    expect(parseLink({ ...link, kind, label: 'in regels vastgelegd' }).ok).toBe(true);
  });

  it('refuses unknown kinds, empty endpoints and overlong labels', () => {
    expect(parseLink({ ...link, kind: 'causes' }).ok).toBe(false);
    expect(parseLink({ ...link, from: '' }).ok).toBe(false);
    expect(parseLink({ ...link, to: 7 }).ok).toBe(false);
    expect(parseLink({ ...link, label: 'x'.repeat(MAX_LABEL_LENGTH + 1) }).ok).toBe(false);
  });
});
