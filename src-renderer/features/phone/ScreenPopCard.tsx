import type { ScreenPop as Pop } from '../../../src-shared/domain/telephony';
import { formatPhone } from '../../../src-shared/phone';
import { Button } from '../../ui/Button';
import { CornerCard, CornerStack } from '../../ui/CornerCard';
import { IconButton } from '../../ui/IconButton';
import { formatDay } from './phone-format';
import './phone.css';

/** The incoming call's card (ScreenPop decides when it shows): who rings and one click to them. */
export function ScreenPopCard({ pop, onOpen, onDismiss }: { pop: Pop; onOpen: () => void; onDismiss: () => void }) {
  const details = [
    pop.lastCallAt ? `last call ${formatDay(pop.lastCallAt)}` : pop.contact ? 'first call' : null,
    pop.openFollowUp ? `open follow-up: ${pop.openFollowUp.title}` : null,
  ].filter(Boolean);

  return (
    <CornerStack>
      <CornerCard as="aside" tone="success" className="screen-pop" aria-label="Incoming call" aria-live="assertive">
        <div className="screen-pop__header">
          <span className="screen-pop__ringing">Incoming call · {formatPhone(pop.number)}</span>
          <IconButton icon="close" size="sm" label="Dismiss the incoming call" onClick={onDismiss} />
        </div>
        {pop.contact ? (
          <>
            <p className="heading">
              {pop.contact.name}
              {pop.contact.company ? <span className="screen-pop__company muted"> — {pop.contact.company}</span> : null}
            </p>
            {details.length > 0 ? <p className="screen-pop__details meta">{details.join(' · ')}</p> : null}
            {pop.contact.doNotContact ? <p className="screen-pop__warning">Marked do-not-contact</p> : null}
            {pop.createdContact ? <p className="screen-pop__details meta">New caller: a contact was made for this number.</p> : null}
            <Button variant="primary" icon="user" onClick={onOpen}>
              {`Open ${pop.contact.name}`}
            </Button>
          </>
        ) : (
          <>
            <p className="heading">Unknown caller</p>
            <p className="screen-pop__details meta">Nobody in Fieldbook has this number.</p>
            <Button variant="primary" icon="plus" onClick={onOpen}>
              Create contact
            </Button>
          </>
        )}
      </CornerCard>
    </CornerStack>
  );
}
