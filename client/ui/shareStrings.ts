/**
 * Strings of the share & control panel, the projector view, item locks and follow-me, in
 * English and Dutch. Kept apart from strings.ts so parallel work on the board's other
 * panels does not collide in one table.
 */
import type { Language } from '../../shared/ydoc';

const en = {
  'landing.template': 'Workshop',
  'share.open': 'Share',
  'share.title': 'Share & control',
  'share.close': 'Close',
  'share.cancel': 'Cancel',
  'share.links': 'Links',
  'share.facilitator': 'Facilitator',
  'share.participant': 'Participants',
  'share.viewer': 'Viewers',
  'share.copy': 'Copy',
  'share.copied': 'Copied',
  'share.selected': 'Selected: press Ctrl+C',
  'share.noLinks':
    'The server did not hand out the participant and viewer links for this board. Make new ones with "New link".',
  'share.rotate': 'New link',
  'share.rotateConfirm':
    'Make a new {role} link? The old link stops working for newcomers; people who are already on the board stay.',
  'share.rotated': 'New link made: the old one no longer lets anyone in.',
  'share.projector': 'Projector view',
  'share.projectorClose': 'Close projector view',
  'share.scan': 'Scan to join',
  'share.session': 'The session',
  'share.lock': 'Lock the board',
  'share.locked': 'The board is locked: participants can look, not edit.',
  'share.unlocked': 'The board is open: participants can edit.',
  'share.rename': 'Board title',
  'share.renameSave': 'Rename',
  'share.rewind': 'Back to',
  'share.rewindMinutes': '{n} minutes ago',
  'share.rewindConfirm':
    'Put the board back as it was {n} minutes ago for everyone? The current board is kept as an "Automatic: before restoring" snapshot.',
  'share.rewindDone':
    'The board is back as it was. Undo it by restoring the "Automatic: before restoring" snapshot in Snapshots.',
  'share.rewindHelp':
    'Safety net: the board is saved automatically every few minutes. Going back can be undone through the "Automatic: before restoring" snapshot in Snapshots.',
  'share.failed': 'That did not work',
  'follow.everyone': 'Bring everyone here',
  'follow.end': 'End follow-me',
  'follow.person': 'Follow',
  'follow.chip': 'Following {name}',
  'follow.stop': 'Stop',
  'follow.leading': 'Everyone follows you',
  'lock.item': 'Lock',
  'unlock.item': 'Unlock',
  'lock.itemNotice': 'The facilitator locked this item: you cannot change it.',
  'lock.itemLabel': 'Locked',
};

/** A key of the share strings. */
export type ShareKey = keyof typeof en;

const nl: Record<ShareKey, string> = {
  'landing.template': 'Workshop',
  'share.open': 'Delen',
  'share.title': 'Delen & regie',
  'share.close': 'Sluiten',
  'share.cancel': 'Annuleren',
  'share.links': 'Links',
  'share.facilitator': 'Facilitator',
  'share.participant': 'Deelnemers',
  'share.viewer': 'Kijkers',
  'share.copy': 'Kopiëren',
  'share.copied': 'Gekopieerd',
  'share.selected': 'Geselecteerd: druk op Ctrl+C',
  'share.noLinks':
    'De server gaf voor dit bord geen deelnemers- en kijkerslinks. Maak nieuwe met "Nieuwe link".',
  'share.rotate': 'Nieuwe link',
  'share.rotateConfirm':
    'Een nieuwe link voor {role} maken? De oude link werkt dan niet meer voor nieuwkomers; wie al op het bord is, blijft.',
  'share.rotated': 'Nieuwe link gemaakt: de oude laat niemand meer binnen.',
  'share.projector': 'Projectorweergave',
  'share.projectorClose': 'Projectorweergave sluiten',
  'share.scan': 'Scan om mee te doen',
  'share.session': 'De sessie',
  'share.lock': 'Bord vergrendelen',
  'share.locked': 'Het bord is vergrendeld: deelnemers kunnen kijken, niet bewerken.',
  'share.unlocked': 'Het bord is open: deelnemers kunnen bewerken.',
  'share.rename': 'Titel van het bord',
  'share.renameSave': 'Hernoemen',
  'share.rewind': 'Terug naar',
  'share.rewindMinutes': '{n} minuten geleden',
  'share.rewindConfirm':
    'Het bord voor iedereen terugzetten naar {n} minuten geleden? Het huidige bord blijft bewaard als momentopname "Automatisch: vóór herstellen".',
  'share.rewindDone':
    'Het bord is teruggezet. Ongedaan maken: zet de momentopname "Automatisch: vóór herstellen" terug via Momentopnames.',
  'share.rewindHelp':
    'Vangnet: het bord wordt om de paar minuten automatisch bewaard. Teruggaan is ongedaan te maken via de momentopname "Automatisch: vóór herstellen".',
  'share.failed': 'Dat lukte niet',
  'follow.everyone': 'Iedereen hierheen',
  'follow.end': 'Volgen beëindigen',
  'follow.person': 'Volgen',
  'follow.chip': 'Je volgt {name}',
  'follow.stop': 'Stop',
  'follow.leading': 'Iedereen volgt jou',
  'lock.item': 'Vergrendel',
  'unlock.item': 'Ontgrendel',
  'lock.itemNotice': 'De facilitator heeft dit item vergrendeld: je kunt het niet veranderen.',
  'lock.itemLabel': 'Vergrendeld',
};

/** A share string in `language`, with `{name}` placeholders filled in from `values`. */
export function ts(language: Language, key: ShareKey, values: Record<string, string | number> = {}): string {
  const text = (language === 'nl' ? nl : en)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
