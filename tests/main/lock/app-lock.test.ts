import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { testPassphrase } from '../../../src-main/security/key-source';
import { keyFilePath } from '../../../src-main/security/key-file';
import type { LockStatus } from '../../../src-shared/ipc/lock';
import { ContactDraftSchema } from '../../../src-shared/domain/contact';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// The app lock is the core's, not the screen's: while locked, every channel but the lock's own
// answers `locked` over IPC and HTTP alike, file bytes are not served, and no event naming a
// customer leaves the core.

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A clock the test can move forward, for the wait after wrong tries. */
function movableClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => (offset += ms) };
}

function tempCore(options: Parameters<typeof createTempCore>[0] = {}): TempCore {
  const core = createTempCore(options);
  cleanups.push(() => core.dispose());
  return core;
}

async function startedHost(core: TempCore): Promise<RunningHost> {
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-lock-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  const host = await startHost({ core, port: 0, rendererDir });
  cleanups.push(async () => {
    await host.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  });
  return host;
}

function get(host: RunningHost, pathname: string, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: host.port, method, path: pathname, headers: { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${host.token}` } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('the app lock', () => {
  it('is off by default and refuses nothing', async () => {
    const core = tempCore();
    expect(await core.call('lock.status', {})).toMatchObject({ locked: false, idleMinutes: null, passphrase: true });
    await core.call('contacts.create', { draft: { name: 'Ann Example' } });
  });

  it('refuses every channel but status and unlock while locked, over IPC and the browser host alike', async () => {
    const core = tempCore({ shell: 'browser' });
    const host = await startedHost(core);
    const contact = await core.call('contacts.create', { draft: { name: 'Ann Example' } });
    const staged = await get(host, '/files/upload?name=note.txt', 'POST', 'hello');
    const { sha256, uploadId } = (JSON.parse(staged.body) as { data: { sha256: string; uploadId: string } }).data;
    await core.call('files.add', { contactId: contact.id, uploadId, name: 'note.txt' });

    await core.call('lock.configure', { idleMinutes: 15 });
    const events: string[] = [];
    core.onAny((name) => events.push(name));
    expect((await core.call('lock.lockNow', {})).locked).toBe(true);

    for (const [channel, input] of [
      ['contacts.list', {}],
      ['contacts.get', { id: contact.id }],
      ['settings.get', {}],
      ['lock.configure', { idleMinutes: null }],
      ['app.info', {}],
    ] as const) {
      const answer = await core.invoke(channel, input);
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
    const overHttp = JSON.parse((await get(host, '/rpc/contacts.list', 'POST', '{}')).body) as { ok: boolean; error: { code: string } };
    expect(overHttp).toMatchObject({ ok: false, error: { code: 'locked' } });
    const file = await get(host, `/files/${sha256}`);
    expect(file.status).toBe(423);
    expect(file.body).not.toContain('hello');
    expect((await get(host, '/files/upload?name=x.txt', 'POST', 'x')).status).toBe(423);

    // A change while locked (as sync would bring) tells the renderer nothing.
    core.contacts.create(ContactDraftSchema.parse({ name: 'Bob Example' }));
    expect(events.filter((name) => name !== 'lock.changed' && name !== 'sync.status')).toEqual([]);

    expect(await core.call('lock.status', {})).toMatchObject({ locked: true });
    await core.call('lock.unlock', { passphrase: testPassphrase });
    expect((await core.call('contacts.list', {})).total).toBe(2);
    expect((await get(host, `/files/${sha256}`)).body).toBe('hello');
  });

  it('refuses a wrong passphrase, changing nothing, and makes tries wait after three wrong ones', async () => {
    const clock = movableClock();
    const core = tempCore({ now: clock.now });
    await core.call('lock.configure', { idleMinutes: 5 });
    await core.call('lock.lockNow', {});
    const keyFileBefore = fs.readFileSync(keyFilePath(core.dataDir), 'utf8');

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const answer = await core.invoke('lock.unlock', { passphrase: `wrong guess ${attempt}` });
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'passphrase', message: expect.stringContaining('not right') } });
    }
    // The third wrong try starts a wait: even the right passphrase is not checked until it passes.
    const waiting = await core.invoke('lock.unlock', { passphrase: testPassphrase });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Wait 1 seconds') } });
    expect((await core.call('lock.status', {})).retryInMs).toBeGreaterThan(0);
    expect(fs.readFileSync(keyFilePath(core.dataDir), 'utf8')).toBe(keyFileBefore);

    clock.advance(1000);
    const status = await core.call('lock.unlock', { passphrase: testPassphrase });
    expect(status).toMatchObject({ locked: false, retryInMs: 0 });
  });

  it('locks after the idle time without input, and input keeps it open', async () => {
    const core = tempCore({ lock: { minuteMs: 40 } });
    const changes: LockStatus[] = [];
    core.on('lock.changed', (status) => changes.push(status));
    await core.call('lock.configure', { idleMinutes: 5 });
    // 5 "minutes" of 40 ms: 200 ms. Activity every 50 ms for 400 ms keeps it open.
    for (let tick = 0; tick < 8; tick += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await core.call('lock.activity', {});
    }
    expect((await core.call('lock.status', {})).locked).toBe(false);
    await expect.poll(async () => (await core.call('lock.status', {})).locked, { timeout: 2000, interval: 50 }).toBe(true);
    expect(changes.at(-1)).toMatchObject({ locked: true });
  });

  it('starts locked when the lock is on', async () => {
    const first = createTempCore();
    await first.call('lock.configure', { idleMinutes: 60 });
    first.close();
    const again = tempCore({ dataDir: first.dataDir });
    expect(await again.invoke('contacts.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    await again.call('lock.unlock', { passphrase: testPassphrase });
    expect((await again.call('contacts.list', {})).total).toBe(0);
  });

  it('cannot be turned on where nothing could unlock it (a folder sealed by the keychain alone)', async () => {
    const core = tempCore();
    fs.writeFileSync(keyFilePath(core.dataDir), JSON.stringify({ format: 'fieldbook-database-key', version: 1, seals: [{ by: 'os-keychain', sealed: 'x' }] }));
    expect(await core.invoke('lock.configure', { idleMinutes: 5 })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('no passphrase') } });
    expect(await core.invoke('lock.lockNow', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await core.call('lock.status', {})).locked).toBe(false);
  });

  it("unlocks with the operating system's own unlock where the shell offers one", async () => {
    let answer = false;
    const core = tempCore({ lock: { osUnlock: { label: 'Touch ID', prompt: () => Promise.resolve(answer) } } });
    await core.call('lock.configure', { idleMinutes: 1 });
    await core.call('lock.lockNow', {});
    expect(await core.invoke('lock.unlock', { useOs: true })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Touch ID') } });
    answer = true;
    expect(await core.call('lock.unlock', { useOs: true })).toMatchObject({ locked: false, osUnlock: 'Touch ID' });
  });
});
