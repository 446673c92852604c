/**
 * The facilitator's share & control panel: the three links with copy buttons, a new link for
 * participants or viewers, the projector view, the board lock, follow-me, the title, and the
 * safety net of going back a few minutes.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { setTitle } from '../../shared/commands';
import { setFollow, setLocked } from '../../shared/control/commands';
import type { ControlReadModel } from '../../shared/control/readControl';
import { MAX_TITLE_LENGTH, type Language } from '../../shared/ydoc';
import type { BoardLinks } from './apiAnswer';
import { boardAccess } from './boardFiles';
import { ProjectorView } from './ProjectorView';
import { loadLinks, rememberLinks, rewind, rotateLink, type RotatableRole } from './shareLinks';
import { ts } from './shareStrings';

interface SharePanelProps {
  doc: Y.Doc;
  controlDoc: Y.Doc;
  control: ControlReadModel;
  language: Language;
  title: string;
  /** The facilitator as follow-me names them. */
  me: { userId: string; name: string };
  onClose(): void;
}

const ROLES = ['facilitator', 'participant', 'viewer'] as const;
const REWIND_MINUTES = [5, 10, 15] as const;

/** The share & control dialog. */
export function SharePanel({ doc, controlDoc, control, language, title, me, onClose }: SharePanelProps) {
  const [links, setLinks] = useState<Partial<BoardLinks> | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ rotate: RotatableRole } | { rewind: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [projector, setProjector] = useState(false);
  const [name, setName] = useState(title);
  const inputs = useRef<Partial<Record<string, HTMLInputElement | null>>>({});

  useEffect(() => {
    let live = true;
    void loadLinks().then((found) => live && setLinks(found));
    return () => {
      live = false;
    };
  }, []);

  const fail = (error: unknown) => setMessage(`${ts(language, 'share.failed')}: ${(error as Error).message}`);

  const copy = async (role: string, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(role);
    } catch {
      // No clipboard (insecure origin, refused): select the text so Ctrl+C copies it.
      inputs.current[role]?.select();
      setCopied(`${role}:selected`);
    }
  };

  const doRotate = async (role: RotatableRole) => {
    setConfirm(null);
    try {
      const url = await rotateLink(role);
      const next = { ...links, [role]: url };
      setLinks(next);
      if (next.facilitator && next.participant && next.viewer)
        rememberLinks(boardAccess().boardId, next as BoardLinks);
      setMessage(ts(language, 'share.rotated'));
    } catch (error) {
      fail(error);
    }
  };

  const doRewind = async (minutes: number) => {
    setConfirm(null);
    try {
      await rewind(minutes);
      setMessage(ts(language, 'share.rewindDone'));
    } catch (error) {
      fail(error);
    }
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    try {
      setTitle(doc, name);
      setMessage(null);
    } catch (error) {
      fail(error);
    }
  };

  const roleName = (role: string) => ts(language, `share.${role}` as 'share.participant');
  const complete = links?.participant !== undefined && links.viewer !== undefined;

  if (projector && links?.participant)
    return (
      <ProjectorView
        url={links.participant}
        title={title}
        language={language}
        onClose={() => setProjector(false)}
      />
    );

  return (
    <div className="share-backdrop">
      <section className="share-panel" role="dialog" aria-label={ts(language, 'share.title')}>
        <header className="share-head">
          <h2>{ts(language, 'share.title')}</h2>
          <button type="button" className="secondary" onClick={onClose}>
            {ts(language, 'share.close')}
          </button>
        </header>

        <h3>{ts(language, 'share.links')}</h3>
        {links && !complete && <p className="share-note">{ts(language, 'share.noLinks')}</p>}
        <dl className="links">
          {ROLES.map((role) => (
            <div key={role} className="link-row">
              <dt>{roleName(role)}</dt>
              <dd>
                <input
                  ref={(node) => {
                    inputs.current[role] = node;
                  }}
                  readOnly
                  value={links?.[role] ?? ''}
                  aria-label={roleName(role)}
                  onFocus={(event) => event.target.select()}
                />
                <button
                  type="button"
                  disabled={!links?.[role]}
                  aria-label={`${ts(language, 'share.copy')}: ${roleName(role)}`}
                  onClick={() => void copy(role, links?.[role] ?? '')}
                >
                  {copied === role
                    ? ts(language, 'share.copied')
                    : copied === `${role}:selected`
                      ? ts(language, 'share.selected')
                      : ts(language, 'share.copy')}
                </button>
                {role !== 'facilitator' && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${ts(language, 'share.rotate')}: ${roleName(role)}`}
                    onClick={() => setConfirm({ rotate: role })}
                  >
                    {ts(language, 'share.rotate')}
                  </button>
                )}
              </dd>
            </div>
          ))}
        </dl>
        <button type="button" disabled={!links?.participant} onClick={() => setProjector(true)}>
          {ts(language, 'share.projector')}
        </button>

        <h3>{ts(language, 'share.session')}</h3>
        <p className="share-note" role="status">
          {ts(language, control.locked ? 'share.locked' : 'share.unlocked')}
        </p>
        <div className="share-row">
          <button
            type="button"
            aria-pressed={control.locked}
            onClick={() => setLocked(controlDoc, !control.locked)}
          >
            {ts(language, 'share.lock')}
          </button>
          {control.follow?.userId === me.userId ? (
            <button type="button" className="secondary" onClick={() => setFollow(controlDoc, null)}>
              {ts(language, 'follow.end')}
            </button>
          ) : (
            <button type="button" className="secondary" onClick={() => setFollow(controlDoc, me)}>
              {ts(language, 'follow.everyone')}
            </button>
          )}
        </div>

        <form className="share-row" onSubmit={rename}>
          <label className="field">
            <span>{ts(language, 'share.rename')}</span>
            <input
              value={name}
              maxLength={MAX_TITLE_LENGTH}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <button type="submit">{ts(language, 'share.renameSave')}</button>
        </form>

        <h3>{ts(language, 'share.rewind')}</h3>
        <p className="share-note">{ts(language, 'share.rewindHelp')}</p>
        <div className="share-row">
          {REWIND_MINUTES.map((n) => (
            <button key={n} type="button" className="secondary" onClick={() => setConfirm({ rewind: n })}>
              {ts(language, 'share.rewind')} {ts(language, 'share.rewindMinutes', { n })}
            </button>
          ))}
        </div>

        {confirm && (
          <div className="share-confirm" role="alert">
            <p>
              {'rotate' in confirm
                ? ts(language, 'share.rotateConfirm', { role: roleName(confirm.rotate).toLowerCase() })
                : ts(language, 'share.rewindConfirm', { n: confirm.rewind })}
            </p>
            <div className="share-row">
              <button
                type="button"
                onClick={() =>
                  void ('rotate' in confirm ? doRotate(confirm.rotate) : doRewind(confirm.rewind))
                }
              >
                {'rotate' in confirm ? ts(language, 'share.rotate') : ts(language, 'share.rewind')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirm(null)}>
                {ts(language, 'share.cancel')}
              </button>
            </div>
          </div>
        )}
        {message && (
          <p className="share-note" role="status">
            {message}
          </p>
        )}
      </section>
    </div>
  );
}
