import { and, eq } from 'drizzle-orm';
import { optOutIdForNumber, textIdForMessageSid, textKeyword } from '../../src-shared/domain/telephony';
import { SendTextRequestSchema } from '../../src-shared/sync/telephony';
import type { RelayTransaction } from '../db/open';
import { telephonyMessages, telephonyOptOuts } from '../db/schema';
import { forbidden, parseInput } from '../http';
import type { AuthedContext, Route } from '../routes/types';
import type { PhoneAccount } from './accounts';
import { hookUrlFor, textReply } from './call-flow';
import type { Telephony } from './context';
import type { AppendRows } from './relay-author';
import { twilioHook } from './voice-hooks';
import { SmsParamsSchema, SmsStatusParamsSchema, webhookParams } from './webhook-request';

// Texts: incoming ones (with STOP / START / HELP), delivery statuses, and sending for a laptop.
// A text is sent at most once per text id, however often a laptop asks; a number that texted
// STOP, or is blocked, gets no text at all.

const statusRank: Record<string, number> = { queued: 0, accepted: 1, sending: 1, sent: 2, delivered: 3, undelivered: 3, failed: 3, received: 3, read: 3 };
const rankOf = (status: string) => statusRank[status] ?? 0;
/** Twilio's accepted/queued mean the text is with Twilio: "sending" on the laptop. */
const laptopStatus = (status: string) => (status === 'queued' || status === 'accepted' || status === 'scheduled' ? 'sending' : status);

async function isOptedOut(tx: RelayTransaction, workspaceId: string, number: string): Promise<boolean> {
  const [row] = await tx
    .select({ optedOut: telephonyOptOuts.optedOut })
    .from(telephonyOptOuts)
    .where(and(eq(telephonyOptOuts.workspaceId, workspaceId), eq(telephonyOptOuts.number, number)));
  return row?.optedOut ?? false;
}

async function setOptOut(tx: RelayTransaction, append: AppendRows, workspaceId: string, number: string, optedOut: boolean, keyword: string, at: number) {
  await tx
    .insert(telephonyOptOuts)
    .values({ workspaceId, number, optedOut, changedAt: at })
    .onConflictDoUpdate({ target: [telephonyOptOuts.workspaceId, telephonyOptOuts.number], set: { optedOut, changedAt: at } });
  append([{ tableName: 'phone_opt_outs', rowId: optOutIdForNumber(number), fields: { number, opted_out: optedOut ? 1 : 0, keyword, changed_at: at } }]);
}

export function textHooks(t: Telephony): Route[] {
  return [
    twilioHook(t, 'sms', async ({ account, params }) => {
      const text = webhookParams(SmsParamsSchema, params);
      const keyword = textKeyword(text.Body);
      const textId = textIdForMessageSid(text.MessageSid);
      await t.author.transaction(account.workspaceId, async (tx, append) => {
        const at = t.now();
        const [fresh] = await tx
          .insert(telephonyMessages)
          .values({ workspaceId: account.workspaceId, textId, messageSid: text.MessageSid, status: 'received', updatedAt: at })
          .onConflictDoNothing()
          .returning({ textId: telephonyMessages.textId });
        if (!fresh) return;
        append([
          {
            tableName: 'texts',
            rowId: textId,
            fields: { direction: 'inbound', number: text.From, office_number: text.To, body: text.Body, status: 'received', provider_id: text.MessageSid, created_at: at, updated_at: at, cl: 1 },
          },
        ]);
        if (keyword === 'opt_out' || keyword === 'opt_in') await setOptOut(tx, append, account.workspaceId, text.From, keyword === 'opt_out', text.Body.trim().toUpperCase(), at);
      });
      // Twilio itself confirms STOP and START to the sender; HELP gets the office's own answer.
      return textReply(keyword === 'help' ? account.handling.helpReply : null);
    }),

    twilioHook(t, 'sms-status', async ({ account, params }) => {
      const update = webhookParams(SmsStatusParamsSchema, params);
      await t.author.transaction(account.workspaceId, async (tx, append) => {
        const [known] = await tx
          .select()
          .from(telephonyMessages)
          .where(and(eq(telephonyMessages.workspaceId, account.workspaceId), eq(telephonyMessages.messageSid, update.MessageSid)))
          .limit(1);
        // Unknown, or older than what is known (callbacks overtake each other): nothing to do.
        if (!known || rankOf(update.MessageStatus) <= rankOf(known.status)) return;
        await tx
          .update(telephonyMessages)
          .set({ status: update.MessageStatus, updatedAt: t.now() })
          .where(and(eq(telephonyMessages.workspaceId, account.workspaceId), eq(telephonyMessages.textId, known.textId)));
        const error = update.ErrorCode ? `Twilio error ${update.ErrorCode}` : '';
        append([{ tableName: 'texts', rowId: known.textId, fields: { status: laptopStatus(update.MessageStatus), error, updated_at: t.now() } }]);
      });
      return '<?xml version="1.0" encoding="UTF-8"?><Response/>';
    }),
  ];
}

/** POST /v1/telephony/texts: a laptop hands over a text it wrote (maybe offline) for sending. */
export async function sendText(t: Telephony, account: PhoneAccount, context: AuthedContext) {
  const input = parseInput(SendTextRequestSchema, await context.body());
  const workspaceId = account.workspaceId;
  if (account.handling.blockedNumbers.includes(input.to)) throw forbidden(`${input.to} is blocked in Settings → Phone; no text was sent.`);
  const claim = await t.author.transaction(workspaceId, async (tx) => {
    if (await isOptedOut(tx, workspaceId, input.to)) return { refused: true as const };
    const [claimed] = await tx
      .insert(telephonyMessages)
      .values({ workspaceId, textId: input.textId, status: 'sending', updatedAt: t.now() })
      .onConflictDoNothing()
      .returning({ textId: telephonyMessages.textId });
    if (claimed) return { refused: false as const, fresh: true as const };
    const [known] = await tx
      .select()
      .from(telephonyMessages)
      .where(and(eq(telephonyMessages.workspaceId, workspaceId), eq(telephonyMessages.textId, input.textId)));
    return { refused: false as const, fresh: false as const, known };
  });
  if (claim.refused) throw forbidden(`${input.to} texted STOP and has opted out of texts; no text was sent. They can text START to opt back in.`);
  if (!claim.fresh) return { textId: input.textId, messageSid: claim.known?.messageSid ?? '', status: laptopStatus(claim.known?.status ?? 'sending'), error: null };

  const from = account.officeNumbers[0]!;
  let sent: { sid: string; status: string } | undefined;
  let problem: string | null = null;
  try {
    sent = await t.gateway(account).createMessage({
      to: input.to,
      from,
      body: input.body,
      statusCallback: hookUrlFor(account.publicUrl, workspaceId)('sms-status'),
    });
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const status = sent ? laptopStatus(sent.status) : 'failed';
  await t.author.transaction(workspaceId, async (tx, append) => {
    await tx
      .update(telephonyMessages)
      .set({ messageSid: sent?.sid ?? null, status: sent?.status ?? 'failed', updatedAt: t.now() })
      .where(and(eq(telephonyMessages.workspaceId, workspaceId), eq(telephonyMessages.textId, input.textId)));
    append([
      {
        tableName: 'texts',
        rowId: input.textId,
        fields: { status, office_number: from, provider_id: sent?.sid ?? null, error: problem ?? '', updated_at: t.now() },
      },
    ]);
  });
  return { textId: input.textId, messageSid: sent?.sid ?? '', status, error: problem };
}
