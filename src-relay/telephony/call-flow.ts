import { isWithinOpeningHours } from '../../src-shared/domain/call-flags';
import type { CallHandling } from '../../src-shared/domain/telephony';
import { twilioWebhookPath, type TwilioWebhook } from '../../src-shared/sync/telephony';
import { twilioSdk } from './twilio-sdk';

// What a caller hears, as TwiML built with the twilio package: the greeting, the phones ringing
// (together, or one after another through the <Dial> action), voicemail with its recording and
// transcription, and the bridge of a click-to-call. The webhooks (webhooks.ts) pick the step.

export type HookUrl = (hook: TwilioWebhook, query?: Record<string, string>) => string;

export function hookUrlFor(publicUrl: string, workspaceId: string): HookUrl {
  return (hook, query) => {
    const search = query ? `?${new URLSearchParams(query)}` : '';
    return `${publicUrl}${twilioWebhookPath(workspaceId, hook)}${search}`;
  };
}

/** True when `at` falls inside the opening hours (always, when none are set). */
export function isOpen(handling: CallHandling, at: number): boolean {
  // The laptops mark the same calls "After hours" with the same function.
  return isWithinOpeningHours(handling.openingHours, handling.timeZone, at);
}

const recordingCallbacks = (url: HookUrl) => ({
  recordingStatusCallback: url('recording'),
  recordingStatusCallbackMethod: 'POST',
  recordingStatusCallbackEvent: ['completed' as const],
});

/** Rings the office's phones; `attempt` is the phone's index when they ring in order. */
export function ringPhones(handling: CallHandling, url: HookUrl, attempt: number, greet: boolean): string {
  const response = new (twilioSdk().twiml.VoiceResponse)();
  if (greet && handling.greeting) response.say(handling.greeting);
  if (greet && handling.recordCalls) response.say(handling.recordingAnnouncement);
  const dial = response.dial({
    action: url('dial', { attempt: String(attempt) }),
    method: 'POST',
    timeout: handling.ringSeconds,
    ...(handling.recordCalls ? { record: 'record-from-answer-dual' as const, ...recordingCallbacks(url) } : {}),
  });
  const targets = handling.ringMode === 'in_order' ? handling.ringTargets.slice(attempt, attempt + 1) : handling.ringTargets;
  for (const target of targets) {
    dial.number(
      { statusCallback: url('call-status'), statusCallbackMethod: 'POST', statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'] },
      target.mobile,
    );
  }
  return response.toString();
}

/** Voicemail: the greeting, a recording of up to two minutes, Twilio's transcription. */
export function voicemail(handling: CallHandling, url: HookUrl, greeting?: string): string {
  const response = new (twilioSdk().twiml.VoiceResponse)();
  if (!handling.voicemail) {
    response.say('Sorry, nobody can take your call right now. Please call again later.');
    response.hangup();
    return response.toString();
  }
  if (greeting) response.say(greeting);
  response.say(handling.voicemailGreeting);
  response.record({
    maxLength: 120,
    playBeep: true,
    transcribe: true,
    transcribeCallback: url('transcription'),
    ...recordingCallbacks(url),
  });
  response.hangup();
  return response.toString();
}

export function reject(): string {
  const response = new (twilioSdk().twiml.VoiceResponse)();
  response.reject({ reason: 'rejected' });
  return response.toString();
}

export function hangUp(): string {
  const response = new (twilioSdk().twiml.VoiceResponse)();
  response.hangup();
  return response.toString();
}

/** Click-to-call: the member answered their own phone; now ring the customer from the office number. */
export function bridge(handling: CallHandling, url: HookUrl, to: string, officeNumber: string): string {
  const response = new (twilioSdk().twiml.VoiceResponse)();
  if (handling.recordCalls) response.say(handling.recordingAnnouncement);
  response.dial(
    {
      callerId: officeNumber,
      action: url('dial', { bridge: '1' }),
      method: 'POST',
      timeout: handling.ringSeconds,
      ...(handling.recordCalls ? { record: 'record-from-answer-dual' as const, ...recordingCallbacks(url) } : {}),
    },
    to,
  );
  return response.toString();
}

/** The answer to a text: HELP gets the configured reply; anything else gets none. */
export function textReply(reply: string | null): string {
  const response = new (twilioSdk().twiml.MessagingResponse)();
  if (reply) response.message(reply);
  return response.toString();
}
