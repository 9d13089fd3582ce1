import { unansweredStatuses, type Call, type CallDirection } from '../../../src-shared/domain/call';
import type { IconName } from '../../ui/Icon';

export const directionLabels: Record<CallDirection, string> = {
  inbound: 'Incoming',
  outbound: 'Outgoing',
};

/** The call's markers: an emergency (ticked, or naming one of the office's words) and after hours. */
export function callMarkers(call: Pick<Call, 'emergency' | 'emergencyKeyword' | 'afterHours'>): { emergency: string | null; afterHours: boolean } {
  const emergency = call.emergency ? 'Emergency' : call.emergencyKeyword ? `Emergency: “${call.emergencyKeyword}”` : null;
  return { emergency, afterHours: call.afterHours };
}

export function isUnanswered(call: Pick<Call, 'status'>): boolean {
  return unansweredStatuses.includes(call.status);
}

export function callIcon(call: Pick<Call, 'status' | 'direction'>): IconName {
  if (call.direction === 'outbound') return 'phoneOut';
  return isUnanswered(call) ? 'phoneMissed' : 'phoneIn';
}

/** "Missed incoming call", "Outgoing call": what a person would say. */
export function describeCall(call: Pick<Call, 'status' | 'direction'>): string {
  if (isUnanswered(call)) return call.direction === 'inbound' ? 'Missed call' : 'Unanswered';
  return `${directionLabels[call.direction]} call`;
}
