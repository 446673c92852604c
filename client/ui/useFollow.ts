/**
 * Follow-me: everyone publishes where they look (presence), and a follower's camera copies
 * the person they follow until they pan or zoom themselves. Following starts when the
 * facilitator sets `control.follow` (everyone but the leader follows) or when someone picks a
 * person from the participant list; it stops on the follower's own camera move, on Stop, or
 * when the facilitator ends follow-me.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Follow } from '../../shared/control/fields';
import type { Editor } from '../editor/editor';
import { centerOn, viewportCenter } from '../editor/viewport';
import type { BoardConnection } from '../sync/connection';
import { createViewportPublisher, type Peer } from '../sync/presence';

/** Whom this person follows, and why: the facilitator's follow-me or their own choice. */
export interface Following {
  readonly userId: string;
  readonly name: string;
  readonly source: 'control' | 'own';
}

const followKey = (follow: Follow | null) => (follow ? `${follow.userId}\u0000${follow.name}` : '');

/** Follow-me state and controls for the board view. */
export function useFollow(
  editor: Editor,
  connection: BoardConnection,
  peers: readonly Peer[],
  follow: Follow | null,
) {
  const awareness = connection.provider.awareness;
  // This person's own choice (follow someone, or stop), made while follow-me was `forKey`: it
  // holds until the facilitator starts or ends a follow-me, which then decides again.
  const [choice, setChoice] = useState<{ following: Following | null; forKey: string } | null>(null);
  const key = followKey(follow);
  const following: Following | null =
    choice && choice.forKey === key
      ? choice.following
      : follow && follow.userId !== editor.userId
        ? { userId: follow.userId, name: follow.name, source: 'control' }
        : null;

  // Publish where we look, for anyone following us.
  const publisher = useMemo(() => createViewportPublisher(awareness), [awareness]);
  useEffect(() => {
    let last = editor.getSnapshot().viewport;
    const publish = () => {
      const center = viewportCenter(last);
      publisher.publish({ x: center.x, y: center.y, zoom: last.zoom });
    };
    publish();
    const off = editor.subscribe(() => {
      const next = editor.getSnapshot().viewport;
      if (next === last) return;
      last = next;
      publish();
    });
    return () => {
      off();
      publisher.dispose();
    };
  }, [editor, publisher]);

  const followed = following?.userId;
  // Copy the followed person's camera; our own move ends following.
  useEffect(() => {
    if (!followed) return;
    const start = editor.ownCameraMoves();
    return editor.subscribe(() => {
      if (editor.ownCameraMoves() !== start) setChoice({ following: null, forKey: key });
    });
  }, [editor, followed, key]);

  const leader = following
    ? peers.find((peer) => !peer.self && peer.userId === following.userId && peer.viewport)
    : undefined;
  // By value: presence hands out new objects on every cursor move of anyone.
  const { x, y, zoom } = leader?.viewport ?? { x: NaN, y: NaN, zoom: NaN };
  useEffect(() => {
    if (Number.isNaN(zoom)) return;
    const view = editor.getSnapshot().viewport;
    editor.followViewport(centerOn({ ...view, zoom }, { x, y }));
  }, [editor, x, y, zoom]);

  return {
    following,
    /** Follows someone from the participant list. */
    followPeer(peer: Peer) {
      if (peer.self) return;
      setChoice({ following: { userId: peer.userId, name: peer.name, source: 'own' }, forKey: key });
    },
    /** Stops following (the chip's Stop). */
    stop() {
      setChoice({ following: null, forKey: key });
    },
  };
}
