/**
 * Lone UTF-16 surrogates (half an emoji, from a bad paste or a cut in the middle of a pair)
 * survive in the local Y.Doc but become U+FFFD on every other replica, because updates carry
 * UTF-8. The replicas would then disagree forever, so writers replace them first.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The string with every lone surrogate replaced by U+FFFD, as the wire would deliver it. */
export function toWellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}
