/** Note: a yellow sticky, the shape everyone already knows. */
import { displayHeight, itemBody } from '../displayGeometry';
import { INK, NOTE } from '../theme';
import type { Note } from '../../../shared/kinds/note';
import { BodyText, CardBackground, type KindProps } from './common';

/** Draws a note. */
export function NoteCard({ item, detail }: KindProps<Note>) {
  const height = displayHeight(item);
  return (
    <>
      <CardBackground
        width={item.w}
        height={height}
        fill={NOTE.fill}
        stroke={NOTE.border}
        detail={detail}
        radius={3}
      />
      {detail === 'full' && <BodyText body={itemBody(item)} colour={INK} width={item.w} />}
    </>
  );
}
