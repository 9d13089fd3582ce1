import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatCount } from '../../ui/format';
import { BulkValueDialog, type BulkQuestion } from './BulkValueDialog';

/** Asks for a value or a confirmation, then runs; shared by the bulk bars of every list. */
export function useAsking(count: number, noun: string) {
  const [question, setQuestion] = useState<BulkQuestion | null>(null);
  const [confirm, setConfirm] = useState<(() => void) | null>(null);
  const many = formatCount(count, noun);
  const dialogs = (
    <>
      {question ? <BulkValueDialog question={question} onClose={() => setQuestion(null)} /> : null}
      {confirm ? (
        <ConfirmDialog
          title={`Delete ${many}?`}
          description="They leave the list on every laptop of the team. Undo brings them back."
          confirmLabel={`Delete ${many}`}
          danger
          onConfirm={() => {
            setConfirm(null);
            confirm();
          }}
          onClose={() => setConfirm(null)}
        />
      ) : null}
    </>
  );
  return {
    ask: (details: Omit<BulkQuestion, 'description'>) => setQuestion({ ...details, description: `For the ${many} selected.` }),
    confirmDelete: (then: () => void) => setConfirm(() => then),
    dialogs,
  };
}
