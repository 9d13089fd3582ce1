import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sid } from '../../support/twilio-api';
import { officeNumber, openOffice, voiceParams, type Office } from './office';

// A script joins the workspace with the real `fieldbook` bin (a child process), syncs, and reads
// the call history the phone line wrote, as JSON with the call list's filters.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin', 'fieldbook.mjs');
let office: Office;
let work: string;

function fieldbook(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { FIELDBOOK_DATA_DIR: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args, '--data-dir', path.join(work, 'data')], { cwd: work, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  office = await openOffice();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-phone-cli-'));
}, 180_000);

afterAll(async () => {
  await office?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('fieldbook sync and calls', { timeout: 180_000 }, () => {
  it('joins a workspace, syncs, and lists the phone line’s calls as JSON with filters', async () => {
    const [admin] = office.laptops;
    const { inviteCode } = await admin!.call('sync.invite', {});
    const joined = await fieldbook('sync', 'join', '--relay', office.relay.url, '--code', inviteCode, '--name', 'Script', '--json');
    expect(joined.code).toBe(0);
    expect(JSON.parse(joined.stdout)).toMatchObject({ state: 'synced', workspaceName: 'Whitfield Plumbing', memberName: 'Script', role: 'member' });

    const inbound = sid('CA');
    const missed = sid('CA');
    await office.webhook('voice', voiceParams(inbound, { From: '+447700900101', To: officeNumber, CallStatus: 'ringing' }));
    await office.webhook('dial', voiceParams(inbound, { CallStatus: 'in-progress', DialCallStatus: 'completed', DialCallDuration: '42' }), { attempt: '0' });
    await office.webhook('call-status', voiceParams(inbound, { CallStatus: 'completed' }));
    await office.webhook('voice', voiceParams(missed, { From: '+447700900102', To: officeNumber, CallStatus: 'ringing' }));
    await office.webhook('dial', voiceParams(missed, { CallStatus: 'in-progress', DialCallStatus: 'busy' }), { attempt: '0' });

    const synced = await fieldbook('sync', 'now', '--json');
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.stdout).state).toBe('synced');

    const all = JSON.parse((await fieldbook('calls', 'list', '--json', '--provider', 'twilio')).stdout);
    expect(all.total).toBe(2);
    const unanswered = JSON.parse((await fieldbook('calls', 'list', '--json', '--unanswered')).stdout);
    expect(unanswered.items.map((call: { providerId: string }) => call.providerId)).toEqual([missed]);
    expect(unanswered.items[0]).toMatchObject({ status: 'busy', disposition: 'no answer', number: '+447700900102' });

    const status = await fieldbook('sync', 'status');
    expect(status.stdout).toContain('Workspace "Whitfield Plumbing"');
    const bad = await fieldbook('calls', 'list', '--sentiment', 'angry');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--sentiment must be one of positive, neutral, negative');
  });
});
