import {
  ClickToCallRequestSchema,
  ImportHistoryRequestSchema,
  SaveSettingsRequestSchema,
  telephonyRoutes,
} from '../../src-shared/sync/telephony';
import { forbidden, invalidInput, notFound, parseInput, RawResponse, RelayHttpError } from '../http';
import type { AuthedContext, Route } from '../routes/types';
import { webhookUrls, type PhoneAccount } from './accounts';
import { callRowId } from './call-facts';
import { hookUrlFor } from './call-flow';
import { recordCallFacts } from './call-store';
import { catchUpCalls } from './catch-up';
import type { Telephony } from './context';
import { sendText } from './texts';
import { TwilioProblem } from './twilio-gateway';

// The phone line's routes for devices: settings (admins change them; everyone sees them without
// secrets), the "Test" and "Configure the number" buttons, importing call history, calling and
// texting a customer, and fetching a recording. Paths: src-shared/sync/telephony.ts.

const twilioRefused = (error: unknown) =>
  error instanceof TwilioProblem ? new RelayHttpError(error.status === 401 ? 400 : 503, error.status === 401 ? 'invalid_input' : 'internal', error.message) : error;

export function deviceRoutes(t: Telephony): Route[] {
  const requireAccount = async (context: AuthedContext): Promise<PhoneAccount> => {
    const account = await t.accounts.load(context.caller.workspaceId);
    if (!account) throw notFound('The phone line is not set up yet: an admin connects Twilio in Settings → Phone.');
    return account;
  };

  return [
    {
      ...telephonyRoutes.settings,
      access: 'device',
      async handle({ caller }) {
        return t.accounts.view(caller.workspaceId, await t.accounts.load(caller.workspaceId));
      },
    },
    {
      ...telephonyRoutes.saveSettings,
      access: 'admin',
      async handle({ caller, body }) {
        const input = parseInput(SaveSettingsRequestSchema, await body());
        const account = await t.accounts.save(caller.workspaceId, input);
        return t.accounts.view(caller.workspaceId, account);
      },
    },
    {
      ...telephonyRoutes.test,
      access: 'admin',
      async handle(context) {
        await context.body();
        return t.gateway(await requireAccount(context)).test();
      },
    },
    {
      ...telephonyRoutes.configureNumbers,
      access: 'admin',
      async handle(context) {
        await context.body();
        const account = await requireAccount(context);
        const gateway = t.gateway(account);
        const urls = webhookUrls(account.publicUrl, account.workspaceId);
        const numbers = [];
        for (const number of account.officeNumbers) {
          try {
            await gateway.configureNumber(number, urls);
            numbers.push({ number, ok: true, message: `${number} now sends its calls and texts to this relay.` });
          } catch (error) {
            numbers.push({ number, ok: false, message: error instanceof Error ? error.message : String(error) });
          }
        }
        if (numbers.every((entry) => entry.ok)) await t.accounts.markWebhooksConfigured(account.workspaceId);
        return { numbers };
      },
    },
    {
      ...telephonyRoutes.importHistory,
      access: 'admin',
      async handle(context) {
        const input = parseInput(ImportHistoryRequestSchema, await context.body());
        const account = await requireAccount(context);
        const since = input.since ?? t.now() - 90 * 24 * 60 * 60 * 1000;
        try {
          return await catchUpCalls(t, account, { since, pageSize: input.pageSize });
        } catch (error) {
          throw twilioRefused(error);
        }
      },
    },
    {
      ...telephonyRoutes.call,
      access: 'writer',
      async handle(context) {
        const input = parseInput(ClickToCallRequestSchema, await context.body());
        const account = await requireAccount(context);
        const handling = account.handling;
        if (handling.blockedNumbers.includes(input.to)) throw forbidden(`${input.to} is blocked in Settings → Phone; the call was not made.`);
        const own = handling.ringTargets.find((target) => target.memberId === context.caller.memberId);
        if (!own) throw invalidInput('Fieldbook rings your own phone first: an admin adds your mobile under Settings → Phone → Who answers.');
        const from = account.officeNumbers[0]!;
        const url = hookUrlFor(account.publicUrl, account.workspaceId);
        let created;
        try {
          created = await t.gateway(account).createCall({ to: own.mobile, from, url: url('bridge', { to: input.to, from }), statusCallback: url('call-status') });
        } catch (error) {
          throw twilioRefused(error);
        }
        await t.author.transaction(account.workspaceId, (tx, append) =>
          recordCallFacts(
            tx,
            append,
            account.workspaceId,
            [
              {
                callSid: created.sid,
                facts: {
                  direction: 'outbound',
                  otherNumber: input.to,
                  officeNumber: from,
                  startedAt: t.now(),
                  legStatus: created.status,
                  calledBy: context.caller.memberName,
                  ...(input.contactId ? { contactId: input.contactId } : {}),
                },
              },
            ],
            t.now(),
          ),
        );
        return { callId: callRowId(created.sid), callSid: created.sid, ringing: own.mobile };
      },
    },
    {
      ...telephonyRoutes.text,
      access: 'writer',
      async handle(context) {
        return sendText(t, await requireAccount(context), context);
      },
    },
    {
      ...telephonyRoutes.recording,
      access: 'device',
      async handle({ caller, params }) {
        const sha256 = params.sha256 ?? '';
        if (!/^[0-9a-f]{64}$/.test(sha256)) throw invalidInput('Invalid sha256: not a SHA-256 in hex.');
        const recording = await t.recordings.open(caller.workspaceId, sha256);
        if (!recording) throw notFound('This workspace has no recording with that hash.');
        return new RawResponse(recording.mimeType, recording.bytes);
      },
    },
  ];
}
