import { useId, useState, type FormEvent } from 'react';
import type { Deal, Stage } from '../../../src-shared/domain/pipeline';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';

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
  const formId = useId();
  const listId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A loss is only worth recording with its reason; a win may go without.
    if (!won && !reason.trim()) {
      setError('Say why, in a few words: it shows which losses keep happening');
      return;
    }
    onConfirm(reason.trim());
  };

  return (
    <Dialog
      title={won ? `Won: ${deal.title}` : `Lost: ${deal.title}`}
      description={
        <>
          Moving it to <strong>{stage.name}</strong>. {won ? 'What won it?' : 'Why was it lost?'}
        </>
      }
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary">
            Move to {stage.name}
          </button>
        </>
      }
    >
      <form id={formId} noValidate onSubmit={submit}>
        <Field label={won ? 'Reason it was won' : 'Reason it was lost'} error={error} hint={won ? 'Optional' : undefined}>
          {(control) => (
            <input
              {...control}
              className="input"
              list={listId}
              autoFocus
              value={reason}
              maxLength={500}
              onChange={(event) => {
                setReason(event.target.value);
                setError(undefined);
              }}
            />
          )}
        </Field>
        <datalist id={listId}>
          {(won ? wonReasons : lostReasons).map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      </form>
    </Dialog>
  );
}
