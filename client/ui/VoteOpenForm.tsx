/** The facilitator's form to open a dot vote: dots per person and the kind of card voted on. */
import { useState } from 'react';
import { ITEM_KINDS, type ItemKind } from '../../shared/itemKinds';
import { kindTraits } from '../../shared/kinds/registry';
import type { Language } from '../../shared/ydoc';
import { d, t } from './strings';

/** Every kind but background areas, small wins first: they are what groups vote on most. */
const KINDS: readonly ItemKind[] = [
  'smallWin',
  ...ITEM_KINDS.filter((kind) => kind !== 'smallWin' && !kindTraits(kind).isBackground),
];

/** Opens a vote with a budget and a kind (small wins by default). */
export function VoteOpenForm({
  language,
  onOpen,
}: {
  language: Language;
  onOpen(budget: number, kind: ItemKind): void;
}) {
  const [budget, setBudget] = useState('3');
  const [kind, setKind] = useState<ItemKind>('smallWin');
  return (
    <form
      className="vote-open"
      onSubmit={(event) => {
        event.preventDefault();
        onOpen(Number(budget), kind);
      }}
    >
      <label>
        {t(language, 'vote.budget')}
        <input
          type="number"
          min="1"
          max="100"
          required
          value={budget}
          onChange={(event) => setBudget(event.target.value)}
        />
      </label>
      <label>
        {t(language, 'vote.kind')}
        <select value={kind} onChange={(event) => setKind(event.target.value as ItemKind)}>
          {KINDS.map((option) => (
            <option key={option} value={option}>
              {d(language, `kind.${option}` as never)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t(language, 'vote.open')}</button>
    </form>
  );
}
