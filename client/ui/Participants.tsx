/** Who is on the board now: coloured initials in the top bar, and a list with names and roles. */
import { useState } from 'react';
import type { Language } from '../../shared/ydoc';
import type { Peer } from '../sync/presence';
import { ts } from './shareStrings';
import { t } from './strings';
import { UserText } from './UserText';

/** The participant list. */
export function Participants({
  peers,
  language,
  onFollow,
}: {
  peers: readonly Peer[];
  language: Language;
  /** Follows a person's viewport; absent, no Follow buttons. */
  onFollow?: (peer: Peer) => void;
}) {
  const [open, setOpen] = useState(false);
  const label = `${t(language, 'presence.participants')}: ${peers.length}`;
  return (
    <div className="participants">
      <button
        type="button"
        className="avatars"
        aria-expanded={open}
        aria-label={label}
        title={label}
        onClick={() => setOpen(!open)}
      >
        {peers.slice(0, 5).map((peer) => (
          <span key={peer.clientId} className="avatar" style={{ background: peer.colour }} aria-hidden="true">
            {Array.from(peer.name)[0]?.toUpperCase()}
          </span>
        ))}
        {peers.length > 5 && <span className="avatar more">+{peers.length - 5}</span>}
      </button>
      {open && (
        <section className="participant-list" aria-label={t(language, 'presence.participants')}>
          <h2>{label}</h2>
          <ul>
            {peers.map((peer) => (
              <li key={peer.clientId}>
                <span className="dot" style={{ background: peer.colour }} aria-hidden="true" />
                <UserText className="participant-name" text={peer.name} />
                {peer.self && <span className="muted"> ({t(language, 'presence.you')})</span>}
                <span className="muted participant-role">
                  {t(
                    language,
                    `role.${peer.role === 'facilitator' || peer.role === 'viewer' ? peer.role : 'participant'}`,
                  )}{' '}
                  · {t(language, 'presence.online')}
                </span>
                {onFollow && !peer.self && (
                  <button
                    type="button"
                    className="secondary follow-button"
                    aria-label={`${ts(language, 'follow.person')}: ${peer.name}`}
                    onClick={() => {
                      onFollow(peer);
                      setOpen(false);
                    }}
                  >
                    {ts(language, 'follow.person')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
