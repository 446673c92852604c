/**
 * The client address per-address limits count (open rooms, imports per minute). With
 * TRUST_PROXY=0 (the default) it is the socket's peer: behind a load balancer every participant
 * then shares the balancer's address and one limit. With TRUST_PROXY=N the server believes N
 * proxies: each appends the address it received the request from to X-Forwarded-For, so the
 * client is the N-th entry from the right (N=1: the right-most, written by the one balancer).
 * Entries further left were written by the client itself and are never believed.
 */
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** The address of the client that sent `req`, believing `trustProxy` proxies in front. */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  const peer = normalize(req.socket.remoteAddress ?? '') || 'unknown';
  if (trustProxy <= 0) return peer;
  // Node joins repeated X-Forwarded-For headers with ", " in arrival order.
  const header = req.headers['x-forwarded-for'];
  const hops = (typeof header === 'string' ? header : '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request skipped some of them, so the left-most entry is the
  // closest to the client any trusted proxy saw; no entry at all: it came straight in.
  const entry = hops[Math.max(0, hops.length - trustProxy)];
  const address = entry === undefined ? '' : normalize(entry);
  return address || peer;
}

/** A bare IP address (IPv4-mapped IPv6 as IPv4), or '' for anything that is not one. */
function normalize(raw: string): string {
  // "[2001:db8::1]:443" and "192.0.2.1:443" from proxies that append the port.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(raw);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(raw);
  const address = bracketed?.[1] ?? withPort?.[1] ?? raw;
  if (!isIP(address)) return '';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}
