import {
  fieldSpec,
  operatorsByType,
  SegmentDefinitionSchema,
  type SegmentCriterion,
  type SegmentDefinition,
  type SegmentField,
  type SegmentGroup,
  type SegmentNode,
  type SegmentOperator,
} from '../../../src-shared/domain/segment';

// The builder's edits to a definition, each giving a new tree (React state is never mutated).
// A node is addressed by its position: [] is the root, [1, 0] the first child of the second.

export type Position = readonly number[];

export function nodeAt(root: SegmentGroup, position: Position): SegmentNode {
  let node: SegmentNode = root;
  for (const index of position) node = (node as SegmentGroup).children[index]!;
  return node;
}

/** The tree with the node at `position` replaced by what `change` makes of it (or removed, for null). */
export function updateAt(root: SegmentGroup, position: Position, change: (node: SegmentNode) => SegmentNode | null): SegmentGroup {
  if (position.length === 0) return change(root) as SegmentGroup;
  const [first, ...rest] = position;
  const children = root.children.flatMap((child, index) => {
    if (index !== first) return [child];
    if (rest.length === 0) {
      const changed = change(child);
      return changed ? [changed] : [];
    }
    return [updateAt(child as SegmentGroup, rest, change)];
  });
  return { ...root, children };
}

/** A value that fits an operator on a field of that type, to start from. */
export function startingValue(field: SegmentField, op: SegmentOperator): SegmentCriterion['value'] {
  const spec = fieldSpec(field);
  switch (op) {
    case 'in':
    case 'not_in':
      return [];
    case 'between':
      return spec.type === 'date' ? [Date.now() - 30 * 86_400_000, Date.now()] : [0, 0];
    case 'in_last_days':
      return 30;
    case 'before':
    case 'after':
      return Date.now();
    case 'is':
      return true;
    default:
      if (spec.options) return spec.options[0]!;
      return spec.type === 'number' || spec.type === 'money' ? 0 : '';
  }
}

export function newCriterion(field: SegmentField = 'city'): SegmentCriterion {
  const op = operatorsByType[fieldSpec(field).type][0]!;
  const criterion: SegmentCriterion = { type: 'criterion', field, op, value: startingValue(field, op) };
  if (fieldSpec(field).needsDays) criterion.days = 30;
  return criterion;
}

/** The criterion with another field: its operator kept when the new type takes it, its value reset. */
export function withField(criterion: SegmentCriterion, field: SegmentField, customFieldId?: string): SegmentCriterion {
  const ops = operatorsByType[fieldSpec(field).type];
  const op = ops.includes(criterion.op) ? criterion.op : ops[0]!;
  const next: SegmentCriterion = { type: 'criterion', field, op, value: startingValue(field, op) };
  if (fieldSpec(field).needsKey && customFieldId) next.key = customFieldId;
  if (fieldSpec(field).needsDays) next.days = criterion.days ?? 30;
  return next;
}

export function withOperator(criterion: SegmentCriterion, op: SegmentOperator): SegmentCriterion {
  const sameShape = (a: SegmentOperator, b: SegmentOperator) => shapeOf(criterion.field, a) === shapeOf(criterion.field, b);
  return { ...criterion, op, value: sameShape(criterion.op, op) ? criterion.value : startingValue(criterion.field, op) };
}

function shapeOf(field: SegmentField, op: SegmentOperator): string {
  const value = startingValue(field, op);
  return Array.isArray(value) ? `list:${typeof value[0]}` : typeof value;
}

/** The first problem of a definition in the schema's words ("In criterion 2 (City): Enter a value"), or null. */
export function definitionProblem(definition: SegmentDefinition): string | null {
  const result = SegmentDefinitionSchema.safeParse(definition);
  return result.success ? null : (result.error.issues[0]?.message ?? 'This segment is not complete');
}

/** "1.2": a criterion's or group's place, as the labels read it. */
export function positionLabel(position: Position): string {
  return position.map((index) => index + 1).join('.');
}
