/** Small inline SVG icons for the tools, drawn in the colours the canvas uses for each kind. */
import type { ReactElement } from 'react';
import type { ItemKind } from '../../shared/itemKinds';

type IconName = ItemKind | 'select' | 'link';

const PATHS: Record<IconName, ReactElement> = {
  select: <path d="M6 3l12 9-5 1 3 6-2 1-3-6-4 4z" fill="currentColor" />,
  ambition: (
    <>
      <circle cx="12" cy="12" r="8" fill="none" stroke="#1f4e8c" strokeWidth="2.5" />
      <circle cx="12" cy="12" r="3.5" fill="#1f4e8c" />
    </>
  ),
  smallWin: (
    <>
      <rect x="4" y="6" width="16" height="12" rx="2" fill="#fff" stroke="#2e8b57" strokeWidth="2" />
      <rect x="4" y="6" width="4" height="12" rx="1" fill="#2e8b57" />
    </>
  ),
  boundary: (
    <path d="M3 19L21 5" stroke="#c0392b" strokeWidth="3" strokeDasharray="4 3" strokeLinecap="round" />
  ),
  actor: (
    <>
      <circle cx="12" cy="8" r="3.5" fill="#0b6e75" />
      <path d="M5 20c0-4 3-6 7-6s7 2 7 6z" fill="#0b6e75" />
    </>
  ),
  intervention: (
    <>
      <rect x="3" y="7" width="18" height="10" rx="5" fill="#2e8b57" />
      <path d="M8 12h8M13 9l3 3-3 3" stroke="#fff" strokeWidth="2" fill="none" strokeLinecap="round" />
    </>
  ),
  note: (
    <>
      <path d="M5 4h14v11l-5 5H5z" fill="#fff3a6" stroke="#c9b23c" strokeWidth="1.5" />
      <path d="M14 20v-5h5" fill="#e6d36a" />
    </>
  ),
  frame: (
    <rect
      x="3"
      y="5"
      width="18"
      height="14"
      rx="3"
      fill="rgba(11,110,117,.12)"
      stroke="#0b6e75"
      strokeWidth="2"
      strokeDasharray="3 2"
    />
  ),
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
      {PATHS[name]}
    </svg>
  );
}
