import { formatPhone, type PhoneElsewhere } from '../../../src-shared/phone';
import { Button } from '../../ui/Button';

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
      <p className="phone-question__text">
        <strong>{question.question}</strong> It is not a valid {readAs} number.
      </p>
      <div className="phone-question__actions">
        <Button size="sm" variant="primary" onClick={onYes}>
          Yes, {formatPhone(question.e164)}
        </Button>
        <Button size="sm" onClick={onNo}>
          No, let me correct it
        </Button>
      </div>
    </div>
  );
}
