import { describe, expect, it } from 'vitest';
import { RoomQueue, RoomUnavailableError } from './roomQueue';

describe('RoomQueue', () => {
  it('runs tasks in order, one at a time', async () => {
    const queue = new RoomQueue({ write: async () => undefined, failed: () => undefined });
    const order: number[] = [];
    const results = await Promise.all([1, 2, 3].map((n) => queue.run(async () => (order.push(n), n * 10))));
    expect(results).toEqual([10, 20, 30]);
    expect(order).toEqual([1, 2, 3]);
  });

  it('settles every waiting and later caller when it closes', async () => {
    let failed: unknown = null;
    const queue = new RoomQueue({ write: async () => undefined, failed: (error) => (failed = error) });
    let release!: () => void;
    const blocked = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = [queue.run(() => 'never'), queue.run(() => 'never either')];
    expect(queue.length).toBe(2);
    const reason = () => new RoomUnavailableError('board unavailable: disk full', 1011);
    queue.close(reason);
    await Promise.all(waiting.map((p) => expect(p).rejects.toThrow('board unavailable: disk full')));
    await expect(queue.run(() => 'late')).rejects.toBeInstanceOf(RoomUnavailableError);
    release();
    await blocked;
    expect(failed).toBeNull();
  });

  it('reports a write that throws as a failure', async () => {
    let failed: unknown = null;
    const queue = new RoomQueue({
      write: () => Promise.reject(new Error('disk full')),
      failed: (error) => (failed = error),
    });
    queue.write({ conn: {} as never, update: new Uint8Array(), step2: false });
    await queue.run(() => undefined);
    expect((failed as Error).message).toBe('disk full');
  });
});
