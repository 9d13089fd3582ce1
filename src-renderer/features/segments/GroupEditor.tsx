import type { SegmentGroup, SegmentNode } from '../../../src-shared/domain/segment';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/class-names';
import { IconButton } from '../../ui/IconButton';
import { Segmented } from '../../ui/Segmented';
import { CriterionRow, type BuilderContext } from './CriterionRow';
import { newCriterion, positionLabel, type Position } from './definition-model';

interface GroupEditorProps {
  group: SegmentGroup;
  position: Position;
  context: BuilderContext;
  /** Replace the node at a position, or remove it with null. */
  onChange: (position: Position, node: SegmentNode | null) => void;
}

const joinLabels = { and: 'All of these', or: 'Any of these' };

/** A group of criteria and groups, joined by AND ("All of these") or OR ("Any of these"). */
export function GroupEditor({ group, position, context, onChange }: GroupEditorProps) {
  const root = position.length === 0;
  const name = root ? 'the segment' : `group ${positionLabel(position)}`;
  const add = (node: SegmentNode) => onChange(position, { ...group, children: [...group.children, node] });
  return (
    <div className={cx('segment-group', !root && 'segment-group--nested')} role="group" aria-label={root ? 'Criteria' : `Group ${positionLabel(position)}`}>
      <div className="segment-group__head">
        <span className="segment-group__lead">{root ? 'Contacts matching' : 'Matching'}</span>
        <Segmented label={`How ${name} joins its criteria`} options={['and', 'or'] as const} labels={joinLabels} value={group.join} onChange={(join) => onChange(position, { ...group, join })} />
        {root ? null : <IconButton icon="trash" size="sm" label={`Remove group ${positionLabel(position)}`} onClick={() => onChange(position, null)} />}
      </div>
      {group.children.length === 0 ? <p className="segment-group__empty">No criteria yet: every contact matches.</p> : null}
      <ol className="segment-group__children">
        {group.children.map((child, index) => {
          const at = [...position, index];
          return child.type === 'group' ? (
            <li key={index}>
              <GroupEditor group={child} position={at} context={context} onChange={onChange} />
            </li>
          ) : (
            <CriterionRow key={index} criterion={child} place={positionLabel(at)} context={context} onChange={(next) => onChange(at, next)} onRemove={() => onChange(at, null)} />
          );
        })}
      </ol>
      <div className="segment-group__actions">
        <Button size="sm" variant="ghost" icon="plus" onClick={() => add(newCriterion())} aria-label={`Add criterion to ${name}`}>
          Add criterion
        </Button>
        {position.length < 4 ? (
          <Button size="sm" variant="ghost" icon="layers" onClick={() => add({ type: 'group', join: group.join === 'and' ? 'or' : 'and', children: [newCriterion()] })} aria-label={`Add group to ${name}`}>
            Add group
          </Button>
        ) : null}
      </div>
    </div>
  );
}
