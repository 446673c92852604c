import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../../shared/kinds/base';
import { MAX_TITLE_LENGTH } from '../../shared/ydoc';
import type { Role } from '../storage/storage';
import { judgeContent, type Refusal } from './contentRules';
import { applyJudged } from './writes';

/** A server document with meta and one card, and what judging `change` (made by a client) says. */
function judge(role: Role, change: (doc: Y.Doc) => void): Refusal | null {
  const server = new Y.Doc();
  server.transact(() => {
    const meta = server.getMap('meta');
    meta.set('schemaVersion', 1);
    meta.set('title', 'Board');
    meta.set('language', 'nl');
    const card = new Y.Map<unknown>();
    server.getMap('items').set('card', card);
    card.set('text', new Y.Text('x'.repeat(MAX_TEXT_LENGTH + 10)));
  });
  for (const root of ['meta', 'items', 'links', 'votes']) server.getMap(root);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  const update = Y.encodeStateAsUpdate(client, before);
  return applyJudged(server, update, 'client', { during: (tr) => judgeContent(tr, role) }).refused;
}

const text = (doc: Y.Doc) => (doc.getMap('items').get('card') as Y.Map<unknown>).get('text') as Y.Text;

describe('judgeContent', () => {
  it('keeps schemaVersion for the server, whoever writes', () => {
    for (const role of ['participant', 'facilitator'] as const)
      expect(judge(role, (d) => d.getMap('meta').set('schemaVersion', 2))?.key).toBe('meta');
    expect(judge('facilitator', (d) => d.getMap('meta').delete('schemaVersion'))?.key).toBe('meta');
  });

  it('lets a participant change the title only, and the facilitator the language too', () => {
    expect(judge('participant', (d) => d.getMap('meta').set('title', 'New'))).toBeNull();
    expect(judge('participant', (d) => d.getMap('meta').set('language', 'en'))?.key).toBe('meta');
    expect(judge('facilitator', (d) => d.getMap('meta').set('language', 'en'))).toBeNull();
    expect(judge('facilitator', (d) => d.getMap('meta').set('language', 'fr'))?.key).toBe('meta');
    expect(judge('facilitator', (d) => d.getMap('meta').set('theme', 'dark'))?.key).toBe('meta');
  });

  it('passes writing back the value a key already had', () => {
    expect(judge('participant', (d) => d.getMap('meta').set('schemaVersion', 1))).toBeNull();
  });

  it('bounds the title', () => {
    const title = (t: unknown) => (d: Y.Doc) => d.getMap('meta').set('title', t);
    expect(judge('participant', title('t'.repeat(MAX_TITLE_LENGTH)))).toBeNull();
    expect(judge('participant', title('t'.repeat(MAX_TITLE_LENGTH + 1)))?.key).toBe('title');
    expect(judge('participant', title(42))?.key).toBe('title');
  });

  it('refuses growing a text past the limit, but lets an over-long text shrink', () => {
    expect(judge('participant', (d) => text(d).insert(0, 'y'))?.key).toBe('text');
    expect(judge('participant', (d) => text(d).delete(0, 5))).toBeNull();
  });

  it('bounds new entries with everything they hold', () => {
    const card = (value: unknown) => (d: Y.Doc) => {
      const map = new Y.Map<unknown>();
      map.set('field', value);
      d.getMap('items').set('new', map);
    };
    expect(judge('participant', card('short'))).toBeNull();
    expect(judge('participant', card(new Y.Text('z'.repeat(MAX_TEXT_LENGTH + 1))))?.key).toBe('text');
    expect(judge('participant', card('z'.repeat(MAX_TEXT_LENGTH + 1)))?.key).toBe('text');
    expect(judge('participant', card(new Array(5_000).fill('mechanism')))?.key).toBe('bounds');
    expect(judge('participant', (d) => d.getMap('items').set('k'.repeat(500), 1))?.key).toBe('bounds');
  });
});
