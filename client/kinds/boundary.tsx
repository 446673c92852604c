/** The boundary marker's client parts: its type, dimension and note, and its dashed-line icon. */
import { BOUNDARY_DIMENSIONS, BOUNDARY_TYPES, type Boundary } from '../../shared/kinds/boundary';
import { d, t } from '../ui/strings';
import type { ClientKind, KindFieldsProps } from './clientKind';
import { SelectField, TextField } from './fields';

function BoundaryFields({ item, editor, snapshot, set }: KindFieldsProps<Boundary>) {
  const { language, readOnly } = snapshot;
  return (
    <>
      <SelectField
        name={t(language, 'inspector.boundaryType')}
        value={item.boundaryType}
        options={BOUNDARY_TYPES}
        prefix="boundaryType"
        language={language}
        readOnly={readOnly}
        onChange={(boundaryType) => set({ boundaryType })}
      />
      <p className="hint">{d(language, `boundaryType.${item.boundaryType}.hint`)}</p>
      <SelectField
        name={t(language, 'inspector.dimension')}
        value={item.dimension}
        options={BOUNDARY_DIMENSIONS}
        prefix="dimension"
        language={language}
        readOnly={readOnly}
        onChange={(dimension) => set({ dimension })}
      />
      <TextField editor={editor} item={item} snapshot={snapshot} />
    </>
  );
}

/** The boundary marker in the client. */
export const boundaryClient: ClientKind<'boundary'> = {
  kind: 'boundary',
  Fields: BoundaryFields,
  icon: <path d="M3 19L21 5" stroke="#c0392b" strokeWidth="3" strokeDasharray="4 3" strokeLinecap="round" />,
  shortcut: 'b',
  toolbarOrder: 3,
};
