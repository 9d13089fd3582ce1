import { TwimlResponseSchema, type IncomingCallMessage, type TwilioWebhook } from '../../src-shared/sync/telephony';
import { notFound, RawResponse } from '../http';
import type { Route, RouteContext } from '../routes/types';
import type { PhoneAccount } from './accounts';
import { callRowId, type CallFacts } from './call-facts';
import { bridge, hangUp, hookUrlFor, isOpen, reject, ringPhones, voicemail, type HookUrl } from './call-flow';
import { recordCallFacts, recordChildLeg } from './call-store';
import type { Telephony } from './context';
import { copyRecording } from './recordings';
import {
  DialParamsSchema,
  readForm,
  RecordingParamsSchema,
  TranscriptionParamsSchema,
  verifySignature,
  VoiceParamsSchema,
  webhookParams,
} from './webhook-request';

// Twilio's voice webhooks. Each is signed (else 403, nothing changes), idempotent by CallSid
// (facts merge forward, so a retried, repeated or late callback writes nothing new), and answers
// TwiML. The incoming-call webhook also announces the call live to every laptop of the workspace.

export interface HookInput {
  account: PhoneAccount;
  params: Record<string, string>;
  query: URLSearchParams;
  url: HookUrl;
}

/** A signed Twilio webhook of a workspace, answering TwiML (or XML Twilio ignores). */
export function twilioHook(t: Telephony, hook: TwilioWebhook, handle: (input: HookInput) => Promise<string>): Route {
  return {
    method: 'POST',
    path: `/twilio/:workspaceId/${hook}`,
    response: TwimlResponseSchema,
    access: 'public',
    rateLimited: false,
    async handle(context: RouteContext) {
      const workspaceId = context.params.workspaceId!;
      const params = await readForm(context.request);
      const account = await t.accounts.load(workspaceId);
      if (!account) throw notFound('This workspace has no phone line on this relay.');
      verifySignature(account, context.request, params);
      const twiml = await handle({ account, params, query: context.query, url: hookUrlFor(account.publicUrl, workspaceId) });
      return new RawResponse('text/xml; charset=utf-8', twiml);
    },
  };
}

const emptyResponse = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export function voiceHooks(t: Telephony): Route[] {
  const record = (account: PhoneAccount, callSid: string, facts: CallFacts) =>
    t.author.transaction(account.workspaceId, async (tx, append) => {
      const recorded = await recordCallFacts(tx, append, account.workspaceId, [{ callSid, facts }], t.now());
      return recorded.get(callSid)!;
    });

  return [
    twilioHook(t, 'voice', async ({ account, params, url }) => {
      const call = webhookParams(VoiceParamsSchema, params);
      const handling = account.handling;
      const at = t.now();
      const blocked = handling.blockedNumbers.includes(call.From);
      const open = isOpen(handling, at);
      const voicemailOnly = !blocked && (!open || handling.ringTargets.length === 0);
      // The laptops hear of the call first; a retried webhook announces it again, which they
      // recognise by its call id.
      if (!blocked) {
        const message: IncomingCallMessage = {
          type: 'call.incoming',
          callId: callRowId(call.CallSid),
          callSid: call.CallSid,
          from: call.From,
          to: call.To,
          at,
          autoCreateContact: handling.autoCreateContacts,
        };
        await t.author.announce(account.workspaceId, message);
      }
      await record(account, call.CallSid, { direction: 'inbound', otherNumber: call.From, officeNumber: call.To, startedAt: at, legStatus: call.CallStatus, blocked, voicemailOnly });
      if (blocked) return reject();
      if (voicemailOnly) return voicemail(handling, url, handling.greeting || undefined);
      return ringPhones(handling, url, 0, true);
    }),

    twilioHook(t, 'dial', async ({ account, params, query, url }) => {
      const dial = webhookParams(DialParamsSchema, params);
      const handling = account.handling;
      const answered = dial.DialCallStatus === 'completed' || dial.DialCallStatus === 'answered';
      const callerOn = dial.CallStatus === 'in-progress';
      const attempt = Number(query.get('attempt') ?? '0');
      const isBridge = query.get('bridge') === '1';
      const nextPhone = !isBridge && handling.ringMode === 'in_order' && attempt + 1 < handling.ringTargets.length;
      if (!answered && callerOn && nextPhone) return ringPhones(handling, url, attempt + 1, false);
      const facts: CallFacts = answered
        ? { dialStatus: 'completed', answered: true, talkSeconds: dial.DialCallDuration ?? 0 }
        : { dialStatus: dial.DialCallStatus, dialEndedWhileCallerOn: callerOn };
      await record(account, dial.CallSid, facts);
      if (answered || !callerOn || isBridge) return hangUp();
      return voicemail(handling, url);
    }),

    twilioHook(t, 'call-status', async ({ account, params }) => {
      const leg = webhookParams(VoiceParamsSchema, params);
      if (leg.ParentCallSid) {
        const parentCallSid = leg.ParentCallSid;
        await t.author.transaction(account.workspaceId, (tx, append) =>
          recordChildLeg(
            tx,
            append,
            account.workspaceId,
            { callSid: leg.CallSid, parentCallSid, status: leg.CallStatus, ...(leg.CallDuration !== undefined ? { durationSeconds: leg.CallDuration } : {}) },
            t.now(),
          ),
        );
      } else {
        await record(account, leg.CallSid, { legStatus: leg.CallStatus, ...(leg.CallDuration !== undefined ? { legDuration: leg.CallDuration } : {}) });
      }
      return emptyResponse;
    }),

    twilioHook(t, 'recording', async ({ account, params }) => {
      const recording = webhookParams(RecordingParamsSchema, params);
      if (recording.RecordingStatus !== 'completed') return emptyResponse;
      const stored = await copyRecording(t, account, recording.RecordingSid, recording.CallSid);
      await record(account, recording.CallSid, { recordingSha256: stored.sha256, recordingSeconds: recording.RecordingDuration ?? 0 });
      return emptyResponse;
    }),

    twilioHook(t, 'transcription', async ({ account, params }) => {
      const transcription = webhookParams(TranscriptionParamsSchema, params);
      if (transcription.TranscriptionStatus === 'completed' && transcription.TranscriptionText.trim()) {
        await record(account, transcription.CallSid, { transcript: transcription.TranscriptionText.trim() });
      }
      return emptyResponse;
    }),

    // Click-to-call: Twilio fetches this when the member picks up their own phone.
    twilioHook(t, 'bridge', async ({ account, params, query, url }) => {
      const leg = webhookParams(VoiceParamsSchema, params);
      const to = query.get('to') ?? '';
      const from = query.get('from') ?? account.officeNumbers[0] ?? '';
      await record(account, leg.CallSid, { legStatus: leg.CallStatus });
      return bridge(account.handling, url, to, from);
    }),
  ];
}
