import { lazy, Suspense, useEffect, useState } from 'react';
import type { ScreenPop as Pop } from '../../../src-shared/domain/telephony';
import { api } from '../../api';
import { useUi } from '../../store';

// The card is its own chunk: it formats the caller's number with the full phone metadata
// (libphonenumber-js/max, about 190 kB), which the first screen of the app does not need.
const ScreenPopCard = lazy(() => import('./ScreenPopCard').then((module) => ({ default: module.ScreenPopCard })));

const loadScreenPopSchema = () => import('../../../src-shared/domain/telephony').then((module) => module.ScreenPopSchema);

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
    let mounted = true;
    const show = (payload: unknown) => {
      // Nothing ringing (the usual answer at app open) needs no schema.
      if (payload === null || typeof payload !== 'object') return;
      // The event stream also sends placeholders after a reconnect: only a real pop counts. The
      // schema (and zod with it) loads with the first payload, not with the app's first screen.
      void loadScreenPopSchema().then((schema) => {
        const parsed = schema.safeParse(payload);
        if (mounted && parsed.success) setPop(parsed.data);
      });
    };
    const stop = api.on('phone.incomingCall', show);
    // A window opened while the phone rings still shows the call.
    api.invoke('phone.lastScreenPop', {}).then(show, () => {});
    return () => {
      mounted = false;
      stop();
    };
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
  return (
    <Suspense fallback={null}>
      <ScreenPopCard pop={pop} onOpen={open} onDismiss={() => setPop(null)} />
    </Suspense>
  );
}
