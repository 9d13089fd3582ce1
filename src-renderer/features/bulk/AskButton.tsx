import { useState, type ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { formatCount } from '../../ui/format';
import type { IconName } from '../../ui/Icon';
import { BulkValueDialog, type BulkQuestion } from './BulkValueDialog';

interface AskButtonProps {
  /** How many rows are selected, and what they are: the dialog says "For the 3 deals selected.". */
  count: number;
  noun: string;
  /** What to ask, and what to do with the answer. */
  question: Omit<BulkQuestion, 'description'>;
  icon?: IconName;
  children: ReactNode;
}

/** A bulk bar's button whose action needs one value first (the tag, the owner, the stage): it asks, then runs. */
export function AskButton({ count, noun, question, icon, children }: AskButtonProps) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button size="sm" {...(icon ? { icon } : {})} onClick={() => setAsking(true)}>
        {children}
      </Button>
      {asking ? <BulkValueDialog question={{ ...question, description: `For the ${formatCount(count, noun)} selected.` }} onClose={() => setAsking(false)} /> : null}
    </>
  );
}
