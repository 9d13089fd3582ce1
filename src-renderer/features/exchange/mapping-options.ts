import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import {
  addressImportFields,
  scalarImportFields,
  type ColumnMapping,
  type ImportTarget,
} from '../../../src-shared/domain/exchange';
import { emailTypes, phoneTypes } from '../../../src-shared/domain/contact';

// The mapping step's select: every import target as one option value and back.
//   ignore | s:<field> | a:<field>:<group> | p:<type>[:<type column>] | e:<type>[:<type column>]
//   | c:<custom field id> | new-custom

export const newCustomValue = 'new-custom';

export interface TargetOption {
  value: string;
  label: string;
}

export interface TargetGroup {
  label: string;
  options: TargetOption[];
}

const scalarLabels: Record<(typeof scalarImportFields)[number], string> = {
  id: 'Fieldbook id',
  name: 'Full name',
  namePrefix: 'Name prefix',
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  nameSuffix: 'Name suffix',
  kind: 'Person or company',
  company: 'Company',
  jobTitle: 'Job title',
  contactType: 'Contact type',
  status: 'Status',
  owner: 'Owner',
  source: 'Source',
  tags: 'Tags',
  summary: 'Summary',
  doNotContact: 'Do not contact',
  potentialValue: 'Potential value',
  currency: 'Currency',
  createdAt: 'Created',
  updatedAt: 'Updated',
  phones: 'Phones (Fieldbook list)',
  emails: 'E-mails (Fieldbook list)',
};

const addressLabels: Record<(typeof addressImportFields)[number], string> = {
  street: 'Street',
  city: 'City',
  region: 'Region',
  postcode: 'Postcode',
  country: 'Country',
};

const ordinal = (group: number) => (group === 0 ? '' : ` (address ${group + 1})`);

export function targetValue(target: ImportTarget): string {
  switch (target.field) {
    case 'ignore':
      return 'ignore';
    case 'phone':
    case 'email':
      // A type read per row from another column is an option of its own (Google's "Phone 1 - Label").
      return `${target.field === 'phone' ? 'p' : 'e'}:${target.type}${target.typeColumn === null ? '' : `:${target.typeColumn}`}`;
    case 'custom':
      return `c:${target.customFieldId}`;
    case 'street':
    case 'city':
    case 'region':
    case 'postcode':
    case 'country':
      return `a:${target.field}:${target.group}`;
    default:
      return `s:${target.field}`;
  }
}

/**
 * The target an option stands for; a new custom field is made from the column's header.
 */
export function targetFromValue(value: string, header: string, customFields: CustomFieldDef[]): ImportTarget {
  const [kind = '', field = '', third] = value.split(':');
  const group = Number(third ?? '0');
  const typeColumn = third === undefined ? null : Number(third);
  if (kind === 's') return { field: field as (typeof scalarImportFields)[number] };
  if (kind === 'a') return { field: field as (typeof addressImportFields)[number], group };
  if (kind === 'p') return { field: 'phone', type: field as (typeof phoneTypes)[number], typeColumn };
  if (kind === 'e') return { field: 'email', type: field as (typeof emailTypes)[number], typeColumn };
  if (kind === 'c') return { field: 'custom', customFieldId: field };
  if (value === newCustomValue) {
    const label = header.trim().slice(0, 60) || 'Imported field';
    return { field: 'custom', customFieldId: uniqueFieldId(label, customFields), create: { label, kind: 'text' } };
  }
  return { field: 'ignore' };
}

function uniqueFieldId(label: string, customFields: CustomFieldDef[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 56) || 'field';
  const taken = new Set(customFields.map((def) => def.id));
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}_${n}`;
  return id;
}

/** The options of one column's select; the column's current target is always among them. */
export function targetGroups(current: ImportTarget, customFields: CustomFieldDef[], headers: string[]): TargetGroup[] {
  const groups: TargetGroup[] = [
    { label: 'Name and work', options: scalarImportFields.slice(0, 10).map((field) => ({ value: `s:${field}`, label: scalarLabels[field] })) },
    {
      label: 'Phones and e-mails',
      options: [
        ...phoneTypes.map((type) => ({ value: `p:${type}`, label: `Phone (${type})` })),
        ...emailTypes.map((type) => ({ value: `e:${type}`, label: `E-mail (${type})` })),
        { value: 's:phones', label: scalarLabels.phones },
        { value: 's:emails', label: scalarLabels.emails },
      ],
    },
    {
      label: 'Address',
      options: [0, 1].flatMap((group) =>
        addressImportFields.map((field) => ({ value: `a:${field}:${group}`, label: `${addressLabels[field]}${ordinal(group)}` })),
      ),
    },
    {
      label: 'Sales and history',
      options: scalarImportFields
        .slice(10)
        .filter((field) => field !== 'phones' && field !== 'emails')
        .map((field) => ({ value: `s:${field}`, label: scalarLabels[field] })),
    },
    {
      label: 'Custom fields',
      options: [
        ...customFields.map((def) => ({ value: `c:${def.id}`, label: def.label })),
        { value: newCustomValue, label: 'New custom field…' },
      ],
    },
  ];
  const value = targetValue(current);
  const known = groups.some((group) => group.options.some((option) => option.value === value));
  if (!known) {
    // A third address, or a custom field the import will create: offer it as it is.
    let label = value;
    if (current.field === 'custom') label = `${current.create?.label ?? current.customFieldId} (new custom field)`;
    else if ('group' in current) label = `${addressLabels[current.field]}${ordinal(current.group)}`;
    else if ((current.field === 'phone' || current.field === 'email') && current.typeColumn !== null) {
      const typeHeader = headers[current.typeColumn] ?? `column ${current.typeColumn + 1}`;
      label = `${current.field === 'phone' ? 'Phone' : 'E-mail'} (type from “${typeHeader}”)`;
    }
    groups.unshift({ label: 'Current', options: [{ value, label }] });
  }
  return groups;
}

export function replaceTarget(mapping: ColumnMapping[], column: number, target: ImportTarget): ColumnMapping[] {
  const others = mapping.filter((entry) => entry.column !== column);
  return [...others, { column, target }].sort((a, b) => a.column - b.column);
}

export function targetOf(mapping: ColumnMapping[], column: number): ImportTarget {
  return mapping.find((entry) => entry.column === column)?.target ?? { field: 'ignore' };
}
