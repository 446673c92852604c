/** A connected board: top bar, tools, canvas, outline and inspector around one editor. */
import { useEffect, useMemo, useState } from 'react';
import type { Editor } from '../editor/editor';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { crossingBadges, pathHighlight } from '../canvas/highlight';
import { paintedTexts } from '../canvas/render/paintedTexts';
import type { Point } from '../../shared/geometry';
import type { BoardConnection, ConnectionStatus, Role } from '../sync/connection';
import { DotsLayer } from './DotsLayer';
import { InsightPanel } from './InsightPanel';
import { ItemMenu } from './ItemMenu';
import { NameDialog } from './NameDialog';
import { PhaseBar } from './PhaseBar';
import { PresenceLayer } from './PresenceLayer';
import { Inspector } from './Inspector';
import { handleShortcut, isTyping } from './keyboard';
import { LinkDialog } from './LinkDialog';
import { LinkPicker } from './LinkPicker';
import { Outline } from './Outline';
import { t } from './strings';
import { TextEditor } from './TextEditor';
import { Toolbar } from './Toolbar';
import { TopBar, type SidePanel } from './TopBar';
import { useAnalysis } from './useAnalysis';
import type { ReadOnlyReason } from './useBoardSession';
import { useEditorSnapshot } from './useEditorSnapshot';
import { useFacilitation, useFacilitationSnapshot } from './useFacilitation';
import { usePresence } from './usePresence';
import { VotePanel } from './VotePanel';
import { ZoomControls } from './ZoomControls';
import { isolatePlainText } from '../../shared/bidi';
import { setFollow, setItemsLocked } from '../../shared/control/commands';
import { LOCKED_ITEM_NOTICE } from '../editor/editor';
import { FollowChip } from './FollowChip';
import { ItemLock } from './ItemLock';
import { SharePanel } from './SharePanel';
import { ts } from './shareStrings';
import { useFollow } from './useFollow';
import { reportDrawn, useAutomation } from './automation';

/** Screens this wide show the outline from the start (DESIGN.md, the client's accessible surface). */
const OUTLINE_BY_DEFAULT = 1200;

interface BoardViewProps {
  boardId: string;
  /** This person's access key, for the facilitation calls over HTTP. */
  token: string;
  editor: Editor;
  connection: BoardConnection;
  role: Role;
  /** Why this person can only look, or null. */
  readOnlyReason: ReadOnlyReason;
  status: ConnectionStatus;
}

/** The board screen. */
export function BoardView({
  boardId,
  token,
  editor,
  connection,
  role,
  readOnlyReason,
  status,
}: BoardViewProps) {
  const snapshot = useEditorSnapshot(editor);
  const [panel, setPanel] = useState<SidePanel>(() =>
    window.innerWidth >= OUTLINE_BY_DEFAULT ? 'outline' : null,
  );
  const analysis = useAnalysis(snapshot.board);
  const highlight = useMemo(
    () => pathHighlight(analysis, snapshot.selection),
    [analysis, snapshot.selection],
  );
  const badges = useMemo(() => crossingBadges(snapshot.board, analysis), [snapshot.board, analysis]);
  const [linkDialog, setLinkDialog] = useState(false);
  const [menu, setMenu] = useState<{ itemId: string; at: Point } | null>(null);
  const presence = usePresence(editor, connection, role);
  const { language } = snapshot;
  const facilitation = useFacilitation(boardId, token, connection);
  const control = useFacilitationSnapshot(facilitation);
  // The facilitator's own choice to show or hide the vote panel; null follows the vote.
  const [votePanel, setVotePanel] = useState<boolean | null>(null);
  // Everyone sees a vote while there is one; the facilitator opens the panel to start one.
  const showVotePanel =
    role === 'facilitator' ? (votePanel ?? control.control.voting !== null) : control.control.voting !== null;
  const follow = useFollow(editor, connection, presence.peers, control.control.follow);
  const [share, setShare] = useState(false);
  const facilitator = role === 'facilitator';
  useAutomation(editor, 0); // window.__olievlek for benchmark harnesses (README, Benchmarks); the canvas reports its first draw

  useEffect(() => {
    // Participants are refused locked items here too, so they hear why instead of seeing an edit vanish.
    editor.setLockedItems(control.control.lockedItems, role !== 'facilitator');
  }, [editor, control.control.lockedItems, role]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || linkDialog) return;
      // Enter and Space on a focused button or link press it; they are not board shortcuts there.
      const target = event.target as HTMLElement | null;
      if (
        (event.key === 'Enter' || event.key === ' ') &&
        target?.closest('button, a, summary, [role="button"]')
      )
        return;
      if (handleShortcut(editor, event, () => setLinkDialog(true))) event.preventDefault();
    };
    const onCopy = (event: ClipboardEvent) => {
      if (isTyping(event)) return;
      const text = editor.copySelection();
      if (!text) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
      if (event.type === 'cut') editor.deleteSelection();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event)) return;
      const text = event.clipboardData?.getData('text/plain');
      if (text && editor.paste(text)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [editor, linkDialog]);

  useEffect(() => {
    // A read-only handle for tests and for people debugging a workshop from the console.
    (window as unknown as { olievlek?: unknown }).olievlek = {
      snapshot: () => editor.getSnapshot(),
      highlighted: () => (highlight ? { items: [...highlight.items], links: [...highlight.links] } : null),
      // The text lines the canvas paints for the items in view (tests check what it shows).
      paintedTexts: () => paintedTexts(editor.getSnapshot()),
    };
  }, [editor, highlight]);

  useEffect(() => {
    // The title is isolated, so right-to-left text in it cannot reorder the app's name.
    document.title = `${isolatePlainText(snapshot.board.meta.title || 'Olievlek')} · Olievlek`;
  }, [snapshot.board.meta.title]);

  // A long press on a card during a vote offers its dots first: the tablet's way to vote.
  const dotActions = (itemId: string): [string, () => void][] => {
    const { voting } = control.control;
    const item = snapshot.board.items.find((i) => i.id === itemId);
    if (role === 'viewer' || !voting?.open || item?.kind !== voting.kind) return [];
    const add: [string, () => void] = [t(language, 'vote.addDot'), () => void facilitation.addDot(itemId)];
    if (facilitation.dotsOn(itemId) === 0) return [add];
    return [add, [t(language, 'vote.removeDot'), () => void facilitation.removeDot(itemId)]];
  };

  const notice = snapshot.notice?.startsWith('no-link:')
    ? t(language, 'notice.noLink')
    : snapshot.notice === LOCKED_ITEM_NOTICE
      ? ts(language, 'lock.itemNotice')
      : snapshot.notice;
  const itemLock = (
    <ItemLock
      controlDoc={connection.controlDoc}
      selection={snapshot.selection}
      lockedItems={control.control.lockedItems}
      role={role}
      language={language}
    />
  );

  return (
    <div className="board-page" lang={language}>
      <TopBar
        editor={editor}
        snapshot={snapshot}
        role={role}
        status={status}
        peers={presence.peers}
        panel={panel}
        onTogglePanel={(next) => setPanel((open) => (open === next ? null : next))}
        onShare={facilitator ? () => setShare(true) : undefined}
        onFollow={follow.followPeer}
      />
      <PhaseBar
        facilitation={facilitation}
        snapshot={control}
        language={language}
        facilitator={role === 'facilitator'}
        voteOpen={showVotePanel}
        onToggleVote={() => setVotePanel(!showVotePanel)}
      />
      <div className="workspace">
        {panel === 'outline' && (
          <Outline
            editor={editor}
            board={snapshot.board}
            selection={snapshot.selection}
            selectedLink={snapshot.selectedLink}
            language={language}
          />
        )}
        {panel === 'insights' && (
          <InsightPanel
            editor={editor}
            board={snapshot.board}
            selection={snapshot.selection}
            language={language}
            analysis={analysis}
          />
        )}
        <main className="stage-wrap" aria-label={t(language, 'canvas.label')}>
          <p className="visually-hidden">{t(language, 'canvas.help')}</p>
          <BoardCanvas
            editor={editor}
            board={snapshot.board}
            width={snapshot.viewport.width}
            height={snapshot.viewport.height}
            selection={snapshot.selection}
            selectedLink={snapshot.selectedLink}
            tool={snapshot.tool}
            readOnly={snapshot.readOnly}
            language={language}
            highlight={highlight}
            badges={badges}
            lockedItems={control.control.lockedItems}
            onResizeViewport={editor.resizeViewport}
            onDrawn={reportDrawn}
            onCursor={presence.moveCursor}
            onItemMenu={(itemId, at) => {
              if (!snapshot.readOnly) setMenu({ itemId, at });
            }}
          />
          <DotsLayer board={snapshot.board} viewport={snapshot.viewport} snapshot={control} />
          <PresenceLayer peers={presence.peers} viewport={snapshot.viewport} board={snapshot.board} />
          <FollowChip
            following={follow.following}
            leading={facilitator && control.control.follow?.userId === editor.userId}
            language={language}
            onStop={follow.stop}
            onEnd={() => setFollow(connection.controlDoc, null)}
          />
          {readOnlyReason && (
            <p className="read-only-banner" role="status">
              {t(language, readOnlyReason === 'viewer' ? 'readOnly.viewer' : 'readOnly.locked')}
            </p>
          )}
          {menu && (
            <ItemMenu
              editor={editor}
              snapshot={snapshot}
              itemId={menu.itemId}
              at={menu.at}
              onLink={() => setLinkDialog(true)}
              onClose={() => setMenu(null)}
              extra={[
                ...dotActions(menu.itemId),
                ...(facilitator
                  ? [
                      [
                        ts(
                          language,
                          control.control.lockedItems.has(menu.itemId) ? 'unlock.item' : 'lock.item',
                        ),
                        () =>
                          setItemsLocked(
                            connection.controlDoc,
                            [menu.itemId],
                            !control.control.lockedItems.has(menu.itemId),
                          ),
                      ] as [string, () => void],
                    ]
                  : []),
              ]}
            />
          )}
          <TextEditor editor={editor} snapshot={snapshot} />
          <Toolbar editor={editor} snapshot={snapshot} onOpenLinkDialog={() => setLinkDialog(true)} />
          <ZoomControls editor={editor} snapshot={snapshot} />
          <LinkPicker editor={editor} snapshot={snapshot} />
          {linkDialog && (
            <LinkDialog editor={editor} snapshot={snapshot} onClose={() => setLinkDialog(false)} />
          )}
          {showVotePanel && (
            <VotePanel
              facilitation={facilitation}
              snapshot={control}
              editorSnapshot={snapshot}
              role={role}
              onSelect={(id) => editor.select([id])}
            />
          )}
          <div className="notice" role="status" aria-live="polite">
            {notice && (
              <button type="button" onClick={() => editor.clearNotice()}>
                {notice}
              </button>
            )}
          </div>
        </main>
        <Inspector editor={editor} snapshot={snapshot} extra={itemLock} />
      </div>
      {share && (
        <SharePanel
          doc={connection.doc}
          controlDoc={connection.controlDoc}
          control={control.control}
          language={language}
          title={snapshot.board.meta.title}
          me={{ userId: editor.userId, name: presence.name || ts(language, 'share.facilitator') }}
          onClose={() => setShare(false)}
        />
      )}
      {!presence.name && <NameDialog language={language} onChoose={presence.chooseName} />}
    </div>
  );
}
