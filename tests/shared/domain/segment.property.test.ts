import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentDefinitionSchema, SegmentDraftSchema, type SegmentDefinition } from '../../../src-shared/domain/segment';
import { definitionArbitrary } from '../../helpers/segment-arbitrary';

function problem(definition: unknown): string {
  const result = SegmentDefinitionSchema.safeParse(definition);
  if (result.success) throw new Error('expected the definition to be refused');
  return result.error.issues.map((issue) => issue.message).join(' | ');
}

const group = (join: 'and' | 'or', ...children: unknown[]) => ({ type: 'group', join, children });

describe('segment definitions', () => {
  it('survive a round trip through JSON and the schema unchanged', () => {
    fc.assert(
      fc.property(definitionArbitrary(), (definition) => {
        const parsed = SegmentDefinitionSchema.parse(JSON.parse(JSON.stringify(definition)));
        expect(parsed).toEqual(definition);
        expect(SegmentDefinitionSchema.parse(parsed)).toEqual(parsed);
      }),
      { numRuns: 300 },
    );
  });

  it('accept the office’s example: Bristol landlords or customers, quiet for 90 days, with an open quote', () => {
    const definition: SegmentDefinition = {
      type: 'group',
      join: 'and',
      children: [
        { type: 'criterion', field: 'city', op: 'equals', value: 'Bristol' },
        group('or', { type: 'criterion', field: 'tags', op: 'equals', value: 'landlord' }, { type: 'criterion', field: 'lifecycle', op: 'equals', value: 'customer' }) as SegmentDefinition,
        { type: 'criterion', field: 'lastContactDays', op: 'gte', value: 90 },
        { type: 'criterion', field: 'hasOpenQuote', op: 'is', value: true },
      ],
    };
    expect(SegmentDefinitionSchema.parse(definition)).toEqual(definition);
  });

  it('names the criterion and the reason when an operator does not fit its field', () => {
    const message = problem(group('and', { type: 'criterion', field: 'name', op: 'equals', value: 'x' }, group('or', { type: 'criterion', field: 'city', op: 'between', value: [1, 2] })));
    expect(message).toBe('In criterion 2.1 (City): "is between" does not apply to text fields');
  });

  it('names the criterion when its value is wrong for the operator', () => {
    expect(problem(group('and', { type: 'criterion', field: 'dealCount', op: 'between', value: [5, 2] }))).toBe(
      'In criterion 1 (Number of deals): The first value must not be above the second',
    );
    expect(problem(group('and', { type: 'criterion', field: 'tags', op: 'in', value: [] }))).toBe('In criterion 1 (Tags): Choose at least one value');
    expect(problem(group('and', { type: 'criterion', field: 'lifecycle', op: 'equals', value: 'landlord' }))).toBe(
      'In criterion 1 (Lifecycle stage): "landlord" is not one of lead, qualified, customer, former_customer',
    );
    expect(problem(group('and', { type: 'criterion', field: 'createdAt', op: 'in_last_days', value: 0 }))).toBe('In criterion 1 (Added): At least 1 day');
  });

  it('asks for what a field needs besides its value', () => {
    expect(problem(group('and', { type: 'criterion', field: 'customText', op: 'equals', value: 'x' }))).toBe('In criterion 1 (Custom field (text)): choose the custom field');
    expect(problem(group('and', { type: 'criterion', field: 'callsInLastDays', op: 'gte', value: 2 }))).toBe(
      'In criterion 1 (Calls in the last … days): enter the number of days',
    );
  });

  it('refuses trees deeper than five groups, and unknown fields', () => {
    let deep: unknown = { type: 'criterion', field: 'name', op: 'contains', value: 'a' };
    for (let level = 0; level < 6; level += 1) deep = group('and', deep);
    expect(problem(deep)).toContain('Groups nest at most 5 deep');
    expect(SegmentDefinitionSchema.safeParse(group('and', { type: 'criterion', field: 'shoeSize', op: 'equals', value: '9' })).success).toBe(false);
  });

  it('a draft needs a name', () => {
    const result = SegmentDraftSchema.safeParse({ name: '  ', definition: group('and') });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Give the segment a name');
  });
});
