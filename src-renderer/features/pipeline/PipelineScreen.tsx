import { useState } from 'react';
import type { Deal, Pipeline } from '../../../src-shared/domain/pipeline';
import { useUi } from '../../store';
import { formatCount } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { PageTitle } from '../../ui/PageTitle';
import { DealDialog } from './DealDialog';
import { DealList } from './DealList';
import { useBoard, usePipelines } from './hooks';
import { NewPipelineDialog } from './NewPipelineDialog';
import { NumbersView } from './NumbersView';
import { PipelineBoard } from './PipelineBoard';
import { pipelineViews, type PipelineLocation, type PipelineView } from './pipeline-route';
import { compactMoney, money } from './pipeline-format';
import { Segmented } from './Segmented';
import { StageEditor } from './StageEditor';
import { TemplateChooser } from './TemplateChooser';
import './pipeline.css';
import './board.css';
import './deal-dialogs.css';
import './numbers.css';

// The board caps each column (it shows "+N more"); the list takes the most the core gives.
const boardDealsPerStage = 50;
const listDealsPerStage = 1000;

const viewLabels: Record<PipelineView, string> = { board: 'Board', list: 'List', numbers: 'Numbers' };

interface PipelineScreenProps {
  /** Absent: the first pipeline. */
  pipelineId?: string;
  view: PipelineView;
  /** Changes the address (#/pipeline/<id>/<view>); see pipeline-route.ts. */
  onLocationChange: (location: PipelineLocation) => void;
}

type Open = { kind: 'deal'; deal?: Deal; stageId?: string } | { kind: 'stages' } | { kind: 'newPipeline' } | null;

/** Pipelines: a board per pipeline, the same deals as a list, and the numbers. */
export function PipelineScreen({ pipelineId, view, onLocationChange }: PipelineScreenProps) {
  const pipelines = usePipelines();
  const list = pipelines.status === 'ready' ? pipelines.data : pipelines.previous;

  if (!list) {
    return (
      <div className="screen screen--list" aria-busy="true">
        {/* A plain heading: PageTitle takes focus, which belongs to the screen once it has loaded. */}
        <h1 className="page-title">Pipeline</h1>
        <p className="loading-screen">Loading pipelines…</p>
      </div>
    );
  }
  if (list.length === 0) {
    return <FirstPipeline onCreated={(created) => onLocationChange({ pipelineId: created.id, view: 'board' })} />;
  }
  const pipeline = list.find((candidate) => candidate.id === pipelineId) ?? list[0]!;
  return <PipelinePage key={pipeline.id} pipeline={pipeline} pipelines={list} view={view} onLocationChange={onLocationChange} />;
}

function FirstPipeline({ onCreated }: { onCreated: (pipeline: Pipeline) => void }) {
  return (
    <div className="screen screen--form">
      <header className="page-header">
        <div>
          <PageTitle>Pipeline</PageTitle>
          <p className="page-header__meta">Follow every job from the first call to the money in the bank.</p>
        </div>
      </header>
      <section className="first-pipeline" aria-labelledby="first-pipeline-title">
        <div className="empty-state__icon" aria-hidden="true">
          <Icon name="filter" size={28} />
        </div>
        <h2 id="first-pipeline-title" className="empty-state__title">
          Set up your first pipeline
        </h2>
        <p className="empty-state__body">
          Pick the one closest to how work comes in. You can rename, reorder and add stages at any time, and add a second pipeline
          later.
        </p>
        <TemplateChooser onCreated={onCreated} />
      </section>
    </div>
  );
}

interface PipelinePageProps {
  pipeline: Pipeline;
  pipelines: Pipeline[];
  view: PipelineView;
  onLocationChange: (location: PipelineLocation) => void;
}

function PipelinePage({ pipeline, pipelines, view, onLocationChange }: PipelinePageProps) {
  const currency = useUi((state) => state.settings?.currency ?? 'GBP');
  const [open, setOpen] = useState<Open>(null);
  const [listStageId, setListStageId] = useState<string | null>(null);
  const board = useBoard(view === 'numbers' ? null : pipeline.id, view === 'list' ? listDealsPerStage : boardDealsPerStage);
  // A reload keeps showing the board it replaces; only a new view or pipeline shows "Loading".
  const boardData = board.status === 'ready' ? board.data : undefined;
  const openColumns = boardData?.columns.filter((column) => column.stage.outcome === 'open') ?? [];
  const openCount = openColumns.reduce((sum, column) => sum + column.count, 0);
  const openValue = openColumns.reduce((sum, column) => sum + column.totalMinor, 0);
  const openWeighted = openColumns.reduce((sum, column) => sum + column.weightedMinor, 0);

  const go = (next: Partial<PipelineLocation>) => onLocationChange({ pipelineId: pipeline.id, view, ...next });

  return (
    <div className="screen screen--list pipeline-screen">
      <header className="page-header pipeline-header">
        <div className="pipeline-header__title">
          <div className="pipeline-header__name-row">
            <PageTitle>{pipeline.name}</PageTitle>
            {pipelines.length > 1 ? (
              <label className="select-filter">
                <span className="visually-hidden">Switch pipeline</span>
                <select value={pipeline.id} onChange={(event) => go({ pipelineId: event.target.value })}>
                  {pipelines.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          <p className="page-header__meta">
            {boardData ? (
              <>
                {formatCount(openCount, 'open deal')} · <span title={money(openValue, currency)}>{compactMoney(openValue, currency)}</span> open ·{' '}
                <span title={money(openWeighted, currency)}>{compactMoney(openWeighted, currency)}</span> weighted
              </>
            ) : (
              `${formatCount(pipeline.stages.length, 'stage')}`
            )}
          </p>
        </div>
        <div className="contact-header__actions">
          <button type="button" className="button" onClick={() => setOpen({ kind: 'stages' })}>
            <Icon name="edit" size={16} /> Edit stages
          </button>
          <button type="button" className="button" onClick={() => setOpen({ kind: 'newPipeline' })}>
            New pipeline
          </button>
          <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'deal' })}>
            <Icon name="plus" size={16} /> New deal
          </button>
        </div>
      </header>

      <Segmented label="View" options={pipelineViews} labels={viewLabels} value={view} onChange={(next) => go({ view: next })} />

      {view === 'numbers' ? (
        <NumbersView pipeline={pipeline} currency={currency} />
      ) : !boardData ? (
        <p className="loading-screen" aria-busy="true">
          Loading deals…
        </p>
      ) : view === 'board' ? (
        <PipelineBoard
          board={boardData}
          currency={currency}
          onOpenDeal={(deal) => setOpen({ kind: 'deal', deal })}
          onAddDeal={(stage) => setOpen({ kind: 'deal', stageId: stage.id })}
          onShowAll={(stage) => {
            setListStageId(stage.id);
            go({ view: 'list' });
          }}
        />
      ) : (
        <DealList board={boardData} stageId={listStageId} onStageChange={setListStageId} onOpenDeal={(deal) => setOpen({ kind: 'deal', deal })} />
      )}

      {open?.kind === 'deal' ? (
        <DealDialog
          pipelines={pipelines}
          deal={open.deal}
          pipelineId={pipeline.id}
          stageId={open.stageId}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'stages' ? <StageEditor pipeline={pipeline} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'newPipeline' ? (
        <NewPipelineDialog
          onClose={() => setOpen(null)}
          onCreated={(created) => {
            setOpen(null);
            onLocationChange({ pipelineId: created.id, view: 'board' });
          }}
        />
      ) : null}
    </div>
  );
}
