import twilio from 'twilio';
import { twilioWebhookPath, type TwilioWebhook } from '../../src-shared/sync/telephony';

/** Posts a webhook as Twilio posts it: form-encoded, signed with the account's auth token over the relay's URL. */
export async function postTwilioWebhook(
  relayUrl: string,
  target: { workspaceId: string; authToken: string },
  hook: TwilioWebhook,
  params: Record<string, string>,
  query?: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const search = query ? `?${new URLSearchParams(query)}` : '';
  const pathAndQuery = `${twilioWebhookPath(target.workspaceId, hook)}${search}`;
  const signature = twilio.getExpectedTwilioSignature(target.authToken, `${relayUrl}${pathAndQuery}`, params);
  const response = await fetch(`${relayUrl}${pathAndQuery}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text() };
}
