import type { Call } from '../../../src-shared/domain/call';
import { api } from '../../api';
import { useUi } from '../../store';
import { Field } from '../../ui/Field';
import { TagInput } from '../../ui/TagInput';
import { useCallTagsInUse } from './hooks';

const none: readonly string[] = [];

/**
 * The call's tags in the drawer, as the contact form's tag box. Each tag added or removed is its
 * own change (calls.addTag / calls.removeTag), never the whole list, so a tag a colleague put on
 * the same call meanwhile is not taken off by this one's edit.
 */
export function CallTagsField({ call }: { call: Pick<Call, 'id' | 'tags'> }) {
  const showError = useUi((state) => state.showError);
  const inUse = useCallTagsInUse();
  const onChange = (tags: string[]) => {
    const lower = (list: readonly string[]) => new Set(list.map((tag) => tag.toLocaleLowerCase()));
    const before = lower(call.tags);
    const after = lower(tags);
    for (const tag of tags) if (!before.has(tag.toLocaleLowerCase())) void api.invoke('calls.addTag', { id: call.id, tag }).catch(showError);
    for (const tag of call.tags) if (!after.has(tag.toLocaleLowerCase())) void api.invoke('calls.removeTag', { id: call.id, tag }).catch(showError);
  };
  return (
    <Field label="Tags" hint="Enter or a comma adds a tag">
      {(control) => <TagInput {...control} value={call.tags} suggestions={inUse.latest ?? none} onChange={onChange} />}
    </Field>
  );
}
