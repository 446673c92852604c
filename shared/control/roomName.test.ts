import { describe, expect, it } from 'vitest';
import { controlRoomName, parseRoomName } from './roomName';

describe('room names', () => {
  it('knows content and control rooms', () => {
    expect(parseRoomName('abcdefghij')).toEqual({
      name: 'abcdefghij',
      boardId: 'abcdefghij',
      kind: 'content',
    });
    expect(parseRoomName(controlRoomName('abcdefghij'))).toEqual({
      name: 'abcdefghij/control',
      boardId: 'abcdefghij',
      kind: 'control',
    });
  });

  it.each([
    '',
    'short',
    'abcdefghij/',
    'abcdefghij/other',
    'abcdefghij/control/x',
    '../etc/passwd',
    'abc def ghij',
  ])('refuses %j', (name) => expect(parseRoomName(name)).toBeNull());
});
