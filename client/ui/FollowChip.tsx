/** The chip that says whom this person follows (with Stop), or that everyone follows them (with End). */
import type { Language } from '../../shared/ydoc';
import { ts } from './shareStrings';
import type { Following } from './useFollow';
import { UserText } from './UserText';

/** Shown over the canvas while follow-me is on for this person. */
export function FollowChip({
  following,
  leading,
  language,
  onStop,
  onEnd,
}: {
  following: Following | null;
  /** Everyone follows this person (the facilitator who brought them here). */
  leading: boolean;
  language: Language;
  onStop(): void;
  onEnd(): void;
}) {
  if (following) {
    const [before, after = ''] = ts(language, 'follow.chip').split('{name}');
    return (
      <div className="follow-chip" role="status">
        <span>
          {before}
          <UserText text={following.name} />
          {after}
        </span>
        <button type="button" onClick={onStop}>
          {ts(language, 'follow.stop')}
        </button>
      </div>
    );
  }
  if (!leading) return null;
  return (
    <div className="follow-chip" role="status">
      <span>{ts(language, 'follow.leading')}</span>
      <button type="button" onClick={onEnd}>
        {ts(language, 'follow.end')}
      </button>
    </div>
  );
}
