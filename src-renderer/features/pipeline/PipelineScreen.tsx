import { useState } from 'react';
import type { Deal, Pipeline } from '../../../src-shared/domain/pipeline';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { Segmented } from '../../ui/Segmented';
import { SelectField } from '../../ui/SelectField';
import { DealDialog } from './DealDialog';
import { DealList } from './DealList';
import { useBoard, usePipelines } from './hooks';
import { NewPipelineDialog } from './NewPipelineDialog';
import { NumbersView } from './NumbersView';
import { PipelineBoard } from './PipelineBoard';
import { compactMoney, money, moneyByCurrency } from './pipeline-format';
import { mergeTotals } from '../../../src-shared/domain/money-totals';
import { pipelineViews, type PipelineLocation, type PipelineView } from './pipeline-route';
import { StageEditor } from './StageEditor';
import { TemplateChooser } from './TemplateChooser';
import './pipeline.css';
import { WhenAllowed } from '../access/WhenAllowed';

// The board caps each column (it shows "+N more"); the list takes the most the core gives.
const boardDealsPerStage = 50;

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
  const list = pipelines.latest;

  if (!list) {
    return (
      <Screen width="wide" busy>
        {/* A plain heading: PageTitle takes focus, which belongs to the screen once it has loaded. */}
        <h1 className="page-title">Pipeline</h1>
        <LoadingState label="Loading pipelines…" size="page" />
      </Screen>
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
    <Screen width="form">
      <PageHeader title="Pipeline" meta="Follow every job from the first call to the money in the bank." />
      <EmptyState icon="filter" title="Set up your first pipeline">
        <p>Pick the one closest to how work comes in. You can rename, reorder and add stages at any time, and add a second pipeline later.</p>
      </EmptyState>
      <TemplateChooser onCreated={onCreated} />
    </Screen>
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
  const board = useBoard(view === 'numbers' ? null : pipeline.id, boardDealsPerStage);
  // A reload keeps showing the board it replaces; only a new view or pipeline shows "Loading".
  const boardData = board.data;
  const openColumns = boardData?.columns.filter((column) => column.stage.outcome === 'open') ?? [];
  const openCount = openColumns.reduce((sum, column) => sum + column.count, 0);
  const openTotals = mergeTotals(openColumns.map((column) => column.totals));

  const go = (next: Partial<PipelineLocation>) => onLocationChange({ pipelineId: pipeline.id, view, ...next });

  return (
    <Screen width="wide" fill className="pipeline-screen">
      <PageHeader
        title={pipeline.name}
        titleAside={
          pipelines.length > 1 ? (
            <SelectField
              label="Switch pipeline"
              hideLabel
              size="sm"
              options={pipelines.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              value={pipeline.id}
              onChange={(id) => go({ pipelineId: id })}
            />
          ) : null
        }
        meta={
          boardData ? (
            <>
              {formatCount(openCount, 'open deal')} ·{' '}
              {/* "and" between currencies: the line's dots already part open from weighted. */}
              <span title={moneyByCurrency(openTotals, currency, 'totalMinor', money, ' and ')}>{moneyByCurrency(openTotals, currency, 'totalMinor', compactMoney, ' and ')}</span> open ·{' '}
              <span title={moneyByCurrency(openTotals, currency, 'weightedMinor', money, ' and ')}>
                {moneyByCurrency(openTotals, currency, 'weightedMinor', compactMoney, ' and ')}
              </span>{' '}
              weighted
            </>
          ) : (
            formatCount(pipeline.stages.length, 'stage')
          )
        }
        actions={
          <WhenAllowed>
            <Button icon="edit" onClick={() => setOpen({ kind: 'stages' })}>
              Edit stages
            </Button>
            <Button onClick={() => setOpen({ kind: 'newPipeline' })}>New pipeline</Button>
            <Button variant="primary" icon="plus" onClick={() => setOpen({ kind: 'deal' })}>
              New deal
            </Button>
          </WhenAllowed>
        }
      />

      <Segmented label="View" options={pipelineViews} labels={viewLabels} value={view} onChange={(next) => go({ view: next })} />

      {view === 'numbers' ? (
        <NumbersView pipeline={pipeline} currency={currency} />
      ) : !boardData ? (
        <LoadingState label="Loading deals…" size="page" />
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
        <DealDialog pipelines={pipelines} deal={open.deal} pipelineId={pipeline.id} stageId={open.stageId} onClose={() => setOpen(null)} />
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
    </Screen>
  );
}
