/**
 * The facilitator's snapshots: every snapshot with its time and label (automatic ones too),
 * taking a named one, a preview, downloading one in any format, and restoring one. A restore
 * reaches everyone as an ordinary change; what it replaced is kept as a snapshot first, so
 * restoring that one undoes it.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Language } from '../../shared/ydoc';
import {
  downloadExport,
  listSnapshots,
  restoreSnapshot,
  snapshotPreview,
  takeSnapshot,
  EXPORT_CHOICES,
  type SnapshotInfo,
} from './boardFiles';
import { t, tf } from './strings';
import { UserText } from './UserText';
import { stripBidiControls } from '../../shared/bidi';

/** The snapshots dialog. */
export function SnapshotsPanel({ language, onClose }: { language: Language; onClose(): void }) {
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ id: string; url: string } | null>(null);

  const refresh = useCallback(async () => {
    try {
      setSnapshots(await listSnapshots());
    } catch (error) {
      setMessage(`${t(language, 'snapshots.failed')}: ${(error as Error).message}`);
    }
  }, [language]);

  useEffect(() => {
    let live = true;
    listSnapshots().then(
      (list) => live && setSnapshots(list),
      (error: unknown) =>
        live && setMessage(`${t(language, 'snapshots.failed')}: ${(error as Error).message}`),
    );
    return () => {
      live = false;
    };
  }, [language]);

  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview.url);
    },
    [preview],
  );

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(`${t(language, 'snapshots.failed')}: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const take = (event: FormEvent) => {
    event.preventDefault();
    const name = label.trim();
    if (!name) return;
    void act(async () => {
      await takeSnapshot(name);
      setLabel('');
      await refresh();
      return tf(language, 'snapshots.taken', { label: name });
    });
  };

  const restore = (snapshot: SnapshotInfo) => {
    if (!window.confirm(tf(language, 'snapshots.confirmRestore', { label: snapshot.label }))) return;
    void act(async () => {
      await restoreSnapshot(snapshot.id);
      await refresh();
      return tf(language, 'snapshots.restored', { label: snapshot.label });
    });
  };

  const time = (ms: number) =>
    new Date(ms).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });

  return (
    <div
      className="dialog snapshots-dialog"
      role="dialog"
      aria-modal="true"
      aria-label={t(language, 'snapshots.title')}
      style={{
        position: 'fixed',
        zIndex: 30,
        width: 'min(40rem, 94vw)',
        maxHeight: '80vh',
        overflow: 'auto',
      }}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <h2>{t(language, 'snapshots.title')}</h2>
      <form onSubmit={take} className="actions">
        <label className="field">
          <span>{t(language, 'snapshots.label')}</span>
          <input autoFocus value={label} maxLength={120} onChange={(event) => setLabel(event.target.value)} />
        </label>
        <button type="submit" disabled={busy || !label.trim()}>
          {t(language, 'snapshots.take')}
        </button>
      </form>
      <p role="status" aria-live="polite">
        {message}
      </p>
      {snapshots === null ? (
        <p>{t(language, 'snapshots.loading')}</p>
      ) : snapshots.length === 0 ? (
        <p>{t(language, 'snapshots.empty')}</p>
      ) : (
        <ul aria-label={t(language, 'snapshots.title')} style={{ listStyle: 'none', padding: 0 }}>
          {snapshots.map((snapshot) => (
            <li key={snapshot.id} style={{ borderTop: '1px solid var(--line)', padding: '0.5rem 0' }}>
              <strong>
                <UserText text={snapshot.label} />
              </strong>{' '}
              <time dateTime={new Date(snapshot.createdAt).toISOString()}>{time(snapshot.createdAt)}</time>
              <div className="actions" style={{ flexWrap: 'wrap', gap: '0.3rem' }}>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() =>
                    void act(async () => {
                      setPreview({ id: snapshot.id, url: await snapshotPreview(snapshot.id) });
                      return '';
                    })
                  }
                >
                  {t(language, 'snapshots.preview')}
                </button>
                <select
                  aria-label={`${t(language, 'snapshots.export')}: ${stripBidiControls(snapshot.label)}`}
                  value=""
                  disabled={busy}
                  onChange={(event) => {
                    const format = event.target.value as (typeof EXPORT_CHOICES)[number]['format'];
                    void act(async () =>
                      tf(language, 'export.done', {
                        name: await downloadExport(format, { snapshot: snapshot.id, language }),
                      }),
                    );
                  }}
                >
                  <option value="">{t(language, 'snapshots.export')}…</option>
                  {EXPORT_CHOICES.map(({ format, key }) => (
                    <option key={format} value={format}>
                      {t(language, key)}
                    </option>
                  ))}
                </select>
                <button type="button" disabled={busy} onClick={() => restore(snapshot)}>
                  {t(language, 'snapshots.restore')}
                </button>
              </div>
              {preview?.id === snapshot.id && (
                <img
                  src={preview.url}
                  alt={tf(language, 'snapshots.previewOf', { label: snapshot.label })}
                  style={{
                    width: '100%',
                    marginTop: '0.4rem',
                    border: '1px solid var(--line)',
                    borderRadius: 8,
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t(language, 'snapshots.close')}
        </button>
      </div>
    </div>
  );
}
