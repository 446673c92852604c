/**
 * Text someone typed, shown inside our interface: isolated (`<bdi>`, so right-to-left text
 * neither reorders nor is reordered by what surrounds it) and without bidi override controls
 * (shared/bidi.ts), so a title or name can never be drawn backwards.
 */
import { stripBidiControls } from '../../shared/bidi';

/** One piece of user text, isolated. */
export function UserText({ text, className }: { text: string; className?: string }) {
  return <bdi className={className}>{stripBidiControls(text)}</bdi>;
}
