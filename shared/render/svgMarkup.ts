/**
 * Small helpers that write SVG markup safely: every text and attribute value goes through
 * `escapeXml`, which also drops the characters XML 1.0 forbids (control characters a peer may
 * have typed), so whatever is on a board yields a well-formed file, and the bidi embedding,
 * override and isolate controls (see shared/bidi.ts), so no text is drawn reversed.
 *
 *   el('rect', { x: 0, y: 0, width: 10, height: 10, fill: '#fff' }); // '<rect x="0" …/>'
 */

/** Characters XML 1.0 does not allow anywhere (tab, newline and carriage return are fine), and bidi controls. */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text or an attribute value made safe for XML. */
export function escapeXml(value: string): string {
  return value
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A number short enough for a compact file: at most two decimals. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Attribute values: numbers are rounded, strings escaped, undefined left out. */
export type Attributes = Record<string, string | number | undefined>;

function attributes(attrs: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An element; `children` is markup that is already safe. */
export function el(name: string, attrs: Attributes, children?: string): string {
  return children === undefined
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${children}</${name}>`;
}

/** A text element holding `text` escaped. */
export function textEl(text: string, attrs: Attributes): string {
  return el('text', attrs, escapeXml(text));
}

/** A dash array as SVG writes it, or undefined for a solid line. */
export function dash(pattern: readonly number[] | undefined): string | undefined {
  return pattern && pattern.length > 0 ? pattern.join(' ') : undefined;
}
