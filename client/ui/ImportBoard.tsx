/** On the front page: a JSON export becomes a new board, whose links then show as after creating one. */
import { useState, type ChangeEvent } from 'react';
import type { Language } from '../../shared/ydoc';
import { importBoard, type CreatedBoard } from './boardFiles';
import { t, tf } from './strings';

/** A file picker that imports a board. */
export function ImportBoard({
  language,
  onImported,
}: {
  language: Language;
  onImported(board: CreatedBoard): void;
}) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setState({ busy: true, error: null });
    try {
      const board = await importBoard(await file.text());
      setState({ busy: false, error: null });
      onImported(board);
    } catch (error) {
      setState({ busy: false, error: `${t(language, 'import.failed')}: ${(error as Error).message}` });
    }
  };

  return (
    <section className="import" aria-label={t(language, 'import.title')}>
      <h2>{t(language, 'import.title')}</h2>
      <label className="field">
        <span>{t(language, 'import.file')}</span>
        <input
          type="file"
          accept="application/json,.json"
          disabled={state.busy}
          onChange={(event) => void pick(event)}
        />
      </label>
      {state.busy && <p role="status">{t(language, 'import.busy')}</p>}
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
    </section>
  );
}

/** The note under an imported board's links when entries had to be left out. */
export function importProblems(language: Language, board: CreatedBoard): string | null {
  return board.problemCount ? tf(language, 'import.problems', { n: board.problemCount }) : null;
}
