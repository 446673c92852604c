/** The board's facilitation module for as long as the board is open, and its live snapshot. */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createFacilitation, type Facilitation, type FacilitationSnapshot } from '../editor/facilitation';
import { deviceUserId, type BoardConnection } from '../sync/connection';

/** The facilitation module over the connection's control document, running while mounted. */
export function useFacilitation(boardId: string, token: string, connection: BoardConnection): Facilitation {
  const facilitation = useMemo(
    () => createFacilitation({ boardId, token, userId: deviceUserId(), controlDoc: connection.controlDoc }),
    [boardId, token, connection],
  );
  useEffect(() => {
    const stop = facilitation.start();
    // A device waking from sleep may have a jumped clock: measure again when the page shows.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void facilitation.syncClock();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      stop();
    };
  }, [facilitation]);
  return facilitation;
}

/** The facilitation snapshot; re-renders when it changes. */
export function useFacilitationSnapshot(facilitation: Facilitation): FacilitationSnapshot {
  return useSyncExternalStore(facilitation.subscribe, facilitation.getSnapshot);
}

/** Re-renders every `ms` while `active`, for clocks that count down. */
export function useTick(active: boolean, ms = 250): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(id);
  }, [active, ms]);
}
