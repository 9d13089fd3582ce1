import { z } from 'zod';
import { contactStatuses } from './contact';
import { jobStatuses } from './job';
import { lifecycleStages } from './lifecycle';

// A segment: "every landlord in Bristol we haven't spoken to in 90 days with an open quote", as a
// tree of AND/OR groups of criteria. The core compiles it to one parameterised SQL query
// (src-main/segments/compile.ts); its in-memory twin (src-main/segments/evaluate.ts) is what the
// property test holds the SQL to. When adding a field: segmentFields here, the compiler, the
// evaluator, and the builder's value input if its type is new (src-renderer/features/segments/).

export const segmentFieldTypes = ['text', 'number', 'money', 'date', 'enum', 'tags', 'owner', 'boolean'] as const;
export type SegmentFieldType = (typeof segmentFieldTypes)[number];

export const segmentOperators = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'contains',
  'ends_with',
  'gte',
  'lte',
  'between',
  'before',
  'after',
  'in_last_days',
  'is',
] as const;
export type SegmentOperator = (typeof segmentOperators)[number];

export const segmentOperatorLabels: Record<SegmentOperator, string> = {
  equals: 'is',
  not_equals: 'is not',
  in: 'is any of',
  not_in: 'is none of',
  contains: 'contains',
  ends_with: 'ends with',
  gte: 'is at least',
  lte: 'is at most',
  between: 'is between',
  before: 'is before',
  after: 'is after',
  in_last_days: 'is in the last … days',
  is: 'is',
};

/** Which operators each type of field takes. */
export const operatorsByType: Record<SegmentFieldType, readonly SegmentOperator[]> = {
  text: ['equals', 'not_equals', 'in', 'not_in', 'contains', 'ends_with'],
  number: ['equals', 'not_equals', 'gte', 'lte', 'between'],
  money: ['gte', 'lte', 'between', 'equals', 'not_equals'],
  date: ['before', 'after', 'between', 'in_last_days'],
  enum: ['equals', 'not_equals', 'in', 'not_in'],
  tags: ['equals', 'not_equals', 'in', 'not_in'],
  owner: ['equals', 'not_equals', 'in', 'not_in'],
  boolean: ['is'],
};

interface FieldSpec {
  label: string;
  type: SegmentFieldType;
  /** For enum fields: the values it can take. */
  options?: readonly string[];
  /** The field needs a custom field's id in `key`. */
  needsKey?: boolean;
  /** The field counts over a window of the last `days` days. */
  needsDays?: boolean;
  /** Grouping in the builder's field picker. */
  group: 'Contact' | 'Sales' | 'Activity' | 'Work' | 'Custom fields';
}

export const segmentFields = {
  name: { label: 'Name', type: 'text', group: 'Contact' },
  company: { label: 'Company', type: 'text', group: 'Contact' },
  jobTitle: { label: 'Job title', type: 'text', group: 'Contact' },
  email: { label: 'E-mail address', type: 'text', group: 'Contact' },
  city: { label: 'City', type: 'text', group: 'Contact' },
  region: { label: 'Region', type: 'text', group: 'Contact' },
  postcode: { label: 'Postcode', type: 'text', group: 'Contact' },
  country: { label: 'Country', type: 'text', group: 'Contact' },
  contactType: { label: 'Contact type', type: 'text', group: 'Contact' },
  source: { label: 'Source', type: 'text', group: 'Contact' },
  status: { label: 'Status', type: 'enum', options: contactStatuses, group: 'Contact' },
  tags: { label: 'Tags', type: 'tags', group: 'Contact' },
  owner: { label: 'Owner', type: 'owner', group: 'Contact' },
  doNotContact: { label: 'Do not contact', type: 'boolean', group: 'Contact' },
  createdAt: { label: 'Added', type: 'date', group: 'Contact' },
  lifecycle: { label: 'Lifecycle stage', type: 'enum', options: lifecycleStages, group: 'Sales' },
  potentialValue: { label: 'Potential value', type: 'money', group: 'Sales' },
  score: { label: 'Score', type: 'number', group: 'Sales' },
  grade: { label: 'Grade', type: 'enum', options: ['A', 'B', 'C', 'D'], group: 'Sales' },
  dealStage: { label: 'Has a deal in stage', type: 'enum', group: 'Sales' },
  dealCount: { label: 'Number of deals', type: 'number', group: 'Sales' },
  openDealValue: { label: 'Value of open deals', type: 'money', group: 'Sales' },
  hasOpenQuote: { label: 'Has an open quote', type: 'boolean', group: 'Sales' },
  hasExpiredQuote: { label: 'Has an expired quote', type: 'boolean', group: 'Sales' },
  lastContactDays: { label: 'Days since last call, e-mail or note', type: 'number', group: 'Activity' },
  callsInLastDays: { label: 'Calls in the last … days', type: 'number', needsDays: true, group: 'Activity' },
  jobStatus: { label: 'Has a job with status', type: 'enum', options: jobStatuses, group: 'Work' },
  jobCount: { label: 'Number of jobs', type: 'number', group: 'Work' },
  customText: { label: 'Custom field (text)', type: 'text', needsKey: true, group: 'Custom fields' },
  customNumber: { label: 'Custom field (number)', type: 'number', needsKey: true, group: 'Custom fields' },
} as const satisfies Record<string, FieldSpec>;

export type SegmentField = keyof typeof segmentFields;
export const segmentFieldNames = Object.keys(segmentFields) as SegmentField[];

export function fieldSpec(field: SegmentField): FieldSpec {
  return segmentFields[field];
}

const textValue = z.string().trim().min(1, 'Enter a value').max(200, 'A value is at most 200 characters');
const textList = z.array(textValue).min(1, 'Choose at least one value').max(50, 'At most 50 values');
const numberValue = z.number().finite().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const dateValue = z.number().int().min(0).max(8.64e15);
const range = (value: z.ZodNumber) =>
  z.tuple([value, value]).refine(([low, high]) => low <= high, 'The first value must not be above the second');

/** What value an operator takes on a field of a type. */
export function valueSchema(type: SegmentFieldType, op: SegmentOperator): z.ZodType {
  switch (op) {
    case 'in':
    case 'not_in':
      return textList;
    case 'between':
      return type === 'date' ? range(dateValue) : range(numberValue);
    case 'in_last_days':
      return z.number().int().min(1, 'At least 1 day').max(36_500, 'At most 100 years');
    case 'before':
    case 'after':
      return dateValue;
    case 'is':
      return z.boolean();
    default:
      return type === 'number' || type === 'money' ? numberValue : textValue;
  }
}

export const SegmentCriterionSchema = z.object({
  type: z.literal('criterion'),
  field: z.enum(segmentFieldNames as [SegmentField, ...SegmentField[]]),
  op: z.enum(segmentOperators),
  // Bounded loosely here; valueSchema (checked per criterion below) says exactly what fits.
  value: z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(2000)).max(500), z.tuple([z.number(), z.number()])]),
  /** The custom field's id, for customText and customNumber. */
  key: z.string().regex(/^[a-z0-9_]{1,64}$/, 'Not a custom field id').optional(),
  /** The window in days, for callsInLastDays. */
  days: z.number().int().min(1).max(36_500).optional(),
});
export type SegmentCriterion = z.infer<typeof SegmentCriterionSchema>;

export interface SegmentGroup {
  type: 'group';
  join: 'and' | 'or';
  children: (SegmentGroup | SegmentCriterion)[];
}
export type SegmentNode = SegmentGroup | SegmentCriterion;

export const maxSegmentDepth = 5;
export const maxSegmentCriteria = 40;

export const SegmentGroupSchema: z.ZodType<SegmentGroup> = z.lazy(() =>
  z.object({
    type: z.literal('group'),
    join: z.enum(['and', 'or']),
    children: z.array(z.union([SegmentGroupSchema, SegmentCriterionSchema])).max(maxSegmentCriteria),
  }),
);

/** "criterion 2.1 (City)": where a criterion sits in the tree, counted from 1, and its field's name. */
export function criterionLabel(position: readonly number[], field: SegmentField): string {
  return `criterion ${position.map((index) => index + 1).join('.')} (${segmentFields[field].label})`;
}

/** Every problem of a definition's criteria, each naming the criterion and why. */
function checkTree(root: SegmentGroup, context: z.RefinementCtx): void {
  let criteria = 0;
  const visit = (node: SegmentNode, position: number[], path: (string | number)[], depth: number) => {
    if (node.type === 'group') {
      if (depth > maxSegmentDepth) {
        context.addIssue({ code: 'custom', path, message: `Groups nest at most ${maxSegmentDepth} deep` });
        return;
      }
      node.children.forEach((child, index) => visit(child, [...position, index], [...path, 'children', index], depth + 1));
      return;
    }
    criteria += 1;
    const spec: FieldSpec = segmentFields[node.field];
    const where = criterionLabel(position, node.field);
    const allowed = operatorsByType[spec.type];
    if (!allowed.includes(node.op)) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'op'],
        message: `In ${where}: "${segmentOperatorLabels[node.op]}" does not apply to ${spec.type} fields`,
      });
      return;
    }
    const parsed = valueSchema(spec.type, node.op).safeParse(node.value);
    if (!parsed.success) {
      context.addIssue({ code: 'custom', path: [...path, 'value'], message: `In ${where}: ${parsed.error.issues[0]?.message ?? 'the value is not valid'}` });
      return;
    }
    if (spec.options && (node.op === 'equals' || node.op === 'not_equals' || node.op === 'in' || node.op === 'not_in')) {
      const values = Array.isArray(node.value) ? node.value : [node.value];
      const unknown = values.find((value) => !spec.options!.includes(String(value)));
      if (unknown !== undefined) {
        context.addIssue({ code: 'custom', path: [...path, 'value'], message: `In ${where}: "${String(unknown)}" is not one of ${spec.options.join(', ')}` });
      }
    }
    if (spec.needsKey && !node.key) context.addIssue({ code: 'custom', path: [...path, 'key'], message: `In ${where}: choose the custom field` });
    if (!spec.needsKey && node.key !== undefined) context.addIssue({ code: 'custom', path: [...path, 'key'], message: `In ${where}: this field takes no custom field` });
    if (spec.needsDays && node.days === undefined) context.addIssue({ code: 'custom', path: [...path, 'days'], message: `In ${where}: enter the number of days` });
    if (!spec.needsDays && node.days !== undefined) context.addIssue({ code: 'custom', path: [...path, 'days'], message: `In ${where}: this field takes no window of days` });
  };
  visit(root, [], [], 1);
  if (criteria > maxSegmentCriteria) context.addIssue({ code: 'custom', path: [], message: `A segment has at most ${maxSegmentCriteria} criteria` });
}

/** A whole definition: the root group, every criterion checked against its field's type. */
export const SegmentDefinitionSchema = SegmentGroupSchema.superRefine((root, context) => checkTree(root, context));
export type SegmentDefinition = SegmentGroup;

export const emptySegmentDefinition: SegmentDefinition = { type: 'group', join: 'and', children: [] };

export const segmentKinds = ['dynamic', 'static'] as const;
export type SegmentKind = (typeof segmentKinds)[number];

/** A static segment keeps at most this many members (a frozen list stored on the segment). */
export const maxStaticMembers = 50_000;

export const SegmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(segmentKinds),
  definition: SegmentDefinitionSchema,
  /** For a static segment: how many members were frozen into it; 0 for a dynamic one. */
  memberCount: z.number().int(),
  owner: z.string(),
  /** Shown to the whole team; a personal one only to its owner. */
  shared: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Segment = z.infer<typeof SegmentSchema>;

export const SegmentDraftSchema = z.object({
  /** Absent: a new segment. */
  id: z.string().max(64).optional(),
  name: z.string().trim().min(1, 'Give the segment a name').max(120, 'A name is at most 120 characters'),
  kind: z.enum(segmentKinds).default('dynamic'),
  definition: SegmentDefinitionSchema,
  shared: z.boolean().default(true),
});
export type SegmentDraft = z.input<typeof SegmentDraftSchema>;
