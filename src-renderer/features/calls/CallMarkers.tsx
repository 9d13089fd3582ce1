import type { Call } from '../../../src-shared/domain/call';
import { Badge } from '../../ui/Badge';
import { callMarkers } from './call-format';

/** "Emergency" (or the word that made it one) and "After hours", wherever a call is listed. */
export function CallMarkers({ call }: { call: Pick<Call, 'emergency' | 'emergencyKeyword' | 'afterHours'> }) {
  const markers = callMarkers(call);
  return (
    <>
      {markers.emergency ? <Badge tone="danger">{markers.emergency}</Badge> : null}
      {markers.afterHours ? (
        <Badge tone="info" title="Came in while the office was closed (the phone line's opening hours)">
          After hours
        </Badge>
      ) : null}
    </>
  );
}
