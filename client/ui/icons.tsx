/** Small inline SVG icons for the tools; each kind's own icon is in its client file (client/kinds). */
import type { ReactElement } from 'react';
import type { ItemKind } from '../../shared/itemKinds';
import { CLIENT_KINDS } from '../kinds/registry';

type IconName = ItemKind | 'select' | 'link';

const PATHS: Record<'select' | 'link', ReactElement> = {
  select: <path d="M6 3l12 9-5 1 3 6-2 1-3-6-4 4z" fill="currentColor" />,
  link: (
    <>
      <circle cx="5" cy="17" r="2.5" fill="currentColor" />
      <path
        d="M7 15L18 6M13 6h5v5"
        stroke="currentColor"
        strokeWidth="2.2"
        fill="none"
        strokeLinecap="round"
      />
    </>
  ),
};

/** A 24×24 tool icon; decorative, the button carries the name. */
export function ToolIcon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      {name === 'select' || name === 'link' ? PATHS[name] : CLIENT_KINDS[name].icon}
    </svg>
  );
}
