import { noteKinds, type NoteKind } from '../../../src-shared/domain/note';
import { toOptions } from '../../ui/Select';
import { SelectField } from '../../ui/SelectField';
import { noteKindLabels } from './hooks';

/** The kind of a note, written or edited. */
export function NoteKindSelect({ value, onChange }: { value: NoteKind; onChange: (kind: NoteKind) => void }) {
  return <SelectField label="Note type" hideLabel size="sm" options={toOptions(noteKinds, noteKindLabels)} value={value} onChange={onChange} />;
}
