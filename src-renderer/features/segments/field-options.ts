import { jobStatusLabels, type JobStatus } from '../../../src-shared/domain/job';
import { lifecycleStageLabels, type LifecycleStage } from '../../../src-shared/domain/lifecycle';
import { segmentFieldNames, segmentFields, type SegmentField } from '../../../src-shared/domain/segment';
import type { SelectOptionGroup } from '../../ui/Select';
import { statusLabels } from '../../ui/format';

/** How an enum field's stored value reads on screen. */
export function optionLabel(field: SegmentField, value: string): string {
  if (field === 'lifecycle') return lifecycleStageLabels[value as LifecycleStage] ?? value;
  if (field === 'jobStatus') return jobStatusLabels[value as JobStatus] ?? value;
  if (field === 'status') return statusLabels[value as keyof typeof statusLabels] ?? value;
  return value;
}

/**
 * The field picker's options, grouped as the office thinks of them. A custom field is one option
 * per field defined in Settings ("custom:<id>"), of the text or number kind its definition says.
 */
export function fieldOptionGroups(customFields: readonly { id: string; label: string; kind: string }[]): SelectOptionGroup[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const field of segmentFieldNames) {
    const spec = segmentFields[field];
    if ('needsKey' in spec) continue;
    const list = groups.get(spec.group) ?? [];
    list.push({ value: field, label: spec.label });
    groups.set(spec.group, list);
  }
  const custom = customFields.map((def) => ({ value: `custom:${def.id}`, label: def.label }));
  return [...[...groups].map(([label, options]) => ({ label, options })), ...(custom.length > 0 ? [{ label: 'Custom fields', options: custom }] : [])];
}

/** The picker's value for a criterion: its field, or "custom:<id>" for a custom field. */
export function fieldChoice(field: SegmentField, key: string | undefined): string {
  return key !== undefined ? `custom:${key}` : field;
}
