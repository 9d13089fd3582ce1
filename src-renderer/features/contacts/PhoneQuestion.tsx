import { formatPhone, type PhoneElsewhere } from '../../../src-shared/phone';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { Notice } from '../../ui/Notice';

interface PhoneQuestionProps {
  question: PhoneElsewhere;
  /** "UK": the country the number was read in. */
  readAs: string;
  onYes: () => void;
  onNo: () => void;
}

/** "Is this a US number?" under a phone that is no number where it was read but a valid one elsewhere. */
export function PhoneQuestion({ question, readAs, onYes, onNo }: PhoneQuestionProps) {
  return (
    <div role="group" aria-label={question.question} className="phone-question">
      <Notice tone="warning">
        <Cluster justify="between">
          <p>
            <strong>{question.question}</strong> It is not a valid {readAs} number.
          </p>
          <Cluster gap="xs">
            <Button size="sm" variant="primary" onClick={onYes}>
              Yes, {formatPhone(question.e164)}
            </Button>
            <Button size="sm" onClick={onNo}>
              No, let me correct it
            </Button>
          </Cluster>
        </Cluster>
      </Notice>
    </div>
  );
}
