import { useState } from 'react';
import type { Deal, Stage } from '../../../src-shared/domain/pipeline';
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { api } from '../../api';
import { useUi } from '../../store';
import { activityChanged, contactsChanged, pipelinesChanged } from '../../ui/live-events';
import { deleteWithUndo } from '../../ui/undoable';
import { useLiveData } from '../../ui/use-live-data';
import type { Period } from './periods';

// Data for the pipeline screens, fetched from the core and kept current by its events. Nothing
// here is cached across screens: the core answers from a local database in milliseconds.

const onPipelines = { reloadOn: [pipelinesChanged()] };
const onQuotesAndFiles = { reloadOn: [activityChanged(['quotes', 'files'])] };

export function usePipelines() {
  return useLiveData('pipelines', () => api.invoke('pipelines.list', {}), onPipelines);
}

export type Board = ChannelOutput<'pipelines.board'>;
export type BoardColumnData = Board['columns'][number];

/** A pipeline's columns with the newest `dealsPerStage` deals of each, counts and totals; null loads nothing. */
export function useBoard(pipelineId: string | null, dealsPerStage: number) {
  return useLiveData(
    pipelineId === null ? null : `board:${pipelineId}:${dealsPerStage}`,
    () => api.invoke('pipelines.board', { pipelineId: pipelineId ?? '', dealsPerStage }),
    // Cards show the contact's name.
    { reloadOn: [pipelinesChanged(pipelineId ?? undefined), contactsChanged()] },
  );
}

export function useDealsOfContact(contactId: string) {
  return useLiveData(`deals-of:${contactId}`, () => api.invoke('deals.ofContact', { contactId }), {
    reloadOn: [pipelinesChanged(), activityChanged(undefined, contactId)],
  });
}

export function useQuotesOfDeal(dealId: string) {
  return useLiveData(`quotes-of:${dealId}`, () => api.invoke('quotes.ofDeal', { dealId }), onQuotesAndFiles);
}

/** A contact's files: a sent quote links its PDF through the file's hash. */
export function useContactFiles(contactId: string) {
  return useLiveData(`quote-files:${contactId}`, () => api.invoke('files.list', { contactId }), onQuotesAndFiles);
}

export type Funnel = ChannelOutput<'pipelines.funnel'>;
export type OwnerFigures = ChannelOutput<'pipelines.owners'>;
export type Forecast = ChannelOutput<'pipelines.forecast'>;

export function useFunnel(pipelineId: string, period: Period | null) {
  return useLiveData(
    period ? `funnel:${pipelineId}:${period.from}:${period.to}` : null,
    () => api.invoke('pipelines.funnel', { pipelineId, period: period ?? { from: 0, to: 1 } }),
    onPipelines,
  );
}

export function useOwnerFigures(period: Period) {
  return useLiveData(`owners:${period.from}:${period.to}`, () => api.invoke('pipelines.owners', { period }), onPipelines);
}

export function useForecast() {
  return useLiveData('forecast', () => api.invoke('pipelines.forecast', {}), onPipelines);
}

export function useContactScores(contactId: string) {
  return useLiveData(`scores:${contactId}`, () => api.invoke('contacts.scores', { contactId }), {
    reloadOn: [contactsChanged(contactId), activityChanged(undefined, contactId), pipelinesChanged()],
  });
}

/** Names already used as owners, for the owner field's suggestions. */
export function useOwnerNames(): string[] {
  const userName = useUi((state) => state.settings?.userName ?? '');
  const facets = useLiveData('owner-names', () => api.invoke('contacts.facets', {}), { reportErrors: false });
  const names = facets.latest?.owners.map((owner) => owner.name) ?? [];
  return [...new Set([userName, ...names].filter(Boolean))];
}

/** Deletes a deal and offers Undo, which restores it. */
export function deleteDealWithUndo(deal: Deal): Promise<boolean> {
  return deleteWithUndo('deals', deal.id, { deleted: `Deleted ${deal.title}`, restored: `Restored ${deal.title}` });
}

export interface MoveRequest {
  deal: Deal;
  stage: Stage;
}

interface DealMoveOptions {
  /** Called as the move starts (after a reason, when one is asked), to show it at once. */
  onStart?: (request: MoveRequest) => void;
  /** Called when the core has answered; `moved` is false when it refused. */
  onSettled?: (request: MoveRequest, moved: boolean) => void;
  /** The reason was not given: the deal stays where it was. */
  onCancelled?: (request: MoveRequest) => void;
}

/**
 * Moving a deal to another stage, shared by the board (mouse and keyboard) and the deal dialog:
 * a move into a won or lost stage first asks why, through `prompt`, which the caller renders
 * as a CloseReasonDialog and answers with `confirm` or `cancel`.
 */
export function useDealMove({ onStart, onSettled, onCancelled }: DealMoveOptions = {}) {
  const showError = useUi((state) => state.showError);
  const [prompt, setPrompt] = useState<MoveRequest | null>(null);

  const commit = async (request: MoveRequest, closeReason?: string) => {
    onStart?.(request);
    try {
      await api.invoke('deals.move', { id: request.deal.id, stageId: request.stage.id, ...(closeReason !== undefined ? { closeReason } : {}) });
      onSettled?.(request, true);
    } catch (error) {
      showError(error);
      onSettled?.(request, false);
    }
  };

  return {
    prompt,
    request(request: MoveRequest) {
      if (request.deal.stageId === request.stage.id) return;
      if (request.stage.outcome === 'open') void commit(request);
      else setPrompt(request);
    },
    confirm(closeReason: string) {
      if (!prompt) return;
      setPrompt(null);
      void commit(prompt, closeReason);
    },
    cancel() {
      if (prompt) onCancelled?.(prompt);
      setPrompt(null);
    },
  };
}
