/**
 * Bidirectional-text controls in user text. The embedding, override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069) let one person's text reorder what is drawn after it: a
 * title with U+202E (right-to-left override) reads backwards, and can make one name look
 * like another. Wherever board text is drawn as a whole (canvas, exports, page titles) they
 * are removed; in the page, user text is also isolated (`<bdi>`, `dir="auto"`), so genuine
 * right-to-left text still shows right without touching its neighbours.
 *
 *   stripBidiControls('\u202Eabc') // 'abc'
 */

/** The embedding, override and isolate controls. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text without bidi embedding, override and isolate controls. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** The text stripped of bidi controls and wrapped in one isolate, for plain-text places such as document.title. */
export function isolatePlainText(text: string): string {
  return `\u2068${stripBidiControls(text)}\u2069`;
}
