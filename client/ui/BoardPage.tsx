/** Opening `/b/<id>#<token>`: ask who we are, sync the document, then show the board. */
import { useEffect, useState } from 'react';
import type { Language } from '../../shared/ydoc';
import { createEditor, type Editor } from '../editor/editor';
import {
  connectBoard,
  deviceUserId,
  fetchBoardInfo,
  type ConnectionStatus,
  type OpenError,
  type Role,
} from '../sync/connection';
import { BoardView } from './BoardView';
import { t, type StringKey } from './strings';

type State =
  { phase: 'loading' } | { phase: 'error'; key: StringKey } | { phase: 'ready'; editor: Editor; role: Role };

const ERRORS: Record<OpenError, StringKey> = {
  invalid: 'board.invalidLink',
  notFound: 'board.notFound',
  failed: 'board.failed',
};

/** The board page for one board id and the token in the URL fragment. */
export function BoardPage({
  boardId,
  token,
  language,
}: {
  boardId: string;
  token: string;
  language: Language;
}) {
  const [state, setState] = useState<State>(
    token ? { phase: 'loading' } : { phase: 'error', key: 'board.noToken' },
  );
  const [status, setStatus] = useState<ConnectionStatus>('connecting');

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    let editor: Editor | null = null;
    let connection: ReturnType<typeof connectBoard> | null = null;
    void fetchBoardInfo(boardId, token).then((info) => {
      if (cancelled) return;
      if (typeof info === 'string') {
        setState({ phase: 'error', key: ERRORS[info] });
        return;
      }
      connection = connectBoard(boardId, token, {
        onStatus: setStatus,
        onSynced() {
          if (cancelled || editor || !connection) return;
          editor = createEditor({
            doc: connection.doc,
            userId: deviceUserId(),
            readOnly: info.role === 'viewer',
          });
          setState({ phase: 'ready', editor, role: info.role });
        },
        onClosedForGood: () => setState({ phase: 'error', key: 'board.invalidLink' }),
      });
    });
    return () => {
      cancelled = true;
      editor?.destroy();
      connection?.destroy();
    };
  }, [boardId, token]);

  if (state.phase === 'ready') return <BoardView editor={state.editor} role={state.role} status={status} />;
  return (
    <main className="message-page" lang={language}>
      <h1>Olievlek</h1>
      <p role={state.phase === 'error' ? 'alert' : 'status'}>
        {t(language, state.phase === 'error' ? state.key : 'board.loading')}
      </p>
      {state.phase === 'error' && <a href="/">Olievlek</a>}
    </main>
  );
}
