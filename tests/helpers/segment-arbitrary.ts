import fc from 'fast-check';
import {
  fieldSpec,
  operatorsByType,
  segmentFieldNames,
  type SegmentCriterion,
  type SegmentField,
  type SegmentGroup,
  type SegmentNode,
  type SegmentOperator,
} from '../../src-shared/domain/segment';

/**
 * The values criteria are drawn from. The compiler's property test draws contacts from the same
 * small pools, so criteria and contacts meet often enough for both outcomes to happen.
 */
export interface ValuePools {
  text: fc.Arbitrary<string>;
  number: fc.Arbitrary<number>;
  date: fc.Arbitrary<number>;
  days: fc.Arbitrary<number>;
  tag: fc.Arbitrary<string>;
  owner: fc.Arbitrary<string>;
  dealStage: fc.Arbitrary<string>;
  customKey: fc.Arbitrary<string>;
}

export const defaultPools: ValuePools = {
  text: fc.string({ minLength: 1, maxLength: 20 }).filter((text) => text.trim() === text && text.length > 0),
  number: fc.integer({ min: -1_000_000, max: 1_000_000 }),
  date: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  days: fc.integer({ min: 1, max: 3650 }),
  tag: fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/),
  owner: fc.constantFrom('Ann', 'Ben', 'Cleo'),
  dealStage: fc.constantFrom('stage-a', 'stage-b'),
  customKey: fc.constantFrom('floors', 'region'),
};

function valueFor(field: SegmentField, op: SegmentOperator, pools: ValuePools): fc.Arbitrary<SegmentCriterion['value']> {
  const spec = fieldSpec(field);
  const single: fc.Arbitrary<string> = spec.options
    ? fc.constantFrom(...spec.options)
    : field === 'tags'
      ? pools.tag
      : field === 'owner'
        ? pools.owner
        : field === 'dealStage'
          ? pools.dealStage
          : pools.text;
  switch (op) {
    case 'in':
    case 'not_in':
      return fc.uniqueArray(single, { minLength: 1, maxLength: 3 });
    case 'between': {
      const bound = spec.type === 'date' ? pools.date : pools.number;
      return fc.tuple(bound, bound).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);
    }
    case 'in_last_days':
      return pools.days;
    case 'before':
    case 'after':
      return pools.date;
    case 'is':
      return fc.boolean();
    default:
      return spec.type === 'number' || spec.type === 'money' ? pools.number : single;
  }
}

export function criterionArbitrary(pools: ValuePools = defaultPools, fields: readonly SegmentField[] = segmentFieldNames): fc.Arbitrary<SegmentCriterion> {
  return fc
    .constantFrom(...fields)
    .chain((field) => fc.tuple(fc.constant(field), fc.constantFrom(...operatorsByType[fieldSpec(field).type])))
    .chain(([field, op]) => {
      const spec = fieldSpec(field);
      return fc.record({
        value: valueFor(field, op, pools),
        key: spec.needsKey ? pools.customKey : fc.constant(undefined),
        days: spec.needsDays ? pools.days : fc.constant(undefined),
      }).map(({ value, key, days }) => {
        const criterion: SegmentCriterion = { type: 'criterion', field, op, value };
        if (key !== undefined) criterion.key = key;
        if (days !== undefined) criterion.days = days;
        return criterion;
      });
    });
}

/** A valid definition: groups nested up to three deep, a few criteria each. */
export function definitionArbitrary(pools: ValuePools = defaultPools, fields?: readonly SegmentField[]): fc.Arbitrary<SegmentGroup> {
  const { group } = fc.letrec<{ group: SegmentGroup; node: SegmentNode }>((tie) => ({
    group: fc.record({
      type: fc.constant('group' as const),
      join: fc.constantFrom('and' as const, 'or' as const),
      children: fc.array(tie('node'), { maxLength: 3 }),
    }),
    node: fc.oneof({ depthSize: 'small', maxDepth: 3 }, criterionArbitrary(pools, fields), tie('group')),
  }));
  return group;
}
