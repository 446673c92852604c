/**
 * The insight panel: what the board says about the way to the ambitions — orphans, unfed
 * ambitions, keystones, every path with the boundaries it crosses, the mechanism grid and
 * eternal-pilot warnings. Every entry focuses the canvas on what it names; it updates live.
 */
import { memo, type ReactNode } from 'react';
import type { AnalysedPath, BoardAnalysis } from '../../shared/analysis';
import { kindLabel, label } from '../../shared/i18n';
import { MECHANISMS } from '../../shared/mechanisms';
import { itemsById, type BoardReadModel } from '../../shared/readBoard';
import type { Language } from '../../shared/ydoc';
import type { Editor } from '../editor/editor';
import { Capped } from './Capped';
import { t, tf } from './strings';
import { UserText } from './UserText';

interface Props {
  editor: Editor;
  board: BoardReadModel;
  selection: readonly string[];
  language: Language;
  analysis: BoardAnalysis | null;
}

/** The insights panel; memoised so panning the canvas does not rebuild it. */
export const InsightPanel = memo(function InsightPanel({
  editor,
  board,
  selection,
  language,
  analysis,
}: Props) {
  const byId = itemsById(board);
  const name = (id: string) => byId.get(id)?.text.trim() || t(language, 'outline.untitled');
  const focus = (id: string, text = name(id)) => (
    <button type="button" className="insight-link" onClick={() => editor.focusItem(id)}>
      <UserText text={text} />
    </button>
  );
  if (!analysis) {
    return (
      <section className="panel insights" aria-label={t(language, 'insights.title')}>
        <h2>{t(language, 'insights.title')}</h2>
        <p className="muted">{t(language, 'insights.waiting')}</p>
      </section>
    );
  }
  const selected = selection.length === 1 ? selection[0] : undefined;
  const selectedPaths = selected
    ? analysis.paths.filter((path) => path.ambitionId === selected || path.winIds.includes(selected))
    : [];
  const ambitions = board.items.filter((item) => item.kind === 'ambition');
  const pathView = (path: AnalysedPath, key: string) => (
    <li key={key} className="path">
      <span className="path-steps">
        {[...path.winIds, path.ambitionId].map((id, step) => (
          <span key={id} className={step === path.winIds.length ? 'step step-ambition' : 'step'}>
            {step > 0 && <span aria-hidden="true">↳ </span>}
            {focus(id)}
          </span>
        ))}
      </span>
      <span className="chips">
        {path.boundaries.crossesNone ? (
          <span className="chip warn">{t(language, 'insights.crossesNone')}</span>
        ) : (
          path.boundaries.markers.map((marker) => (
            <span key={marker.markerId} className={`chip boundary-${marker.boundaryType}`}>
              {label(language, `boundaryType.${marker.boundaryType}`)} ·{' '}
              {label(language, `dimension.${marker.dimension}`)}
            </span>
          ))
        )}
      </span>
    </li>
  );

  return (
    <section className="panel insights" aria-label={t(language, 'insights.title')}>
      <h2>{t(language, 'insights.title')}</h2>
      {selected && selectedPaths.length > 0 && (
        <Block title={`${t(language, 'insights.selected')} (${selectedPaths.length})`}>
          <Capped items={selectedPaths} language={language}>
            {(shown) => <ol className="paths">{shown.map((path, i) => pathView(path, `s${i}`))}</ol>}
          </Capped>
        </Block>
      )}
      <Block title={t(language, 'insights.orphans')}>
        <IdList ids={analysis.orphans.orphanWinIds} render={focus} language={language} />
      </Block>
      <Block title={t(language, 'insights.unfed')}>
        <IdList ids={analysis.orphans.unfedAmbitionIds} render={focus} language={language} />
      </Block>
      <Block title={t(language, 'insights.keystones')}>
        {analysis.keystones.some((k) => k.winIds.length > 0) ? (
          <Capped items={analysis.keystones.filter((k) => k.winIds.length > 0)} language={language}>
            {(keystones) => (
              <ul>
                {keystones.map((k) => (
                  <li key={k.ambitionId}>
                    {focus(k.ambitionId)}:{' '}
                    <Capped items={k.winIds} language={language}>
                      {(wins) => wins.map((win) => <span key={win}>{focus(win)} </span>)}
                    </Capped>
                  </li>
                ))}
              </ul>
            )}
          </Capped>
        ) : (
          <p className="muted">{t(language, 'insights.none')}</p>
        )}
      </Block>
      <Block title={`${t(language, 'insights.paths')} (${analysis.paths.length})`}>
        {analysis.paths.length === 0 ? (
          <p className="muted">{t(language, 'insights.noPaths')}</p>
        ) : (
          <Capped items={analysis.paths} language={language}>
            {(shown) => <ol className="paths">{shown.map((path, i) => pathView(path, `p${i}`))}</ol>}
          </Capped>
        )}
        {analysis.pathsTruncated && (
          <p className="muted">{tf(language, 'insights.truncated', { n: analysis.paths.length })}</p>
        )}
      </Block>
      {ambitions.length > 0 && (
        <Block title={t(language, 'insights.mechanisms')}>
          <Capped items={analysis.coverage} language={language}>
            {(coverageShown) => (
              <table className="mechanism-grid">
                <thead>
                  <tr>
                    <th scope="col">{kindLabel(language, 'ambition')}</th>
                    {MECHANISMS.map((m) => (
                      <th key={m} scope="col" title={label(language, `mechanism.${m}`)}>
                        <abbr title={label(language, `mechanism.${m}`)}>
                          {label(language, `mechanism.${m}`).slice(0, 3)}
                        </abbr>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {coverageShown.map((row) => (
                    <tr key={row.ambitionId}>
                      <th scope="row">{focus(row.ambitionId)}</th>
                      {row.cells.map((cell) => (
                        <td
                          key={cell.mechanism}
                          className={cell.active ? 'on' : 'off'}
                          title={`${label(language, `mechanism.${cell.mechanism}`)}: ${cell.active ? '✓' : t(language, 'insights.missing')}`}
                        >
                          {cell.active ? '✓' : '–'}
                          <span className="visually-hidden">
                            {label(language, `mechanism.${cell.mechanism}`)}{' '}
                            {cell.active ? '' : t(language, 'insights.missing')}
                          </span>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Capped>
          <Capped items={analysis.coverage.filter((row) => row.eternalPilotWarning)} language={language}>
            {(warned) =>
              warned.map((row) => (
                <p key={row.ambitionId} className="warning" role="note">
                  ⚠ <UserText text={name(row.ambitionId)} />: {t(language, 'insights.eternalPilotWarning')}
                </p>
              ))
            }
          </Capped>
        </Block>
      )}
      <Block title={t(language, 'insights.eternalPilots')}>
        <IdList ids={analysis.eternalPilotIds} render={focus} language={language} />
      </Block>
    </section>
  );
});

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="insight-block">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

function IdList({
  ids,
  render,
  language,
}: {
  ids: readonly string[];
  render(id: string): ReactNode;
  language: Language;
}) {
  if (ids.length === 0) return <p className="muted">{t(language, 'insights.none')}</p>;
  return (
    <Capped items={ids} language={language}>
      {(shown) => (
        <ul>
          {shown.map((id) => (
            <li key={id}>{render(id)}</li>
          ))}
        </ul>
      )}
    </Capped>
  );
}
