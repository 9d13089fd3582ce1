import { useState } from 'react';
import type { Pipeline } from '../../../src-shared/domain/pipeline';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { TemplateChooser } from './TemplateChooser';

/** Another pipeline, from a template, optionally under its own name ("Boiler servicing"). */
export function NewPipelineDialog({ onCreated, onClose }: { onCreated: (pipeline: Pipeline) => void; onClose: () => void }) {
  const [name, setName] = useState('');
  return (
    <Dialog
      title="New pipeline"
      description="Start from a template; rename, reorder and add stages afterwards."
      onClose={onClose}
      actions={
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      }
    >
      <div className="new-pipeline">
        <Field label="Name" hint="Leave empty to use the template’s name">
          {(control) => <input {...control} className="input input--narrow" maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <TemplateChooser name={name} onCreated={onCreated} />
      </div>
    </Dialog>
  );
}
