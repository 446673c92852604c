/**
 * File names of exports, `<title>-<date>.<ext>`, safe whatever the title holds: no path
 * separators, dots that could climb a directory, quotes, control characters or line breaks,
 * so the name can go into Content-Disposition and onto any file system as is.
 *
 *   exportFileName('../../etc/passwd', new Date('2026-05-01'), 'png'); // 'etc-passwd-2026-05-01.png'
 */

const MAX_STEM = 80;

/** The title reduced to letters, digits, `-` and `_` (accents folded), or "olievlek". */
export function safeStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/[-_]+$/, '');
  return stem || 'olievlek';
}

/** `<title>-<YYYY-MM-DD>[-<suffix>].<ext>`. */
export function exportFileName(title: string, date: Date, ext: string, suffix?: string): string {
  const day = date.toISOString().slice(0, 10);
  const tail = suffix ? `-${safeStem(suffix)}` : '';
  return `${safeStem(title)}-${day}${tail}.${ext.replace(/[^a-z0-9]/gi, '')}`;
}
