/** The top bar: board title, role, connection, undo/redo, side panels and language. */
import type { Editor, EditorSnapshot } from '../editor/editor';
import type { ConnectionStatus, Role } from '../sync/connection';
import type { Peer } from '../sync/presence';
import { ExportMenu } from './ExportMenu';
import { Participants } from './Participants';
import { ts } from './shareStrings';
import { t } from './strings';
import { UserText } from './UserText';

interface TopBarProps {
  editor: Editor;
  snapshot: EditorSnapshot;
  role: Role;
  status: ConnectionStatus;
  peers: readonly Peer[];
  /** The side panel that is open: the outline, the insights, or none. */
  panel: SidePanel;
  onTogglePanel(panel: Exclude<SidePanel, null>): void;
  /** Opens the share & control panel (the facilitator's only). */
  onShare?: () => void;
  /** Follows someone from the participant list. */
  onFollow?: (peer: Peer) => void;
}

/** The side panels; one is open at a time so the canvas keeps its room. */
export type SidePanel = 'outline' | 'insights' | null;

/** The board's header. */
export function TopBar({
  editor,
  snapshot,
  role,
  status,
  peers,
  panel,
  onTogglePanel,
  onShare,
  onFollow,
}: TopBarProps) {
  const { language, readOnly } = snapshot;
  return (
    <header className="topbar">
      <a className="brand" href="/" aria-label="Olievlek">
        <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
          <circle cx="16" cy="16" r="6" fill="#0b6e75" />
          <circle cx="16" cy="16" r="11" fill="none" stroke="#0b6e75" strokeOpacity=".5" strokeWidth="2" />
          <circle cx="16" cy="16" r="15" fill="none" stroke="#0b6e75" strokeOpacity=".25" strokeWidth="2" />
        </svg>
      </a>
      <h1 className="board-title">
        <UserText text={snapshot.board.meta.title || 'Olievlek'} />
      </h1>
      <span className={`role role-${role}`}>{t(language, `role.${role}`)}</span>
      <span className={`status status-${status}`} role="status">
        {t(language, `status.${status}`)}
      </span>
      <div className="spacer" />
      <Participants peers={peers} language={language} onFollow={onFollow} />
      {onShare && (
        <button type="button" onClick={onShare}>
          {ts(language, 'share.open')}
        </button>
      )}
      {!readOnly && (
        <>
          <button
            type="button"
            className="icon-button"
            disabled={!snapshot.canUndo}
            onClick={() => editor.undo()}
            aria-label={t(language, 'action.undo')}
            title={`${t(language, 'action.undo')} (Ctrl+Z)`}
          >
            ↶
          </button>
          <button
            type="button"
            className="icon-button"
            disabled={!snapshot.canRedo}
            onClick={() => editor.redo()}
            aria-label={t(language, 'action.redo')}
            title={`${t(language, 'action.redo')} (Ctrl+Shift+Z)`}
          >
            ↷
          </button>
        </>
      )}
      <ExportMenu language={language} role={role} />
      <button type="button" aria-pressed={panel === 'insights'} onClick={() => onTogglePanel('insights')}>
        {t(language, 'action.insights')}
      </button>
      <button type="button" aria-pressed={panel === 'outline'} onClick={() => onTogglePanel('outline')}>
        {t(language, 'action.outline')}
      </button>
      <button
        type="button"
        lang={language === 'nl' ? 'en' : 'nl'}
        onClick={() => editor.setLanguage(language === 'nl' ? 'en' : 'nl')}
      >
        <span className="long">{t(language, 'action.language')}</span>
        <span className="short" aria-hidden="true">
          {language === 'nl' ? 'EN' : 'NL'}
        </span>
      </button>
    </header>
  );
}
