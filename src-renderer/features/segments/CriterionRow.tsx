import { fieldSpec, operatorsByType, segmentOperatorLabels, type SegmentCriterion, type SegmentField, type SegmentOperator } from '../../../src-shared/domain/segment';
import { IconButton } from '../../ui/IconButton';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { withField, withOperator } from './definition-model';
import { fieldChoice, fieldOptionGroups } from './field-options';
import { ValueInput } from './ValueInput';

export interface BuilderContext {
  customFields: readonly { id: string; label: string; kind: string }[];
  dealStages: readonly { value: string; label: string }[];
}

interface CriterionRowProps {
  criterion: SegmentCriterion;
  /** "1.2" */
  place: string;
  context: BuilderContext;
  onChange: (criterion: SegmentCriterion) => void;
  onRemove: () => void;
}

/** One criterion: field, operator and value, each a labelled control ("Field of criterion 1.2"). */
export function CriterionRow({ criterion, place, context, onChange, onRemove }: CriterionRowProps) {
  const where = `criterion ${place}`;
  const type = fieldSpec(criterion.field).type;
  const chooseField = (choice: string) => {
    if (choice.startsWith('custom:')) {
      const id = choice.slice('custom:'.length);
      const kind = context.customFields.find((def) => def.id === id)?.kind;
      onChange(withField(criterion, kind === 'number' ? 'customNumber' : 'customText', id));
    } else onChange(withField(criterion, choice as SegmentField));
  };
  return (
    <li className="segment-criterion">
      <SelectField
        label={`Field of ${where}`}
        hideLabel
        width="narrow"
        options={[]}
        groups={fieldOptionGroups(context.customFields)}
        value={fieldChoice(criterion.field, criterion.key)}
        onChange={chooseField}
      />
      {criterion.field === 'callsInLastDays' ? (
        <TextField
          label={`Days of ${where}`}
          hideLabel
          width="short"
          inputMode="numeric"
          suffix="days"
          value={String(criterion.days ?? '')}
          onChange={(text) => {
            const days = Number.parseInt(text, 10);
            if (Number.isFinite(days)) onChange({ ...criterion, days });
          }}
        />
      ) : null}
      <SelectField
        label={`Operator of ${where}`}
        hideLabel
        width="narrow"
        options={operatorsByType[type].map((op) => ({ value: op, label: segmentOperatorLabels[op] }))}
        value={criterion.op}
        onChange={(op: SegmentOperator) => onChange(withOperator(criterion, op))}
      />
      <div className="segment-criterion__value">
        <ValueInput
          criterion={criterion}
          where={where}
          choices={criterion.field === 'dealStage' ? context.dealStages : undefined}
          onChange={(value) => onChange({ ...criterion, value })}
        />
      </div>
      <IconButton icon="close" size="sm" label={`Remove ${where}`} onClick={onRemove} />
    </li>
  );
}
