import { useState } from 'react';
import type { Pipeline } from '../../../src-shared/domain/pipeline';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { TemplateChooser } from './TemplateChooser';

/** Another pipeline, from a template, optionally under its own name ("Boiler servicing"). */
export function NewPipelineDialog({ onCreated, onClose }: { onCreated: (pipeline: Pipeline) => void; onClose: () => void }) {
  const [name, setName] = useState('');
  return (
    <Dialog
      title="New pipeline"
      description="Start from a template; rename, reorder and add stages afterwards."
      size="lg"
      onClose={onClose}
      actions={<Button onClick={onClose}>Cancel</Button>}
    >
      <TextField label="Name" hint="Leave empty to use the template’s name" width="narrow" maxLength={80} value={name} onChange={setName} />
      <TemplateChooser name={name} onCreated={onCreated} />
    </Dialog>
  );
}
