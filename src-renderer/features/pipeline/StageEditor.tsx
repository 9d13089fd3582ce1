import { useId, useRef, useState, type FormEvent } from 'react';
import { stageOutcomes, type Pipeline, type StageOutcome } from '../../../src-shared/domain/pipeline';
import { api } from '../../api';
import { useUi } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
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
  const formId = useId();
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
  const [saving, setSaving] = useState(false);

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

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = rows.map((row) => ({ row, ...parseRow(row) }));
    const found: Record<string, RowErrors> = {};
    for (const { row, errors: rowErrors } of parsed) if (Object.keys(rowErrors).length > 0) found[row.key] = rowErrors;
    setErrors(found);
    setNameError(name.trim() ? undefined : 'Name the pipeline');
    if (Object.keys(found).length > 0 || !name.trim()) {
      window.requestAnimationFrame(() => document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
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
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={`Edit ${pipeline.name}`}
      description="Deals stay in their stage when you rename, reorder or re-weight it."
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save stages'}
          </button>
        </>
      }
    >
      <form id={formId} className="stage-editor" noValidate onSubmit={(event) => void save(event)}>
        <Field label="Pipeline name" error={nameError}>
          {(control) => <input {...control} className="input input--narrow" maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
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
                <Field label={`Stage ${index + 1} name`} error={rowErrors.name} hideLabel>
                  {(control) => (
                    <input {...control} className="input" maxLength={80} value={row.name} onChange={(event) => update(row.key, { name: event.target.value })} />
                  )}
                </Field>
                <Field label={`Win chance of ${label} (%)`} error={rowErrors.probability} hideLabel>
                  {(control) => (
                    <div className="pl-suffix-input">
                      <input
                        {...control}
                        className="input pl-num"
                        inputMode="decimal"
                        value={row.probability}
                        onChange={(event) => update(row.key, { probability: event.target.value })}
                      />
                      <span className="pl-suffix-input__suffix" aria-hidden="true">
                        %
                      </span>
                    </div>
                  )}
                </Field>
                <Field label={`Expected days in ${label}`} error={rowErrors.expectedDays} hideLabel>
                  {(control) => (
                    <input
                      {...control}
                      className="input pl-num"
                      inputMode="numeric"
                      placeholder="—"
                      value={row.expectedDays}
                      onChange={(event) => update(row.key, { expectedDays: event.target.value })}
                    />
                  )}
                </Field>
                <Field label={`Kind of ${label}`} hideLabel>
                  {(control) => (
                    <select {...control} className="input" value={row.outcome} onChange={(event) => update(row.key, { outcome: event.target.value as StageOutcome })}>
                      {stageOutcomes.map((outcome) => (
                        <option key={outcome} value={outcome}>
                          {outcomeLabels[outcome]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <span className="stage-editor__order">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${label} earlier`}
                    data-move="earlier"
                    disabled={index === 0}
                    onClick={(event) => move(index, -1, event.currentTarget)}
                  >
                    <Icon name="arrowUp" size={16} />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${label} later`}
                    data-move="later"
                    disabled={index === rows.length - 1}
                    onClick={(event) => move(index, 1, event.currentTarget)}
                  >
                    <Icon name="arrowDown" size={16} />
                  </button>
                  {row.id ? null : (
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove ${label}`}
                      onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}
                    >
                      <Icon name="close" size={16} />
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
        <button type="button" className="button button--ghost button--small stage-editor__add" onClick={add}>
          <Icon name="plus" size={16} /> Add stage
        </button>
      </form>
    </Dialog>
  );
}
