/** The plain form of a link between two items (format v1). */
import { z } from 'zod';
import { MAX_ID_LENGTH, wireString } from '../kinds/base';
import { LINK_KINDS } from './registry';

/** Longest link label a writer accepts; labels are short captions on the arrow. */
export const MAX_LABEL_LENGTH = 200;

/** Zod schema of a link in plain form; endpoint kinds are checked by the registry, not here. */
export const linkSchema = z.object({
  /** Equals the link's key in the `links` map. */
  id: wireString().min(1).max(MAX_ID_LENGTH),
  /** Which relation the arrow means; decides whether it belongs to a path. */
  kind: z.enum(LINK_KINDS),
  /** Source item id: where the arrow starts. */
  from: wireString().min(1).max(MAX_ID_LENGTH),
  /** Target item id: where the arrowhead points. */
  to: wireString().min(1).max(MAX_ID_LENGTH),
  /** Optional caption ("in regels vastgelegd"), shown on the arrow and in the report. */
  label: wireString().max(MAX_LABEL_LENGTH).optional(),
});

/** A link as the read model holds it. */
export type BoardLink = z.infer<typeof linkSchema>;
