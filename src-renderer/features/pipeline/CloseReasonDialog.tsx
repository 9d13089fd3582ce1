import { useState } from 'react';
import type { Deal, Stage } from '../../../src-shared/domain/pipeline';
import { FormDialog } from '../../ui/FormDialog';
import { TextField } from '../../ui/TextField';

const wonReasons = ['Best price', 'Quick response', 'Recommended to them', 'Repeat customer', 'Quality of work'];
const lostReasons = ['Price too high', 'Went with someone else', 'No reply', 'Job no longer needed', 'Timing did not suit'];

interface CloseReasonDialogProps {
  deal: Deal;
  stage: Stage;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asked when a deal moves into a won or lost stage: the reason is what the numbers can't tell. */
export function CloseReasonDialog({ deal, stage, onConfirm, onCancel }: CloseReasonDialogProps) {
  const won = stage.outcome === 'won';
  const [reason, setReason] = useState(deal.closeReason);
  const [error, setError] = useState<string>();

  const submit = () => {
    // A loss is only worth recording with its reason; a win may go without.
    if (!won && !reason.trim()) {
      setError('Say why, in a few words: it shows which losses keep happening');
      return;
    }
    onConfirm(reason.trim());
  };

  return (
    <FormDialog
      title={won ? `Won: ${deal.title}` : `Lost: ${deal.title}`}
      description={
        <>
          Moving it to <strong>{stage.name}</strong>. {won ? 'What won it?' : 'Why was it lost?'}
        </>
      }
      size="sm"
      submitLabel={`Move to ${stage.name}`}
      onSubmit={submit}
      onClose={onCancel}
    >
      <TextField
        label={won ? 'Reason it was won' : 'Reason it was lost'}
        hint={won ? 'Optional' : undefined}
        error={error}
        autoFocus
        maxLength={500}
        suggestions={won ? wonReasons : lostReasons}
        value={reason}
        onChange={(text) => {
          setReason(text);
          setError(undefined);
        }}
      />
    </FormDialog>
  );
}
