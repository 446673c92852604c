import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress';

/** The two fields clientAddress reads, as node:http fills them. */
const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it.each([
    [0, '10.0.0.2', '198.51.100.1', '10.0.0.2'],
    [0, '::ffff:10.0.0.2', undefined, '10.0.0.2'],
    [1, '10.0.0.2', '198.51.100.1', '198.51.100.1'],
    [1, '10.0.0.2', '203.0.113.7, 198.51.100.1', '198.51.100.1'],
    [2, '10.0.0.3', '203.0.113.7, 198.51.100.1, 10.0.0.2', '198.51.100.1'],
    [2, '10.0.0.3', '198.51.100.1', '198.51.100.1'],
    [1, '10.0.0.2', undefined, '10.0.0.2'],
    [1, '10.0.0.2', 'not-an-address', '10.0.0.2'],
    [1, '10.0.0.2', '[2001:DB8::1]:443', '2001:db8::1'],
    [1, '10.0.0.2', '198.51.100.1:5123', '198.51.100.1'],
  ])('TRUST_PROXY=%i, peer %s, X-Forwarded-For %s: %s', (trust, peer, header, expected) => {
    expect(clientAddress(request(peer, header), trust)).toBe(expected);
  });
});
