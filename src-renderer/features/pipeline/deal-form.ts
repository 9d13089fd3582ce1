import type { Deal, DealDraft, Pipeline } from '../../../src-shared/domain/pipeline';
import type { PickedContact } from '../../ui/ContactPicker';
import { fromDateInput, toDateInput } from '../../ui/dates';
import { readMoney } from '../../../src-shared/money';
import { moneyInput, parsePercent, percentInput } from './pipeline-format';

// The deal dialog edits strings; this turns them into a draft or a patch and says what is wrong
// in words, field by field, before the core is asked.

export interface DealFormValues {
  title: string;
  contact: PickedContact | null;
  pipelineId: string;
  stageId: string;
  value: string;
  /** Unticked: the deal's own probability overrides its stage's. */
  useStageProbability: boolean;
  probability: string;
  expectedClose: string;
  owner: string;
  source: string;
  closeReason: string;
}

export type DealFormErrors = Partial<Record<'title' | 'contact' | 'value' | 'probability' | 'expectedClose' | 'closeReason', string>>;

export function formFromDeal(deal: Deal): DealFormValues {
  return {
    title: deal.title,
    contact: { id: deal.contactId, name: deal.contactName },
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    value: deal.valueMinor === 0 ? '' : moneyInput(deal.valueMinor, deal.currency),
    useStageProbability: !deal.probabilityOverridden,
    probability: percentInput(deal.probabilityBp),
    expectedClose: toDateInput(deal.expectedCloseAt),
    owner: deal.owner,
    source: deal.source,
    closeReason: deal.closeReason,
  };
}

export function newDealForm(pipeline: Pipeline | undefined, stageId: string | undefined, contact: PickedContact | null, owner: string): DealFormValues {
  const stage = pipeline?.stages.find((candidate) => candidate.id === stageId) ?? pipeline?.stages[0];
  return {
    title: '',
    contact,
    pipelineId: pipeline?.id ?? '',
    stageId: stage?.id ?? '',
    value: '',
    useStageProbability: true,
    probability: stage ? percentInput(stage.probabilityBp) : '',
    expectedClose: '',
    owner,
    source: '',
    closeReason: '',
  };
}

export interface ParsedDeal {
  draft: Omit<DealDraft, 'contactId' | 'pipelineId' | 'stageId'> & { title: string; valueMinor: number; probabilityBp: number | null };
  errors: DealFormErrors;
}

export function parseDealForm(values: DealFormValues, currency: string, closing: 'won' | 'lost' | null): ParsedDeal {
  const errors: DealFormErrors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'Name the deal, for example “Boiler replacement”';
  if (!values.contact) errors.contact = 'Choose who the deal is with';
  const value = readMoney(values.value, currency, 'nonNegative');
  if (!value.ok) errors.value = value.error;
  const valueMinor = value.ok ? (value.amountMinor ?? 0) : 0;
  const probabilityBp = values.useStageProbability ? null : parsePercent(values.probability);
  if (!values.useStageProbability && probabilityBp === null) errors.probability = 'Enter a percentage from 0 to 100';
  const expectedCloseAt = values.expectedClose ? fromDateInput(values.expectedClose) : null;
  if (values.expectedClose && expectedCloseAt === null) errors.expectedClose = 'Enter a date';
  if (closing === 'lost' && !values.closeReason.trim()) errors.closeReason = 'Say why, in a few words: it shows which losses keep happening';
  return {
    draft: {
      title,
      valueMinor,
      probabilityBp,
      expectedCloseAt,
      owner: values.owner.trim(),
      source: values.source.trim(),
    },
    errors,
  };
}
