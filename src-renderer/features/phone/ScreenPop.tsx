import { useEffect, useState } from 'react';
import { ScreenPopSchema, type ScreenPop as Pop } from '../../../src-shared/domain/telephony';
import { formatPhone } from '../../../src-shared/phone';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { formatDay } from './phone-format';
import { CornerCard, CornerStack } from '../../ui/CornerCard';
import './phone.css';

/** How long a ringing call stays on screen unless it is dismissed or opened. */
const showForMs = 45_000;

/**
 * The call ringing the office, on every laptop of the workspace: who it is (matched here by
 * number), their company, last call and open follow-up, and one click to their contact; an
 * unknown number offers to create one. Mounted once by the shell.
 */
export function ScreenPop() {
  const [pop, setPop] = useState<Pop | null>(null);
  const navigate = useUi((state) => state.navigate);

  useEffect(() => {
    const show = (payload: unknown) => {
      // The event stream also sends placeholders after a reconnect: only a real pop counts.
      const parsed = ScreenPopSchema.safeParse(payload);
      if (parsed.success) setPop(parsed.data);
    };
    const stop = api.on('phone.incomingCall', show);
    // A window opened while the phone rings still shows the call.
    api.invoke('phone.lastScreenPop', {}).then(show, () => {});
    return stop;
  }, []);

  useEffect(() => {
    if (!pop) return;
    const timer = setTimeout(() => setPop(null), showForMs);
    return () => clearTimeout(timer);
  }, [pop]);

  if (!pop) return null;
  const open = () => {
    setPop(null);
    if (pop.contact) navigate({ name: 'contact', id: pop.contact.id });
    else navigate({ name: 'contactNew', phone: pop.number, callId: pop.callId });
  };
  const details = [
    pop.lastCallAt ? `last call ${formatDay(pop.lastCallAt)}` : pop.contact ? 'first call' : null,
    pop.openFollowUp ? `open follow-up: ${pop.openFollowUp.title}` : null,
  ].filter(Boolean);

  return (
    <CornerStack>
      <CornerCard as="aside" tone="success" className="screen-pop" aria-label="Incoming call" aria-live="assertive">
        <div className="screen-pop__header">
          <span className="screen-pop__ringing">Incoming call · {formatPhone(pop.number)}</span>
          <IconButton icon="close" size="sm" label="Dismiss the incoming call" onClick={() => setPop(null)} />
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
            <Button variant="primary" icon="user" onClick={open}>
              {`Open ${pop.contact.name}`}
            </Button>
          </>
        ) : (
          <>
            <p className="heading">Unknown caller</p>
            <p className="screen-pop__details meta">Nobody in Fieldbook has this number.</p>
            <Button variant="primary" icon="plus" onClick={open}>
              Create contact
            </Button>
          </>
        )}
      </CornerCard>
    </CornerStack>
  );
}
