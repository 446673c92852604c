/** Routes by path: `/b/<boardId>#<token>` opens a board, anything else is the front page. */
import { useEffect, useState } from 'react';
import type { Language } from '../../shared/ydoc';
import { BoardPage } from './BoardPage';
import { Landing } from './Landing';

/** Dutch for Dutch-speaking browsers, English otherwise (a board then switches to its own language). */
function browserLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

function route() {
  const match = /^\/b\/([A-Za-z0-9_-]{10,128})\/?$/.exec(window.location.pathname);
  return match?.[1] ? { boardId: match[1], token: decodeURIComponent(window.location.hash.slice(1)) } : null;
}

/** The app. */
export function App() {
  const [current, setCurrent] = useState(route);
  useEffect(() => {
    const onChange = () => setCurrent(route());
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);
  const language = browserLanguage();
  if (current)
    return (
      <BoardPage
        key={`${current.boardId}#${current.token}`}
        boardId={current.boardId}
        token={current.token}
        language={language}
      />
    );
  return <Landing language={language} />;
}
