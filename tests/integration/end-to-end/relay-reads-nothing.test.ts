import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRelayDatabase, type RelayDatabase, type RelayDb } from '../../../src-relay/db/open';
import { createRelay, type Relay } from '../../../src-relay/server';
import type { TempCore } from '../../helpers/temp-core';
import { startTeam } from '../../helpers/workspace-team';
import { startPostgresCluster, type PostgresCluster } from '../../relay/helpers/postgres-cluster';
import { S3BlobStore } from '../../../src-relay/blobs/s3-store';
import { startS3rver, type TestS3 } from '../../support/s3rver';
import { eventually } from '../files/team-harness';
import { secretBox } from '../../../src-relay/telephony/secret-box';
import { callIdForCallSid, textIdForMessageSid } from '../../../src-shared/domain/telephony';
import { TwilioApi } from '../../support/twilio-api';
import { postTwilioWebhook } from '../../support/twilio-webhook';

// A relay on a server the office does not control must hold nothing it could read: after two
// laptops have synced contacts, notes and calls, and the relay itself has written a website
// enquiry, an intake API lead, and a call (with its voicemail's transcript) and a text that came
// in on the phone line through Twilio's webhooks, every row of every table of its database is read
// back, and none of the people's names, numbers, e-mail addresses, tags or notes is in it (nor
// the unkeyed hash earlier versions named a number's or an address's row by, which would let the
// relay confirm a guessed number by hashing it); nor is any of
// an attached file's content (or even its plain SHA-256) in the database or in the S3 bucket
// (s3rver) the relay keeps files in. The laptops still read it all: the second laptop sees the
// first one's contact as it was typed and opens the file. Run on the embedded PGlite and on a real
// PostgreSQL.

/** Every row of every table of the relay's database, as text. */
async function everythingTheRelayStores(db: RelayDb): Promise<string> {
  // PGlite and node-postgres both answer with `rows`.
  const rowsOf = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as { rows: T[] }).rows;
  const tables = await rowsOf<{ table_name: string }>(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  const dumps: string[] = [];
  for (const { table_name: table } of tables) {
    const rows = await rowsOf<{ row: string }>(sql`SELECT row_to_json(t)::text AS row FROM ${sql.identifier(table)} t`);
    dumps.push(...rows.map((row) => `${table}: ${row.row}`));
  }
  return dumps.join('\n');
}

const secrets = {
  contactName: 'Philippa Quennell-Hargreaves',
  contactPhone: '020 7946 0958',
  contactPhoneDigits: '2079460958',
  contactEmail: 'philippa.quennell@example.com',
  company: 'Hargreaves Bakery',
  note: 'Boiler whistles when the bathroom tap runs',
  callNote: 'Asked about a Vaillant ecoTEC for the bakery',
  formName: 'Zebedee Marchbanks',
  formEmail: 'zebedee.marchbanks@example.org',
  formMessage: 'Our radiators upstairs stay cold',
  intakeName: 'Ottoline Featherstonehaugh',
  intakeEmail: 'ottoline@example.net',
  intakeNote: 'Wants a quote for underfloor heating',
  fileText: 'Site survey: asbestos lagging on the cellar pipes, key safe code 8812',
  callerNumber: '+447700900468',
  callerDigits: '7700900468',
  transcript: 'Hello, this is Wilhelmina, the combi boiler shows error F28',
  tag: 'Gas safety overdue',
  otherTag: 'Tenanted flat',
  texterNumber: '+447700900735',
  textBody: 'Can the engineer come before the school run on Thursday',
};

const officeNumber = '+442079460000';
const hexSid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

/** Every byte of every file under `dir` (s3rver keeps objects and their metadata as files). */
function everythingUnder(dir: string): Buffer {
  const files = fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  return Buffer.concat(files.flatMap((file) => [Buffer.from(file), fs.readFileSync(file)]));
}

describe.each(['PGlite', 'PostgreSQL'] as const)('the relay on %s', (engine) => {
  let cluster: PostgresCluster | undefined;
  let database: RelayDatabase;
  let relay: Relay;
  let bucket: TestS3;
  let admin: TempCore;
  let teammate: TempCore;
  let twilioApi: TwilioApi;

  beforeAll(async () => {
    twilioApi = await new TwilioApi().start();
    twilioApi.addNumber(officeNumber);
    if (engine === 'PostgreSQL') cluster = await startPostgresCluster();
    database = await openRelayDatabase(cluster ? { databaseUrl: cluster.url } : { dataDir: null });
    bucket = await startS3rver();
    const store = new S3BlobStore({ bucket: bucket.bucket, endpoint: bucket.endpoint, region: bucket.region, forcePathStyle: true, credentials: bucket.credentials });
    relay = await createRelay({
      database,
      port: 0,
      logger: () => {},
      rateLimit: { perSecond: 1e6, burst: 1e6 },
      blobs: { store },
      telephony: { secretBox: secretBox(randomBytes(32), 'test key'), twilioHttpClient: twilioApi.httpClient(), twilioAutoRetry: false, catchUpIntervalMs: 0 },
    });
    ({ admin, teammate } = await startTeam(relay.url));
  }, 180_000);

  afterAll(async () => {
    admin?.dispose();
    teammate?.dispose();
    await relay?.close();
    await bucket?.stop();
    await database?.close();
    await cluster?.stop();
    await twilioApi?.stop();
  }, 60_000);

  it('stores none of the contacts, notes, calls, files, enquiries or intake leads it carries in a form it can read', async () => {
    const contact = await admin.call('contacts.create', {
      draft: {
        name: secrets.contactName,
        company: secrets.company,
        phones: [{ type: 'mobile', number: secrets.contactPhone }],
        emails: [{ type: 'work', address: secrets.contactEmail }],
        tags: [secrets.tag, secrets.otherTag],
      },
    });
    // Editing a number and an address written with the contact writes the rows that stand for them.
    await admin.call('contacts.update', {
      id: contact.id,
      patch: { phones: [{ type: 'work', number: secrets.contactPhone }], emails: [{ type: 'personal', address: secrets.contactEmail }] },
    });
    await admin.call('notes.create', { contactId: contact.id, body: secrets.note });
    // A survey of a few frames, its words repeating through them, with random bytes between.
    const survey = Buffer.concat(Array.from({ length: 40 }, () => [Buffer.from(`${secrets.fileText}\n`), randomBytes(4000)]).flat());
    const staged = await admin.files.stage(Readable.from([survey]), 'survey.txt');
    const file = await admin.call('files.add', { contactId: contact.id, uploadId: staged.uploadId, name: 'survey.txt', mimeType: 'text/plain', category: 'document' });
    await admin.call('calls.log', {
      direction: 'inbound',
      number: secrets.contactPhone,
      startedAt: Date.now() - 60_000,
      durationSeconds: 95,
      disposition: 'quote needed',
      notes: secrets.callNote,
      contactId: contact.id,
    });

    const { form } = await admin.call('webForm.setUp', {});
    const enquiry = await fetch(form!.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: secrets.formName, email: secrets.formEmail, message: secrets.formMessage }).toString(),
    });
    expect(enquiry.status).toBe(200);

    const { secret: apiKey } = await admin.call('apiKeys.create', { name: 'Booking page' });
    const intake = await fetch(`${relay.url}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ name: secrets.intakeName, email: secrets.intakeEmail, note: secrets.intakeNote }),
    });
    expect(intake.status).toBe(201);

    // The phone line: a call that goes to voicemail (with Twilio's transcript) and a text.
    const { workspace, you } = await admin.call('sync.workspace', {});
    await admin.call('phone.saveSettings', {
      accountSid: twilioApi.accountSid,
      authToken: twilioApi.authToken,
      officeNumbers: [officeNumber],
      publicUrl: relay.url,
      handling: { ringTargets: [{ memberId: you.memberId, name: 'Ann', mobile: '+447700900001' }] },
    });
    const twilioTarget = { workspaceId: workspace.id, authToken: twilioApi.authToken };
    const callSid = hexSid('CA');
    const callParams = { AccountSid: twilioApi.accountSid, ApiVersion: '2010-04-01', CallSid: callSid, Direction: 'inbound', From: secrets.callerNumber, To: officeNumber };
    expect((await postTwilioWebhook(relay.url, twilioTarget, 'voice', { ...callParams, CallStatus: 'ringing' })).status).toBe(200);
    expect((await postTwilioWebhook(relay.url, twilioTarget, 'dial', { ...callParams, CallStatus: 'in-progress', DialCallStatus: 'no-answer' }, { attempt: '0' })).status).toBe(200);
    expect((await postTwilioWebhook(relay.url, twilioTarget, 'transcription', { ...callParams, TranscriptionStatus: 'completed', TranscriptionText: secrets.transcript })).status).toBe(200);
    expect((await postTwilioWebhook(relay.url, twilioTarget, 'call-status', { ...callParams, CallStatus: 'completed', CallDuration: '40' })).status).toBe(200);
    const messageSid = hexSid('SM');
    const text = { AccountSid: twilioApi.accountSid, MessageSid: messageSid, From: secrets.texterNumber, To: officeNumber, Body: secrets.textBody };
    expect((await postTwilioWebhook(relay.url, twilioTarget, 'sms', text)).status).toBe(200);

    await eventually(async () => {
      const pushed = await admin.call('sync.now', {});
      return pushed.pendingUploads === 0 && pushed.pendingChanges === 0;
    }, 'the file and every change are at the relay');
    const status = await teammate.call('sync.now', {});
    expect(status).toMatchObject({ state: 'synced', keyEpoch: 1, setAsideChanges: 0 });

    // The laptops read everything: the teammate's laptop shows what the admin typed and what the relay wrote.
    expect(await teammate.call('contacts.get', { id: contact.id })).toMatchObject({
      name: secrets.contactName,
      company: secrets.company,
      phones: [{ type: 'work', e164: '+442079460958' }],
      emails: [{ type: 'personal', address: secrets.contactEmail }],
      tags: expect.arrayContaining([secrets.tag, secrets.otherTag]),
    });
    expect((await teammate.call('contacts.get', { id: contact.id })).tags).toHaveLength(2);
    expect((await teammate.call('notes.list', { contactId: contact.id })).map((note) => note.body)).toEqual([secrets.note]);
    const team = await teammate.call('contacts.list', { query: '', filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 50 });
    expect(team.items.map((item) => item.name)).toEqual(expect.arrayContaining([secrets.contactName, secrets.formName, secrets.intakeName]));

    const fetched = await teammate.call('files.fetch', { id: file.id });
    expect(teammate.files.open(fetched.sha256)?.bytes().equals(survey)).toBe(true);

    const inBucket = everythingUnder(bucket.directory);
    const objects = fs.readdirSync(bucket.directory, { recursive: true }).map(String).filter((name) => name.endsWith('._S3rver_object'));
    expect(objects).toHaveLength(1);
    const plainSha256 = createHash('sha256').update(survey).digest('hex');
    for (const text of [secrets.fileText, plainSha256, survey.subarray(100, 4100).toString('base64')]) {
      expect(inBucket.includes(text), `the bucket holds ${text.slice(0, 24)}…`).toBe(false);
    }
    expect(inBucket.includes(survey.subarray(200, 264)), 'the bucket holds bytes of the file').toBe(false);

    // The call and the text open on the laptops, number, transcript and words as Twilio gave them.
    expect(await teammate.call('calls.get', { id: callIdForCallSid(callSid) })).toMatchObject({ number: secrets.callerNumber, transcript: secrets.transcript, status: 'no-answer' });
    const thread = await teammate.call('texts.thread', { number: secrets.texterNumber });
    expect(thread.texts.find((message) => message.id === textIdForMessageSid(messageSid))).toMatchObject({ body: secrets.textBody });

    const stored = await everythingTheRelayStores(database.db);
    expect(stored.includes(plainSha256), "the relay's database holds the file's plain SHA-256").toBe(false);
    for (const [list, value] of [['phones', '+442079460958'], ['emails', secrets.contactEmail]] as const) {
      const unkeyed = createHash('sha256').update(`${list}\n${value}`).digest('hex').slice(0, 24);
      expect(stored.includes(unkeyed), `the relay's database holds the unkeyed hash of the ${list} entry`).toBe(false);
    }
    expect(stored).toContain('\\u0001e1:'); // what the laptops sealed is there, sealed
    expect(stored).toContain('\\u0001s1:'); // and what the relay wrote, sealed to the workspace's key
    for (const [what, text] of Object.entries(secrets)) {
      expect(stored.toLowerCase().includes(text.toLowerCase()), `the relay's database holds the ${what}`).toBe(false);
    }
    // Rows of the number and the address are there, under ids the relay cannot recompute.
    expect(stored).toContain(`"${contact.id}:=`);
  }, 240_000);
});
