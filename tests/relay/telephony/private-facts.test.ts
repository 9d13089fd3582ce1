import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callIdForCallSid } from '../../../src-shared/domain/telephony';
import { sid } from '../../support/twilio-api';
import { callParams, officeNumber, startPhoneRelay, type PhoneRelay } from './phone-relay';

// The caller's number and a voicemail's transcript reach the laptops in the call's row and are
// not kept in telephony_calls; what an earlier relay kept there is dropped by the migration, and
// the number, once stated, is not stated again by a later callback.

const caller = '+447700900555';
let phone: PhoneRelay;

beforeAll(async () => {
  phone = await startPhoneRelay();
}, 120_000);

afterAll(async () => {
  await phone?.close();
});

const storedLegs = async () =>
  ((await phone.testDb.database.db.execute(sql`SELECT call_sid, facts::text AS facts, written::text AS written FROM telephony_calls`)) as unknown as { rows: { call_sid: string; facts: string; written: string }[] }).rows;

describe('private call facts', () => {
  it('go to the laptops once and are not kept by the relay', async () => {
    const callSid = sid('CA');
    const params = (fields: Record<string, string>) => callParams(callSid, { From: caller, To: officeNumber, ...fields }, phone.api.accountSid);
    await phone.webhook('voice', params({ CallStatus: 'ringing' }));
    await phone.webhook('dial', params({ CallStatus: 'in-progress', DialCallStatus: 'no-answer' }), { query: { attempt: '0' } });
    await phone.webhook('transcription', params({ TranscriptionStatus: 'completed', TranscriptionText: 'Radiator in the hall is stone cold' }));
    // Retried by Twilio: the number is not stated a second time.
    await phone.webhook('voice', params({ CallStatus: 'ringing' }));

    const changes = (await phone.pull()).filter(({ change }) => change.rowId === callIdForCallSid(callSid));
    expect(changes.filter(({ change }) => 'number' in change.fields).map(({ change }) => change.fields.number)).toEqual([caller]);
    expect((await phone.rows('calls')).get(callIdForCallSid(callSid))).toMatchObject({ number: caller, transcript: 'Radiator in the hall is stone cold', status: 'no-answer' });

    const leg = (await storedLegs()).find((row) => row.call_sid === callSid)!;
    expect(leg.facts).not.toContain('7700900555');
    expect(leg.facts).not.toContain('Radiator');
    expect(leg.written).not.toContain('7700900555');
    expect(JSON.parse(leg.facts)).toMatchObject({ officeNumber, privateFactsHeard: expect.arrayContaining(['otherNumber', 'transcript']) });
  });

  it('kept by an earlier relay are dropped by the migration, which keeps that they were heard', async () => {
    const callSid = sid('CA');
    const { db } = phone.testDb.database;
    await db.execute(sql`INSERT INTO telephony_calls (workspace_id, call_sid, facts, written, updated_at)
      VALUES (${phone.admin.workspaceId}, ${callSid}, ${JSON.stringify({ direction: 'inbound', otherNumber: caller, officeNumber, transcript: 'Old words', legStatus: 'completed' })}::jsonb,
              ${JSON.stringify({ number: caller, transcript: 'Old words', status: 'completed', created_at: 1 })}::jsonb, 1)`);
    const migration = fs.readFileSync(path.join(__dirname, '../../../migrations/relay/0011_telephony_private_facts.sql'), 'utf8');
    await db.execute(sql.raw(migration));

    const leg = (await storedLegs()).find((row) => row.call_sid === callSid)!;
    const { privateFactsHeard, ...facts } = JSON.parse(leg.facts) as { privateFactsHeard: string[] };
    expect(facts).toEqual({ direction: 'inbound', officeNumber, legStatus: 'completed' });
    expect(privateFactsHeard.sort()).toEqual(['otherNumber', 'transcript']);
    expect(JSON.parse(leg.written)).toEqual({ status: 'completed', created_at: 1 });

    // A late callback of that call states no number again.
    const before = (await phone.pull()).length;
    await phone.webhook('voice', callParams(callSid, { From: caller, To: officeNumber, CallStatus: 'completed' }, phone.api.accountSid));
    const later = (await phone.pull()).slice(before).filter(({ change }) => change.rowId === callIdForCallSid(callSid));
    for (const { change } of later) expect(change.fields).not.toHaveProperty('number');
  });
});
