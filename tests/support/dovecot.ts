import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

// A real IMAP server for tests: Debian's Dovecot (dovecot-imapd) on 127.0.0.1 and a free port,
// with its config, state and mail in a temporary folder, plain-text login (no TLS) and users
// from a passwd-file. It supports what mail clients meet in the wild: SPECIAL-USE (Sent,
// Drafts, Trash), CONDSTORE/QRESYNC, IDLE, UIDPLUS. Run as root (as CI is), Dovecot refuses
// root for its login and mail processes, so those run as its own users.

export interface DovecotUser {
  user: string;
  password: string;
}

export interface Dovecot {
  host: string;
  port: number;
  dir: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
  /** Stops the server but keeps its mail, so it can be started again (a server that went down). */
  pause(): Promise<void>;
  /** Starts a paused server again on the same port. */
  resume(): Promise<void>;
}

export const dovecotBinary = '/usr/sbin/dovecot';
const doveadmBinary = '/usr/bin/doveadm';

/**
 * Whether the mail tests can run here. On a developer's machine without Dovecot they are skipped
 * (`npm test` offers the apt-get command); in CI a missing Dovecot is a failure, never a skip.
 */
export function dovecotInstalled(): boolean {
  const present = fs.existsSync(dovecotBinary);
  if (!present && process.env.CI) throw new Error(`Dovecot is not installed (${dovecotBinary}): the mail tests need dovecot-imapd.`);
  return present;
}

function configText(dir: string, port: number, asRoot: boolean): string {
  const owner = os.userInfo().username;
  const internalUser = asRoot ? 'dovecot' : owner;
  const loginUser = asRoot ? 'dovenull' : owner;
  const ids = asRoot ? { uid: 'dovecot', gid: 'dovecot' } : { uid: String(os.userInfo().uid), gid: String(os.userInfo().gid) };
  return `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${internalUser}
default_internal_group = ${internalUser}
default_login_user = ${loginUser}
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:${dir}/mail/%u
mail_plugins =
mailbox_idle_check_interval = 1 secs
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${ids.uid} gid=${ids.gid} home=${dir}/home/%u
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
}
service anvil {
  chroot =
  # No growing delay after failed logins (the auth penalty): tests try wrong passwords on purpose.
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

async function waitForGreeting(port: number, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', (data) => {
        socket.destroy();
        resolve(String(data).startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`Dovecot did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Starts Dovecot with the given users (a user's mail is created on first login or append). */
export async function startDovecot(users: DovecotUser[]): Promise<Dovecot> {
  if (!dovecotInstalled()) throw new Error('Dovecot is not installed: apt-get install -y dovecot-imapd');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-dovecot-'));
  const asRoot = process.getuid?.() === 0;
  for (const sub of ['run', 'state', 'mail', 'home']) fs.mkdirSync(path.join(dir, sub));
  fs.writeFileSync(path.join(dir, 'users'), users.map(({ user, password }) => `${user}:{PLAIN}${password}\n`).join(''));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'dovecot.conf'), configText(dir, port, asRoot));
  if (asRoot) {
    fs.chmodSync(dir, 0o755);
    const { uid, gid } = dovecotIds();
    for (const entry of ['', 'run', 'state', 'mail', 'home', 'users', 'dovecot.conf']) fs.chownSync(path.join(dir, entry), uid, gid);
  }

  let child: ChildProcess | undefined;
  const start = async () => {
    // Leftover sockets of a paused run make the master refuse to start.
    fs.rmSync(path.join(dir, 'run'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'run'));
    if (asRoot) {
      const { uid, gid } = dovecotIds();
      fs.chownSync(path.join(dir, 'run'), uid, gid);
    }
    const started = spawn(dovecotBinary, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    started.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    child = started;
    try {
      await Promise.race([
        waitForGreeting(port, 15_000),
        new Promise<never>((_, reject) =>
          started.once('exit', (code) => reject(new Error(`Dovecot exited (${code}): ${stderr}${readLog(dir)}`))),
        ),
      ]);
    } catch (error) {
      await stopProcess(started);
      throw error;
    }
  };
  await start();
  return {
    host: '127.0.0.1',
    port,
    dir,
    async pause() {
      // The master leaves running IMAP sessions alive when it stops: drop them first, as a
      // server going down would.
      spawnSync(doveadmBinary, ['-c', path.join(dir, 'dovecot.conf'), 'kick', '*'], { stdio: 'ignore' });
      if (child) await stopProcess(child);
    },
    resume: start,
    async stop() {
      if (child) await stopProcess(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function dovecotIds(): { uid: number; gid: number } {
  const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith('dovecot:'));
  const [, , uid, gid] = passwd?.split(':') ?? [];
  if (!uid || !gid) throw new Error('There is no dovecot user on this machine');
  return { uid: Number(uid), gid: Number(gid) };
}

function readLog(dir: string): string {
  try {
    return fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8').slice(-2000);
  } catch {
    return '';
  }
}

/**
 * Puts messages straight into a user's INBOX maildir (much faster than APPEND for thousands),
 * each file's time being the message's INTERNALDATE. Call it before the user first logs in, or
 * while the server is paused; Dovecot indexes the files when the folder is next opened.
 */
export function seedInbox(dovecot: Dovecot, user: string, messages: { raw: string | Buffer; date: Date }[]): void {
  const root = path.join(dovecot.dir, 'mail', user);
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? dovecotIds() : undefined;
  for (const sub of ['', 'cur', 'new', 'tmp']) {
    const dir = path.join(root, sub);
    fs.mkdirSync(dir, { recursive: true });
    if (ids) fs.chownSync(dir, ids.uid, ids.gid);
  }
  messages.forEach((message, index) => {
    const seconds = Math.floor(message.date.getTime() / 1000);
    const file = path.join(root, 'cur', `${seconds}.M${index}R${randomBytes(6).toString('hex')}.fieldbook-test:2,S`);
    fs.writeFileSync(file, message.raw);
    fs.utimesSync(file, message.date, message.date);
    if (ids) fs.chownSync(file, ids.uid, ids.gid);
  });
}
