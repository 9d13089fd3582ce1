// Child process for the crash test: a relay on the given PGlite folder, its Twilio REST API at
// the parent's local server, importing the call history until the parent kills it with SIGKILL.
import { openRelayDatabase } from '../../../src-relay/db/open';
import { createRelay } from '../../../src-relay/server';
import { secretBox } from '../../../src-relay/telephony/secret-box';
import { localTwilioClient } from '../../support/twilio-api';

const [dataDir, apiUrl, secretKey, token, since] = process.argv.slice(2);
if (!dataDir || !apiUrl || !secretKey || !token || !since) throw new Error('usage: catch-up-child DATA_DIR API_URL KEY TOKEN SINCE');
const database = await openRelayDatabase({ dataDir });
const relay = await createRelay({
  database,
  logger: () => {},
  telephony: { secretBox: secretBox(Buffer.from(secretKey, 'base64'), 'test key'), twilioHttpClient: localTwilioClient(() => apiUrl), twilioAutoRetry: false, catchUpIntervalMs: 0 },
});
process.stdout.write('importing\n');
const response = await fetch(`${relay.url}/v1/telephony/import`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ since: Number(since), pageSize: 100 }),
});
process.stdout.write(`finished ${response.status}\n`);
await relay.close();
await database.close();
