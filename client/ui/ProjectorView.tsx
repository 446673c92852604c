/**
 * The projector view: the board's title, the participant link as a large QR code and as
 * readable text, filling the screen so a room can scan or type it.
 */
import { useEffect, useRef } from 'react';
import type { Language } from '../../shared/ydoc';
import { ts } from './shareStrings';
import { UserText } from './UserText';

/** The link as people type it: without the scheme, which every browser adds itself. */
export function readableLink(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/** A full-screen view with the participant link as a QR code. */
export function ProjectorView({
  url,
  title,
  language,
  onClose,
}: {
  url: string;
  title: string;
  language: Language;
  onClose(): void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    // Sized for the shorter side of the screen, so it stays square and scannable from the back.
    const size = Math.max(160, Math.min(window.innerWidth, window.innerHeight) - 260);
    // Loaded on first use: only a facilitator opening the projector needs the QR encoder.
    import('qrcode')
      .then(({ toCanvas }) => toCanvas(target, url, { width: size, margin: 2, errorCorrectionLevel: 'M' }))
      .catch((error: unknown) => console.warn('QR code not drawn', error));
  }, [url]);

  useEffect(() => {
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <section className="projector" role="dialog" aria-label={ts(language, 'share.projector')}>
      <h2 className="projector-title">
        <UserText text={title} />
      </h2>
      <canvas ref={canvas} className="projector-qr" role="img" aria-label={ts(language, 'share.scan')} />
      <p className="projector-scan">{ts(language, 'share.scan')}</p>
      <p className="projector-url" dir="ltr">
        {readableLink(url)}
      </p>
      <button ref={close} type="button" className="secondary projector-close" onClick={onClose}>
        {ts(language, 'share.projectorClose')}
      </button>
    </section>
  );
}
