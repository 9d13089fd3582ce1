import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopChild } from '../support/stop-child';

// `npm run relay` runs the relay's build (dist/relay/main.mjs, through bin/fieldbook-relay.mjs while
// it is fresh): the bundle, with its lazily loaded chunks, must find its migrations and serve a
// team the way the sources do.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let work: string;
let relay: ChildProcess | undefined;
let url: string;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', 'relay'], { cwd: repoRoot, stdio: 'ignore' });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-built-relay-'));
  const child = spawn(process.execPath, ['dist/relay/main.mjs', '--port', '0', '--data-dir', path.join(work, 'data')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  relay = child;
  url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', onOutput);
    child.once('exit', (code) => reject(new Error(`the built relay exited with ${code}:\n${output}`)));
  });
}, 120_000);

afterAll(async () => {
  await stopChild(relay);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the relay built as npm run relay runs it', () => {
  it('has migrated its database and lets an office create its workspace', async () => {
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const answer = await fetch(`${url}/v1/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceName: 'Harbour Plumbing', memberName: 'Sam Carter', deviceName: 'Office laptop' }),
    });
    expect(answer.status).toBe(200);
    const created = (await answer.json()) as { deviceToken: string };
    expect(created.deviceToken).toEqual(expect.any(String));
  });
});
