/**
 * Presence for one board: our name and colour in awareness, our cursor (throttled) and
 * selection, and everyone else as validated peers.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Editor } from '../editor/editor';
import type { BoardConnection, Role } from '../sync/connection';
import {
  colourFor,
  createCursorPublisher,
  PRESENCE_COLOURS,
  readPeers,
  setSelection,
  setUser,
  storedName,
  storeName,
  type Peer,
} from '../sync/presence';

/** Presence state and controls for the board view. */
export function usePresence(editor: Editor, connection: BoardConnection, role: Role) {
  const awareness = connection.provider.awareness;
  const [name, setName] = useState(storedName);
  const [peers, setPeers] = useState<Peer[]>(() => readPeers(awareness));
  // Our hashed colour, unless someone here already shows it: then the next free one.
  const [colour] = useState(() => {
    const taken = new Set(
      readPeers(awareness)
        .filter((peer) => !peer.self)
        .map((peer) => peer.colour),
    );
    const first = PRESENCE_COLOURS.indexOf(colourFor(editor.userId));
    const free = PRESENCE_COLOURS.map(
      (_, i) => PRESENCE_COLOURS[(first + i) % PRESENCE_COLOURS.length] as string,
    );
    return free.find((c) => !taken.has(c)) ?? colourFor(editor.userId);
  });
  const cursor = useMemo(() => createCursorPublisher(awareness), [awareness]);

  useEffect(() => {
    if (name) setUser(awareness, { id: editor.userId, name, colour, role });
  }, [awareness, editor, name, colour, role]);

  useEffect(() => {
    const onChange = () => setPeers(readPeers(awareness));
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);

  useEffect(() => {
    let last = editor.getSnapshot().selection;
    setSelection(awareness, last);
    return editor.subscribe(() => {
      const next = editor.getSnapshot().selection;
      if (next !== last) setSelection(awareness, next);
      last = next;
    });
  }, [awareness, editor]);

  useEffect(() => () => cursor.dispose(), [cursor]);

  return {
    name,
    colour,
    peers,
    moveCursor: cursor.move,
    chooseName(next: string) {
      // What was chosen counts even when this device cannot remember it.
      setName(storeName(next));
    },
  };
}
