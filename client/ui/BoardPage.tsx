/** Opening `/b/<id>#<token>`: ask who we are, sync the document, then show the board. */
import type { Language } from '../../shared/ydoc';
import { BoardView } from './BoardView';
import { t } from './strings';
import { useBoardSession } from './useBoardSession';

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
  const { session, status } = useBoardSession(boardId, token);
  if (session.phase === 'ready') {
    return (
      <BoardView
        boardId={boardId}
        token={token}
        editor={session.editor}
        connection={session.connection}
        role={session.role}
        readOnlyReason={session.readOnly}
        status={status}
      />
    );
  }
  return (
    <main className="message-page" lang={language}>
      <h1>Olievlek</h1>
      <p role={session.phase === 'error' ? 'alert' : 'status'}>
        {t(language, session.phase === 'error' ? session.key : 'board.loading')}
      </p>
      {session.phase === 'error' && session.detail && (
        <p className="server-reason">
          {t(language, 'board.serverSays')} <q dir="auto">{session.detail}</q>
        </p>
      )}
      {session.phase === 'error' && session.key !== 'board.noToken' && (
        <button type="button" onClick={() => window.location.reload()}>
          {t(language, 'board.retry')}
        </button>
      )}
      {session.phase === 'error' && <a href="/">Olievlek</a>}
    </main>
  );
}
