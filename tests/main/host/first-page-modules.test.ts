import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopChild } from '../../support/stop-child';
import { testPassphrase } from '../../../src-main/security/key-source';
import { freePort } from '../../support/free-port';

// The built browser host (dist/host/main.mjs, what `npm start` runs) serves the first contacts
// page without loading the heavy libraries of mail, PDFs and language analysis, and still loads
// them when they are first used. The host runs in plain Node with a preload that writes down
// every package it loads: ES imports through a module resolve hook, CommonJS require() (wink's
// model is required) by wrapping Module._load.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const hostEntry = path.join(root, 'dist', 'host', 'main.mjs');
const heavyPackages = ['imapflow', 'mailparser', 'nodemailer', 'libmime', 'pdfkit', 'wink-nlp', 'wink-eng-lite-web-model', 'twilio', '@aws-sdk/client-s3'];

const resolveHook = `
import fs from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  fs.appendFileSync(log, resolved.url + '\\n');
  return resolved;
}`;

const preload = `
import fs from 'node:fs';
import Module, { register } from 'node:module';
const log = process.env.FIELDBOOK_TEST_MODULE_LOG;
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(resolveHook)}), { data: { log } });
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const exported = load.call(this, request, parent, isMain);
  try {
    fs.appendFileSync(log, Module._resolveFilename(request, parent, isMain) + '\\n');
  } catch {}
  return exported;
};`;

let work: string;
let host: ChildProcess | undefined;
let origin: string;
let token: string;
let moduleLog: string;

/** The npm packages the host has loaded so far (a package's name from any of its files' paths). */
function loadedPackages(): Set<string> {
  const names = new Set<string>();
  for (const line of fs.readFileSync(moduleLog, 'utf8').split('\n')) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line);
    if (match) names.add(match[1]!);
  }
  return names;
}

function rpc(channel: string, input: unknown): Promise<{ ok: boolean; data?: unknown; error?: { message: string } }> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${origin}/rpc/${channel}`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text) as never));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-first-page-'));
  const targets = fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html')) ? ['host'] : ['renderer', 'host'];
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), ...targets], { cwd: root, stdio: 'ignore' });
  const preloadFile = path.join(work, 'record-modules.mjs');
  fs.writeFileSync(preloadFile, preload);
  moduleLog = path.join(work, 'modules.log');
  fs.writeFileSync(moduleLog, '');
  const { FIELDBOOK_DATA_DIR: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', preloadFile, hostEntry, '--data-dir', path.join(work, 'data'), '--port', '0', '--no-open'], {
    cwd: root,
    env: { ...env, FIELDBOOK_PASSPHRASE: testPassphrase, FIELDBOOK_TEST_MODULE_LOG: moduleLog },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  host = child;
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Fieldbook is running at (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}:\n${output}`)));
  });
  const address = new URL(url);
  origin = address.origin;
  token = address.searchParams.get('token')!;
}, 180_000);

afterAll(async () => {
  await stopChild(host);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the built browser host at start', { timeout: 60_000 }, () => {
  it('serves the first contacts page before loading the libraries of mail, PDFs and language analysis', async () => {
    const created = await rpc('contacts.create', { draft: { name: 'Ada Lovelace', phones: [{ type: 'mobile', number: '+44 7700 900123' }] } });
    expect(created.ok).toBe(true);
    const page = await rpc('contacts.list', {});
    expect(page).toMatchObject({ ok: true, data: { total: 1, items: [{ name: 'Ada Lovelace' }] } });
    const loaded = loadedPackages();
    // The record works: what the first page needs is in it.
    expect(loaded).toContain('better-sqlite3-multiple-ciphers');
    expect(loaded).toContain('ws');
    expect(heavyPackages.filter((name) => loaded.has(name))).toEqual([]);
  });

  it('carries the pure ES-module packages of the first page in its bundle instead of loading their files one by one', () => {
    // Hundreds of files (zod, drizzle, libphonenumber) each resolved, read and compiled cost about
    // a third of the start's CPU (scripts/build.mjs, hostBundledPackages).
    const loaded = loadedPackages();
    expect(['zod', 'drizzle-orm', 'libphonenumber-js', 'uuid', '@noble/curves'].filter((name) => loaded.has(name))).toEqual([]);
  });

  it('loads the mail libraries on first use: a server that refuses is reported in words', async () => {
    const port = await freePort();
    const server = { host: '127.0.0.1', port, security: 'none', username: 'me@office.example' };
    const answer = await rpc('mail.testConnection', { draft: { email: 'me@office.example', imap: server, smtp: server }, password: 'secret' });
    expect(answer).toMatchObject({
      ok: true,
      data: { imap: { ok: false, problem: 'refused' }, smtp: { ok: false, problem: 'refused' } },
    });
    const loaded = loadedPackages();
    expect(loaded).toContain('imapflow');
    expect(loaded).toContain('nodemailer');
  });
});
