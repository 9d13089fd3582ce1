import type twilio from 'twilio';

// The twilio package is loaded the first time a phone line needs it (a webhook, a device route, a
// catch-up of a workspace that has a line), not when the relay starts: it holds ~22 MB that a
// relay without a phone line would carry for nothing (BENCHMARKS.md, "The relay on a small server").
// createTelephony (index.ts) awaits loadTwilio() before every telephony route and catch-up, so the
// synchronous helpers below it (call-flow.ts, webhook-request.ts, twilio-gateway.ts) can use twilioSdk().

type TwilioSdk = typeof twilio;

let loaded: TwilioSdk | undefined;
let loading: Promise<TwilioSdk> | undefined;

export function loadTwilio(): Promise<TwilioSdk> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import('twilio').then((module) => (loaded = module.default));
  return loading;
}

/** The loaded package; a programming error (not a user's) when loadTwilio() was not awaited first. */
export function twilioSdk(): TwilioSdk {
  if (!loaded) throw new Error('The twilio package is used before loadTwilio() finished (src-relay/telephony/twilio-sdk.ts).');
  return loaded;
}
