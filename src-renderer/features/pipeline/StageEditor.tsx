import { useRef, useState } from 'react';
import { stageOutcomes, type Pipeline, type StageOutcome } from '../../../src-shared/domain/pipeline';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { FormDialog } from '../../ui/FormDialog';
import { IconButton } from '../../ui/IconButton';
import { toOptions } from '../../ui/Select';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { parsePercent, percentInput } from './pipeline-format';

interface StageRow {
  key: string;
  /** Absent for a stage added here and not saved yet. */
  id?: string;
  name: string;
  probability: string;
  expectedDays: string;
  outcome: StageOutcome;
}

type RowErrors = Partial<Record<'name' | 'probability' | 'expectedDays', string>>;

const outcomeLabels: Record<StageOutcome, string> = { open: 'Open', won: 'Won (final)', lost: 'Lost (final)' };

let rowCounter = 0;
const nextKey = () => `stage-row-${++rowCounter}`;

function parseRow(row: StageRow): { errors: RowErrors; probabilityBp: number; expectedDays: number | null } {
  const errors: RowErrors = {};
  if (!row.name.trim()) errors.name = 'Name the stage';
  const probabilityBp = parsePercent(row.probability);
  if (probabilityBp === null) errors.probability = '0 to 100';
  const daysText = row.expectedDays.trim();
  const expectedDays = daysText === '' ? null : /^\d{1,4}$/.test(daysText) ? Number(daysText) : NaN;
  if (Number.isNaN(expectedDays) || (expectedDays !== null && expectedDays > 3650)) errors.expectedDays = 'Whole days';
  return { errors, probabilityBp: probabilityBp ?? 0, expectedDays: Number.isNaN(expectedDays) ? null : expectedDays };
}

/**
 * Rename the pipeline, and rename, reorder, re-weight and add its stages. Deals keep their stage
 * through all of it: a stage is changed in place, never replaced.
 */
export function StageEditor({ pipeline, onClose }: { pipeline: Pipeline; onClose: () => void }) {
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const listRef = useRef<HTMLOListElement>(null);
  const [name, setName] = useState(pipeline.name);
  const [rows, setRows] = useState<StageRow[]>(() =>
    pipeline.stages.map((stage) => ({
      key: nextKey(),
      id: stage.id,
      name: stage.name,
      probability: percentInput(stage.probabilityBp),
      expectedDays: stage.expectedDays === null ? '' : String(stage.expectedDays),
      outcome: stage.outcome,
    })),
  );
  const [errors, setErrors] = useState<Record<string, RowErrors>>({});
  const [nameError, setNameError] = useState<string>();

  const update = (key: string, patch: Partial<StageRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const move = (index: number, step: -1 | 1, control: HTMLButtonElement) => {
    const target = index + step;
    if (target < 0 || target >= rows.length) return;
    const next = [...rows];
    [next[index], next[target]] = [next[target]!, next[index]!];
    setRows(next);
    // Keep the keyboard on the same button of the moved row, so pressing again keeps moving it.
    const direction = control.dataset.move ?? '';
    window.requestAnimationFrame(() => {
      const row = listRef.current?.children[target];
      const same = row?.querySelector<HTMLButtonElement>(`button[data-move="${direction}"]`);
      (same && !same.disabled ? same : row?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)'))?.focus();
    });
  };

  const add = () => {
    setRows((current) => [...current, { key: nextKey(), name: '', probability: '50', expectedDays: '', outcome: 'open' }]);
    window.requestAnimationFrame(() => listRef.current?.lastElementChild?.querySelector<HTMLInputElement>('input')?.focus());
  };

  const save = async () => {
    const parsed = rows.map((row) => ({ row, ...parseRow(row) }));
    const found: Record<string, RowErrors> = {};
    for (const { row, errors: rowErrors } of parsed) if (Object.keys(rowErrors).length > 0) found[row.key] = rowErrors;
    setErrors(found);
    setNameError(name.trim() ? undefined : 'Name the pipeline');
    if (Object.keys(found).length > 0 || !name.trim()) return;
    try {
      if (name.trim() !== pipeline.name) await api.invoke('pipelines.rename', { id: pipeline.id, name: name.trim() });
      const ids: string[] = [];
      for (const { row, probabilityBp, expectedDays } of parsed) {
        const fields = { name: row.name.trim(), probabilityBp, expectedDays, outcome: row.outcome };
        if (!row.id) {
          const updated = await api.invoke('pipelines.addStage', { pipelineId: pipeline.id, stage: fields });
          ids.push(updated.stages.at(-1)!.id);
          continue;
        }
        ids.push(row.id);
        const before = pipeline.stages.find((stage) => stage.id === row.id);
        const changed =
          !before ||
          before.name !== fields.name ||
          before.probabilityBp !== probabilityBp ||
          before.expectedDays !== expectedDays ||
          before.outcome !== fields.outcome;
        if (changed) await api.invoke('pipelines.updateStage', { stageId: row.id, patch: fields });
      }
      // Put each stage in its place, first to last; a stage already in place is left alone.
      let order = (await api.invoke('pipelines.list', {})).find((candidate) => candidate.id === pipeline.id)?.stages.map((stage) => stage.id) ?? [];
      for (const [index, id] of ids.entries()) {
        if (order[index] === id) continue;
        order = (await api.invoke('pipelines.moveStage', { stageId: id, toIndex: index })).stages.map((stage) => stage.id);
      }
      pushToast({ message: `Saved the stages of ${name.trim()}` });
      onClose();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <FormDialog
      title={`Edit ${pipeline.name}`}
      description="Deals stay in their stage when you rename, reorder or re-weight it."
      size="lg"
      submitLabel="Save stages"
      savingLabel="Saving…"
      onSubmit={save}
      onClose={onClose}
    >
      <TextField label="Pipeline name" width="narrow" maxLength={80} value={name} error={nameError} onChange={setName} />
      <div className="stage-editor">
        <div className="stage-editor__head" aria-hidden="true">
          <span>Stage</span>
          <span>Win chance</span>
          <span>Expected days</span>
          <span>Kind</span>
        </div>
        <ol ref={listRef} className="stage-editor__rows" aria-label="Stages, in order">
          {rows.map((row, index) => {
            const rowErrors = errors[row.key] ?? {};
            const label = row.name.trim() || `new stage ${index + 1}`;
            return (
              <li key={row.key} className="stage-editor__row">
                <TextField label={`Stage ${index + 1} name`} hideLabel maxLength={80} value={row.name} error={rowErrors.name} onChange={(text) => update(row.key, { name: text })} />
                <TextField
                  label={`Win chance of ${label} (%)`}
                  hideLabel
                  suffix="%"
                  inputMode="decimal"
                  value={row.probability}
                  error={rowErrors.probability}
                  onChange={(probability) => update(row.key, { probability })}
                />
                <TextField
                  label={`Expected days in ${label}`}
                  hideLabel
                  inputMode="numeric"
                  placeholder="—"
                  value={row.expectedDays}
                  error={rowErrors.expectedDays}
                  onChange={(expectedDays) => update(row.key, { expectedDays })}
                />
                <SelectField label={`Kind of ${label}`} hideLabel options={toOptions(stageOutcomes, outcomeLabels)} value={row.outcome} onChange={(outcome) => update(row.key, { outcome })} />
                <span className="stage-editor__order">
                  <IconButton icon="arrowUp" label={`Move ${label} earlier`} data-move="earlier" disabled={index === 0} onClick={(event) => move(index, -1, event.currentTarget)} />
                  <IconButton
                    icon="arrowDown"
                    label={`Move ${label} later`}
                    data-move="later"
                    disabled={index === rows.length - 1}
                    onClick={(event) => move(index, 1, event.currentTarget)}
                  />
                  {row.id ? null : (
                    <IconButton icon="close" label={`Remove ${label}`} onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))} />
                  )}
                </span>
              </li>
            );
          })}
        </ol>
        <div>
          <Button variant="ghost" size="sm" icon="plus" onClick={add}>
            Add stage
          </Button>
        </div>
      </div>
    </FormDialog>
  );
}
