import { describe, expect, it, vi } from 'vitest';
import { MAX_TITLE_LENGTH } from '../../shared/ydoc';
import { fetchBoardInfo } from './boardInfo';

/** A Storage like a browser's: a quota in characters, QuotaExceededError past it. */
class QuotaStorage implements Storage {
  readonly entries = new Map<string, string>();
  constructor(private readonly quota: number) {}
  get length() {
    return this.entries.size;
  }
  key(index: number) {
    return [...this.entries.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.entries.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    let used = key.length + value.length;
    for (const [k, v] of this.entries) if (k !== key) used += k.length + v.length;
    if (used > this.quota) throw new DOMException('quota', 'QuotaExceededError');
    this.entries.set(key, value);
  }
  removeItem(key: string) {
    this.entries.delete(key);
  }
  clear() {
    this.entries.clear();
  }
}

const answer =
  (body: unknown, status = 200) =>
  () =>
    Promise.resolve(new Response(JSON.stringify(body), { status }));
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

describe('fetchBoardInfo', () => {
  it('opens a board whose title is 6 MB, caching only a bounded title', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = new QuotaStorage(5_000_000);
    const title = 'x'.repeat(6_000_000);
    const info = await fetchBoardInfo('board-0001', 'token-123456', {
      fetch: answer({ id: 'board-0001', title, role: 'facilitator' }),
      storage,
    });
    expect(info).toEqual({ id: 'board-0001', title: 'x'.repeat(MAX_TITLE_LENGTH), role: 'facilitator' });
    const cached = [...storage.entries.values()].join('');
    expect(cached.length).toBeLessThan(1000);
    // And offline later, the board opens from that cache.
    expect(await fetchBoardInfo('board-0001', 'token-123456', { fetch: offline, storage })).toEqual(info);
  });

  it('opens the board when this device cannot store anything, and says so only as a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const info = await fetchBoardInfo('board-0001', 'token-123456', {
      fetch: answer({ id: 'board-0001', title: 'Rivierenland', role: 'participant' }),
      storage: new QuotaStorage(0),
    });
    expect(info).toEqual({ id: 'board-0001', title: 'Rivierenland', role: 'participant' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('QuotaExceededError'));
  });

  it('fails offline without a cache, and refuses a cache that is not a board info', async () => {
    const storage = new QuotaStorage(10_000);
    expect(await fetchBoardInfo('board-0001', 'token-123456', { fetch: offline, storage })).toBe('failed');
    storage.setItem('olievlek.board.board-0001.token-12', JSON.stringify({ title: 'x', role: 'admin' }));
    expect(await fetchBoardInfo('board-0001', 'token-123456', { fetch: offline, storage })).toBe('failed');
  });

  it('tells a refused token and an unknown board apart from a failure', async () => {
    const storage = new QuotaStorage(10_000);
    const open = (status: number) =>
      fetchBoardInfo('board-0001', 'token-123456', { fetch: answer({}, status), storage });
    expect(await open(401)).toBe('invalid');
    expect(await open(404)).toBe('notFound');
    expect(await open(500)).toBe('failed');
    expect(await open(200)).toBe('failed');
  });
});
