/**
 * The schema registry: every item kind and the link schema, and the tolerant parsers
 * that turn an untrusted plain object into a validated item or link.
 *
 *   const result = parseItem({ id: 'a', kind: 'note', x: 0, y: 0, w: 200, h: 160 });
 *   if (result.ok) use(result.value); else report(result.reason);
 */
import { z } from 'zod';
import { ITEM_KINDS, type ItemKind } from './itemKinds';
import type { KindDefaults } from './kinds/base';
import { KINDS, type KindSchemas } from './kinds/registry';
import { linkSchema, type BoardLink } from './links/link';

/** Each kind's schema, keyed by kind (from the kind registry). */
export const itemSchemas = mapKinds((kind) => KINDS[kind].schema) as KindSchemas;

/** Each kind's starting size (from the kind registry). */
export const kindDefaults: { readonly [K in ItemKind]: KindDefaults } = mapKinds(
  (kind) => KINDS[kind].defaults,
);

type AnyKindSchema = KindSchemas[ItemKind];

/** Schema of any item: a union discriminated on `kind`, one member per registered kind. */
export const itemSchema = z.discriminatedUnion(
  'kind',
  ITEM_KINDS.map((kind) => itemSchemas[kind]) as unknown as [AnyKindSchema, ...AnyKindSchema[]],
);

/** Any board item in plain, validated form. */
export type BoardItem = z.infer<AnyKindSchema>;

/** The item of one kind. */
export type ItemOfKind<K extends ItemKind> = Extract<BoardItem, { kind: K }>;

/** Outcome of parsing untrusted data: the value, or a short human-readable reason. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Validates an untrusted plain object as an item, filling defaults; never throws. */
export function parseItem(value: unknown): ParseResult<BoardItem> {
  return toResult(itemSchema.safeParse(value));
}

/** Validates an untrusted plain object as a link; endpoint rules are checked by readers. */
export function parseLink(value: unknown): ParseResult<BoardLink> {
  return toResult(linkSchema.safeParse(value));
}

function mapKinds<T>(value: (kind: ItemKind) => T): { [K in ItemKind]: T } {
  return Object.fromEntries(ITEM_KINDS.map((kind) => [kind, value(kind)])) as { [K in ItemKind]: T };
}

function toResult<T>(result: z.ZodSafeParseResult<T>): ParseResult<T> {
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, reason: describeIssue(result.error.issues[0]) };
}

/** One line per problem is enough for a report; the first issue names the field that failed. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  // A hostile 1 MB value must not end up in a log line, so messages are cut short.
  const message = issue.message.length > 120 ? `${issue.message.slice(0, 120)}…` : issue.message;
  return path ? `${path}: ${message}` : message;
}
