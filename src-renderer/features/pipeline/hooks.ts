import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { ContactListItem } from '../../../src-shared/domain/contact';
import type { StoredFile } from '../../../src-shared/domain/file';
import type { Deal, Pipeline, Stage } from '../../../src-shared/domain/pipeline';
import type { Quote } from '../../../src-shared/domain/quote';
import type { ContactScores } from '../../../src-shared/domain/score';
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { api, ApiError } from '../../api';
import { useUi } from '../../store';
import type { Period } from './periods';

// Data for the pipeline screens, fetched from the core and kept current by its events. Nothing
// here is cached across screens: the core answers from a local database in milliseconds.

export type Live<T> =
  | { status: 'loading'; data?: undefined }
  | { status: 'ready'; data: T }
  | { status: 'missing'; data?: undefined }
  | { status: 'failed'; data?: undefined };

export type LiveResult<T> = Live<T> & {
  reload(): void;
  /** The last answer for an earlier key, for views that would rather not flash empty. */
  previous: T | undefined;
};

/**
 * Loads `load()` for `key` (null: nothing to load), again when `subscribe` reports a change,
 * and drops answers that arrive after a newer request. `load` and `subscribe` may close over
 * anything; only a new `key` starts afresh.
 */
export function useLive<T>(key: string | null, load: () => Promise<T>, subscribe: (reload: () => void) => () => void): LiveResult<T> {
  const showError = useUi((state) => state.showError);
  const [state, setState] = useState<{ key: string | null; live: Live<T>; previous: T | undefined }>({
    key,
    live: { status: 'loading' },
    previous: undefined,
  });
  const [version, setVersion] = useState(0);
  const loadNow = useEffectEvent(load);
  const subscribeNow = useEffectEvent(subscribe);

  useEffect(() => {
    if (key === null) return;
    let alive = true;
    // A burst of events (a sync pull, a bulk import) costs at most one more load: changes that
    // arrive while a load is out are picked up by a single load after it.
    let loading = false;
    let again = false;
    const run = () => {
      if (loading) {
        again = true;
        return;
      }
      loading = true;
      const settle = () => {
        loading = false;
        if (alive && again) {
          again = false;
          run();
        }
      };
      loadNow().then(
        (data) => {
          if (alive && !again) setState({ key, live: { status: 'ready', data }, previous: data });
          settle();
        },
        (error: unknown) => {
          if (alive && !again) {
            const missing = error instanceof ApiError && error.code === 'not_found';
            setState((current) => ({ key, live: { status: missing ? 'missing' : 'failed' }, previous: current.previous }));
            if (!missing) showError(error);
          }
          settle();
        },
      );
    };
    run();
    const stop = subscribeNow(run);
    return () => {
      alive = false;
      stop();
    };
  }, [key, version, showError]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const live: Live<T> = state.key === key ? state.live : { status: 'loading' };
  return { ...live, reload, previous: state.previous };
}

const onPipelineChange = (reload: () => void) => api.on('pipelines.changed', reload);

export function usePipelines(): LiveResult<Pipeline[]> {
  return useLive('pipelines', () => api.invoke('pipelines.list', {}), onPipelineChange);
}

export type Board = ChannelOutput<'pipelines.board'>;
export type BoardColumnData = Board['columns'][number];

/** A pipeline's columns with the newest `dealsPerStage` deals of each, counts and totals. */
export function useBoard(pipelineId: string | null, dealsPerStage: number): LiveResult<Board> {
  return useLive(
    pipelineId === null ? null : `${pipelineId}:${dealsPerStage}`,
    () => api.invoke('pipelines.board', { pipelineId: pipelineId ?? '', dealsPerStage }),
    (reload) => {
      const stopPipelines = api.on('pipelines.changed', ({ pipelineIds }) => {
        if (pipelineIds.length === 0 || (pipelineId !== null && pipelineIds.includes(pipelineId))) reload();
      });
      // Cards show the contact's name.
      const stopContacts = api.on('contacts.changed', reload);
      return () => {
        stopPipelines();
        stopContacts();
      };
    },
  );
}

export function useDealsOfContact(contactId: string): LiveResult<Deal[]> {
  return useLive(
    contactId,
    () => api.invoke('deals.ofContact', { contactId }),
    (reload) => {
      const stopPipelines = api.on('pipelines.changed', reload);
      const stopActivity = api.on('activity.changed', ({ contactIds }) => {
        if (contactIds.length === 0 || contactIds.includes(contactId)) reload();
      });
      return () => {
        stopPipelines();
        stopActivity();
      };
    },
  );
}

export function useDeal(dealId: string | null): LiveResult<Deal> {
  return useLive(dealId, () => api.invoke('deals.get', { id: dealId ?? '' }), onPipelineChange);
}

const onQuoteChange = (reload: () => void) =>
  api.on('activity.changed', ({ tables }) => {
    if (tables.length === 0 || tables.includes('quotes') || tables.includes('files')) reload();
  });

export function useQuotesOfDeal(dealId: string): LiveResult<Quote[]> {
  return useLive(dealId, () => api.invoke('quotes.ofDeal', { dealId }), onQuoteChange);
}

/** A contact's files: a sent quote links its PDF through the file's hash. */
export function useContactFiles(contactId: string): LiveResult<StoredFile[]> {
  return useLive(contactId, () => api.invoke('files.list', { contactId }), onQuoteChange);
}

export type Funnel = ChannelOutput<'pipelines.funnel'>;
export type OwnerFigures = ChannelOutput<'pipelines.owners'>;
export type Forecast = ChannelOutput<'pipelines.forecast'>;

export function useFunnel(pipelineId: string, period: Period | null): LiveResult<Funnel> {
  return useLive(
    period ? `${pipelineId}:${period.from}:${period.to}` : null,
    () => api.invoke('pipelines.funnel', { pipelineId, period: period ?? { from: 0, to: 1 } }),
    onPipelineChange,
  );
}

export function useOwnerFigures(period: Period): LiveResult<OwnerFigures> {
  return useLive(`${period.from}:${period.to}`, () => api.invoke('pipelines.owners', { period }), onPipelineChange);
}

export function useForecast(): LiveResult<Forecast> {
  return useLive('forecast', () => api.invoke('pipelines.forecast', {}), onPipelineChange);
}

export function useContactScores(contactId: string): LiveResult<ContactScores> {
  return useLive(
    contactId,
    () => api.invoke('contacts.scores', { contactId }),
    (reload) => {
      const stops = [
        api.on('contacts.changed', ({ ids }) => {
          if (ids.length === 0 || ids.includes(contactId)) reload();
        }),
        api.on('activity.changed', ({ contactIds }) => {
          if (contactIds.length === 0 || contactIds.includes(contactId)) reload();
        }),
        api.on('pipelines.changed', reload),
      ];
      return () => stops.forEach((stop) => stop());
    },
  );
}

/** Contacts matching what was typed, for choosing a deal's contact. */
export function useContactMatches(query: string): LiveResult<ContactListItem[]> {
  return useLive(
    `contacts:${query}`,
    async () => (await api.invoke('contacts.list', { query, limit: 8 })).items,
    () => () => undefined,
  );
}

/** Names already used as owners, for the owner field's suggestions. */
export function useOwnerNames(): string[] {
  const userName = useUi((state) => state.settings?.userName ?? '');
  const facets = useLive('facets', () => api.invoke('contacts.facets', {}), () => () => undefined);
  const names = facets.status === 'ready' ? facets.data.owners.map((owner) => owner.name) : [];
  return [...new Set([userName, ...names].filter(Boolean))];
}

/** Deletes a deal and offers Undo, which restores it. */
export async function deleteDealWithUndo(deal: Deal): Promise<boolean> {
  const { showError, pushToast } = useUi.getState();
  try {
    await api.invoke('deals.delete', { id: deal.id });
  } catch (error) {
    showError(error);
    return false;
  }
  pushToast({
    message: `Deleted ${deal.title}`,
    action: {
      label: 'Undo',
      run: () => {
        api.invoke('deals.restore', { id: deal.id }).then(
          () => useUi.getState().pushToast({ message: `Restored ${deal.title}` }),
          (error: unknown) => useUi.getState().showError(error),
        );
      },
    },
  });
  return true;
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
