import { useState } from 'react';
import { pipelineTemplates, type Pipeline, type PipelineTemplate } from '../../../src-shared/domain/pipeline';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { StagePill } from './StagePill';
import { Grid } from '../../ui/Grid';
import '../../ui/Card.css';

export const templateDescriptions: Record<PipelineTemplate, string> = {
  urgent_jobs: 'For call-outs and jobs that start within days: from the first call to the invoice being paid.',
  prospects: 'For bigger work won over weeks: from a first conversation to a quote accepted or turned down.',
};

const templates = Object.keys(pipelineTemplates) as PipelineTemplate[];

/** The two starting pipelines, each with its stages shown, to create with one click. */
export function TemplateChooser({ name, onCreated }: { name?: string; onCreated: (pipeline: Pipeline) => void }) {
  const showError = useUi((state) => state.showError);
  const [creating, setCreating] = useState<PipelineTemplate | null>(null);

  const create = async (template: PipelineTemplate) => {
    setCreating(template);
    try {
      onCreated(await api.invoke('pipelines.createFromTemplate', { template, ...(name?.trim() ? { name: name.trim() } : {}) }));
    } catch (error) {
      showError(error);
      setCreating(null);
    }
  };

  return (
    <Grid as="ul" min={280} gap="lg" aria-label="Pipeline templates">
      {templates.map((template) => {
        const spec = pipelineTemplates[template];
        return (
          <li key={template} className="card template-card">
            <h3 className="heading">{spec.name}</h3>
            <p className="muted">{templateDescriptions[template]}</p>
            <Cluster as="ol" gap="xs" className="template-card__stages" aria-label={`Stages of ${spec.name}`}>
              {spec.stages.map((stage) => (
                <li key={stage.name}>
                  <StagePill outcome={'outcome' in stage ? stage.outcome : 'open'} name={stage.name} />
                </li>
              ))}
            </Cluster>
            <Button variant="primary" disabled={creating !== null} busy={creating === template} busyLabel="Setting up…" onClick={() => void create(template)}>
              {`Use ${spec.name}`}
            </Button>
          </li>
        );
      })}
    </Grid>
  );
}
