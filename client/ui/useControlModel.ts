/** The control document as a validated read model that re-renders on every change. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getControl, readControl, type ControlReadModel } from '../../shared/control/readControl';

/** The facilitation state of the open board (lock, item locks, follow-me, …). */
export function useControlModel(controlDoc: Y.Doc): ControlReadModel {
  const [model, setModel] = useState(() => readControl(controlDoc));
  useEffect(() => {
    const control = getControl(controlDoc);
    const onChange = () => setModel(readControl(controlDoc));
    onChange();
    control.observeDeep(onChange);
    return () => control.unobserveDeep(onChange);
  }, [controlDoc]);
  return model;
}
