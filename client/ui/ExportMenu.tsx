/**
 * The export menu in the top bar: the whole board (never just the view) as PNG at 2×, SVG, PDF
 * with the report, JSON to import elsewhere, or the Markdown report, made by the server. Shows
 * what it is doing while the file is prepared and downloaded; the canvas and its view stay as
 * they are. The facilitator also finds the snapshots here.
 */
import { useState } from 'react';
import type { Language } from '../../shared/ydoc';
import type { Role } from '../sync/connection';
import { downloadExport, EXPORT_CHOICES, type ExportFormat, type Progress } from './boardFiles';
import { SnapshotsPanel } from './SnapshotsPanel';
import { t, tf } from './strings';

/** How an export is going, for the status line. */
type State =
  | { phase: 'idle' }
  | { phase: 'working'; format: ExportFormat; progress: Progress }
  | { phase: 'done'; name: string }
  | { phase: 'failed'; message: string };

/** The export button, its menu and the status of the last export. */
export function ExportMenu({ language, role }: { language: Language; role: Role }) {
  const [open, setOpen] = useState(false);
  const [snapshots, setSnapshots] = useState(false);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const busy = state.phase === 'working';

  const run = async (format: ExportFormat) => {
    setOpen(false);
    setState({ phase: 'working', format, progress: null });
    try {
      const name = await downloadExport(format, {
        language,
        onProgress: (progress) => setState({ phase: 'working', format, progress }),
      });
      setState({ phase: 'done', name });
    } catch (error) {
      setState({ phase: 'failed', message: (error as Error).message });
    }
  };

  return (
    <div className="export-menu" style={{ position: 'relative' }}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy}
        onClick={() => setOpen(!open)}
      >
        {t(language, 'export.button')}
      </button>
      {open && (
        <div
          role="menu"
          aria-label={t(language, 'export.button')}
          style={{
            position: 'absolute',
            right: 0,
            top: '110%',
            zIndex: 20,
            display: 'grid',
            gap: '0.25rem',
            padding: '0.5rem',
            background: 'var(--panel)',
            border: '1px solid var(--line)',
            borderRadius: 10,
            boxShadow: '0 12px 40px rgba(29, 43, 51, 0.2)',
            width: 'max-content',
            maxWidth: '90vw',
            overflow: 'visible',
          }}
          onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
        >
          {EXPORT_CHOICES.map(({ format, key }, i) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              autoFocus={i === 0}
              onClick={() => void run(format)}
            >
              {t(language, key)}
            </button>
          ))}
          {role === 'facilitator' && (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                setSnapshots(true);
              }}
            >
              {t(language, 'snapshots.open')}
            </button>
          )}
        </div>
      )}
      {/* Floats below the button, so the top bar (and with it the canvas) never changes size. */}
      <span
        role="status"
        aria-live="polite"
        className="export-status"
        style={{
          position: 'absolute',
          right: 0,
          top: '110%',
          whiteSpace: 'nowrap',
          fontSize: '0.85rem',
          zIndex: 19,
          background: state.phase === 'idle' || open ? undefined : 'var(--panel)',
          padding: state.phase === 'idle' ? 0 : '0.2rem 0.5rem',
          borderRadius: 6,
          visibility: open ? 'hidden' : undefined,
        }}
      >
        {state.phase === 'working' &&
          (state.progress === null
            ? tf(language, 'export.preparing', { format: state.format.toUpperCase() })
            : tf(language, 'export.downloading', { percent: Math.round(state.progress * 100) }))}
        {state.phase === 'done' && tf(language, 'export.done', { name: state.name })}
        {state.phase === 'failed' && `${t(language, 'export.failed')}: ${state.message}`}
      </span>
      {snapshots && <SnapshotsPanel language={language} onClose={() => setSnapshots(false)} />}
    </div>
  );
}
