import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailServerSettings } from '../../../src-shared/domain/mail';
import { checkImap, checkSmtp } from '../../../src-main/mail/connection';
import { freePort } from '../../support/free-port';

// "Test connection" answers in plain words. Each failure is real: a name that does not
// resolve, a closed port, a server that never greets, a plain-text server asked for TLS.

const quick = { connectMs: 1500, socketMs: 5000 };
let silent: net.Server;
let plainText: net.Server;
let silentPort: number;
let plainPort: number;
const sockets = new Set<net.Socket>();

const server = (port: number, security: MailServerSettings['security'] = 'none', host = '127.0.0.1'): MailServerSettings => ({
  host,
  port,
  security,
  username: 'me@office.example',
});

async function listen(onConnection: (socket: net.Socket) => void): Promise<[net.Server, number]> {
  const created = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve));
  return [created, (created.address() as net.AddressInfo).port];
}

beforeAll(async () => {
  [silent, silentPort] = await listen(() => {});
  [plainText, plainPort] = await listen((socket) => socket.write('* OK IMAP4rev1 ready\r\n'));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all([silent, plainText].map((item) => new Promise((resolve) => item.close(resolve))));
});

describe('testing a connection', () => {
  it('says when the server name is not found', async () => {
    const { check } = await checkImap(server(993, 'tls', 'imap.nowhere.invalid'), 'x', quick);
    expect(check).toEqual({ ok: false, problem: 'host_not_found', message: expect.stringContaining('"imap.nowhere.invalid" was not found') });
    expect(await checkSmtp(server(587, 'starttls', 'smtp.nowhere.invalid'), 'x', quick)).toMatchObject({ ok: false, problem: 'host_not_found' });
  });

  it('says when nothing listens on the port', async () => {
    const port = await freePort();
    const { check } = await checkImap(server(port), 'x', quick);
    expect(check).toMatchObject({ ok: false, problem: 'refused', message: expect.stringContaining(`127.0.0.1:${port}`) });
    expect(await checkSmtp(server(port), 'x', quick)).toMatchObject({ ok: false, problem: 'refused' });
  });

  it('says when the server does not answer in time', async () => {
    const { check } = await checkImap(server(silentPort), 'x', quick);
    expect(check).toMatchObject({ ok: false, problem: 'timed_out', message: expect.stringContaining('did not answer in time') });
    expect(await checkSmtp(server(silentPort), 'x', quick)).toMatchObject({ ok: false, problem: 'timed_out' });
  });

  it('says when TLS fails (a plain-text server on a TLS port setting)', async () => {
    const { check } = await checkImap(server(plainPort, 'tls'), 'x', quick);
    expect(check).toMatchObject({ ok: false, problem: 'tls_failed', message: expect.stringContaining('secure (TLS) connection') });
    expect(await checkSmtp(server(plainPort, 'tls'), 'x', quick)).toMatchObject({ ok: false, problem: 'tls_failed' });
  });
});
