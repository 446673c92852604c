/** Zoom buttons and the current zoom, in the bottom corner where every drawing tool has them. */
import type { Editor, EditorSnapshot } from '../editor/editor';
import { t } from './strings';

/** The zoom controls. */
export function ZoomControls({ editor, snapshot }: { editor: Editor; snapshot: EditorSnapshot }) {
  const { language, viewport } = snapshot;
  return (
    <div className="zoombar">
      <button
        type="button"
        aria-label={t(language, 'action.zoomOut')}
        title={`${t(language, 'action.zoomOut')} (−)`}
        onClick={() => editor.zoomBy(0.8)}
      >
        −
      </button>
      <button
        type="button"
        className="zoom-level"
        aria-label={t(language, 'action.zoomReset')}
        title={`${t(language, 'action.zoomReset')} (0)`}
        onClick={() => editor.resetZoom()}
      >
        {Math.round(viewport.zoom * 100)} %
      </button>
      <button
        type="button"
        aria-label={t(language, 'action.zoomIn')}
        title={`${t(language, 'action.zoomIn')} (+)`}
        onClick={() => editor.zoomBy(1.25)}
      >
        +
      </button>
      <button
        type="button"
        aria-label={t(language, 'action.zoomFit')}
        title={`${t(language, 'action.zoomFit')} (Shift+1)`}
        onClick={() => editor.zoomToFit()}
      >
        ⤢
      </button>
    </div>
  );
}
