import { describe, expect, it } from 'vitest';
import { shouldReconnect } from '../sync/connection';
import { closeError } from './useBoardSession';

describe('a close from the server', () => {
  it('is retried when passing (restart, overload, a lost network), never when it will only repeat', () => {
    for (const code of [1001, 1006, 1008, 1011, 1013, 4000]) expect(shouldReconnect({ code })).toBe(true);
    for (const code of [4400, 4401, 4404, 4422, 4426, 4500, 4599])
      expect(shouldReconnect({ code })).toBe(false);
  });

  it('is told to the person by what it means, with the server’s own words where they help', () => {
    expect(closeError(4401, 'unauthorized')).toEqual({ key: 'board.invalidLink' });
    expect(closeError(4404, 'no such board')).toEqual({ key: 'board.notFound' });
    expect(closeError(4500, 'this board needs a newer server')).toEqual({
      key: 'board.tooNew',
      detail: 'this board needs a newer server',
    });
    expect(closeError(4426, 'this board has format version 99; this server reads up to 1')).toEqual({
      key: 'board.tooNew',
      detail: 'this board has format version 99; this server reads up to 1',
    });
    expect(closeError(4422, 'cannot be migrated').key).toBe('board.cannotLoad');
    expect(closeError(4503, '')).toEqual({ key: 'board.cannotLoad', detail: undefined });
    expect(closeError(4400, 'malformed message')).toEqual({
      key: 'board.failed',
      detail: 'malformed message',
    });
  });
});
