/** Whether the space bar is held (outside text fields): space-drag pans, as in every drawing tool. */
import { useEffect, useRef, useState } from 'react';

/** A ref that is true while space is held (for event handlers), and the same as state (for rendering). */
export function useSpaceHeld(): { ref: { readonly current: boolean }; held: boolean } {
  const held = useRef(false);
  const [state, setState] = useState(false);
  useEffect(() => {
    const typing = (event: KeyboardEvent) =>
      event.target instanceof HTMLElement &&
      (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
    const down = (event: KeyboardEvent) => {
      if (event.code === 'Space' && !typing(event)) {
        held.current = true;
        setState(true);
        event.preventDefault();
      }
    };
    const up = (event: KeyboardEvent) => {
      if (event.code === 'Space') {
        held.current = false;
        setState(false);
      }
    };
    const blur = () => {
      held.current = false;
      setState(false);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, []);
  return { ref: held, held: state };
}
