import { describe, expect, it } from 'vitest';
import { boardLinks, errorMessage } from './apiAnswer';

describe('errorMessage', () => {
  it('shows the server’s message from {error: {code, message}}, never "[object Object]"', () => {
    const body = { error: { code: 'invalid_body', message: 'title must not be empty' } };
    expect(errorMessage(body, 400)).toBe('title must not be empty');
    expect(errorMessage({ error: 'budget' }, 409)).toBe('budget');
  });

  it('falls back to the status when the answer says nothing usable', () => {
    expect(errorMessage(null, 502)).toBe('HTTP 502');
    expect(errorMessage({ error: { code: 'x' } }, 500)).toBe('HTTP 500');
    expect(errorMessage({ error: { message: 42 } }, 500)).toBe('HTTP 500');
  });
});

describe('boardLinks', () => {
  const tokens = { facilitator: 'f'.repeat(43), participant: 'p'.repeat(43), viewer: 'v'.repeat(43) };

  it('takes the server’s links when it sent them', () => {
    const urls = {
      facilitator: 'https://x/b/1#f',
      participant: 'https://x/b/1#p',
      viewer: 'https://x/b/1#v',
    };
    expect(boardLinks({ id: 'board-0001', tokens, urls }, 'http://here')).toBe(urls);
  });

  it('builds them on this page’s own address when the server left them out', () => {
    expect(boardLinks({ id: 'board-0001', tokens }, 'https://olievlek.example')).toEqual({
      facilitator: `https://olievlek.example/b/board-0001#${tokens.facilitator}`,
      participant: `https://olievlek.example/b/board-0001#${tokens.participant}`,
      viewer: `https://olievlek.example/b/board-0001#${tokens.viewer}`,
    });
    expect(boardLinks({ id: 'board-0001' }, 'https://olievlek.example')).toBeNull();
  });
});
