import type { ImapFlow } from 'imapflow';
import type { ConnectionCheck, ConnectionProblem, MailServerSettings } from '../../src-shared/domain/mail';
import { mailLibraries } from './mail-libraries';

// Talking to the user's mail servers, and saying in plain words what went wrong: the server
// name is not found, it refused, TLS failed, the password was refused, it did not answer.

export interface ConnectionTimeouts {
  /** TCP + TLS, then the server's greeting. */
  connectMs: number;
  /** Silence on an open connection (IDLE re-issues well within it). */
  socketMs: number;
}

export const defaultTimeouts: ConnectionTimeouts = { connectMs: 20_000, socketMs: 5 * 60_000 };

export class MailConnectionError extends Error {
  constructor(
    readonly problem: ConnectionProblem,
    message: string,
  ) {
    super(message);
    this.name = 'MailConnectionError';
  }

  /** Worth trying again later by itself (the network), unlike a refused password. */
  get transient(): boolean {
    return this.problem !== 'wrong_password' && this.problem !== 'tls_failed';
  }
}

export async function createImapClient(server: MailServerSettings, password: string, timeouts: ConnectionTimeouts = defaultTimeouts): Promise<ImapFlow> {
  const { ImapFlow } = await mailLibraries();
  return new ImapFlow({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls' ? true : server.security === 'none' ? false : undefined,
    auth: { user: server.username, pass: password },
    logger: false,
    // Expunges then arrive as UIDs (VANISHED), and CONDSTORE's HIGHESTMODSEQ tells whether a
    // folder changed at all; imapflow enables them only where the server offers them.
    qresync: true,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: timeouts.socketMs,
    // A message larger than this is not fetched (see folder-sync.ts); the cap keeps a broken
    // or hostile server from making the app allocate without bound.
    maxLiteralSize: 256 * 1024 * 1024,
    tls: { minVersion: 'TLSv1.2' },
    clientInfo: { name: 'Fieldbook' },
  });
}

const tlsCodes = new Set([
  'ClosedAfterConnectTLS',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
]);

const timeoutCodes = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

interface ErrorFacts {
  code?: string;
  responseCode?: number;
  authenticationFailed?: boolean;
  message: string;
}

function factsOf(error: unknown): ErrorFacts {
  if (!(error instanceof Error)) return { message: String(error) };
  const value = error as Error & { code?: unknown; responseCode?: unknown; authenticationFailed?: unknown; cause?: unknown };
  const cause = value.cause instanceof Error ? (value.cause as Error & { code?: unknown }) : undefined;
  let code = typeof value.code === 'string' ? value.code : typeof cause?.code === 'string' ? cause.code : undefined;
  // nodemailer wraps socket errors as ESOCKET/ECONNECTION with Node's code only in the text.
  if (code === 'ESOCKET' || code === 'ECONNECTION' || code === undefined) {
    code = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b/.exec(value.message)?.[1] ?? code;
  }
  return {
    ...(code ? { code } : {}),
    ...(typeof value.responseCode === 'number' ? { responseCode: value.responseCode } : {}),
    authenticationFailed: value.authenticationFailed === true,
    message: value.message,
  };
}

/** Turns what imapflow, nodemailer or Node threw into a problem and a sentence a person can act on. */
export function explainConnectionError(error: unknown, server: MailServerSettings, kind: 'IMAP' | 'SMTP'): MailConnectionError {
  if (error instanceof MailConnectionError) return error;
  const facts = factsOf(error);
  const where = `${server.host}:${server.port}`;
  const code = facts.code ?? '';
  const text = facts.message;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || /getaddrinfo/.test(text)) {
    return new MailConnectionError('host_not_found', `The ${kind} server "${server.host}" was not found. Check its name, and that this computer is online.`);
  }
  if (facts.authenticationFailed || code === 'EAUTH' || facts.responseCode === 535 || /AUTHENTICATIONFAILED|authentication failed|invalid credentials/i.test(text)) {
    return new MailConnectionError('wrong_password', `The ${kind} server refused the user name or password. Check them; many providers need an app password here.`);
  }
  // Codes before words: imapflow's greeting timeout says "Maybe should use TLS?".
  const timedOut = timeoutCodes.has(code) || (!code && /timed? ?out/i.test(text));
  if (!timedOut && (tlsCodes.has(code) || /SSL|TLS|certificate|wrong version number/i.test(text))) {
    return new MailConnectionError('tls_failed', `A secure (TLS) connection to ${where} failed. Check the port and the security setting (TLS or STARTTLS) your provider lists.`);
  }
  if (timedOut || /timed? ?out/i.test(text)) {
    return new MailConnectionError('timed_out', `${where} did not answer in time. The server may be down or blocked by a firewall; Fieldbook will keep trying.`);
  }
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'NoConnection' || code === 'EConnectionClosed') {
    return new MailConnectionError('refused', `Could not connect to ${where}: the server refused or dropped the connection. Check the port, or try again later.`);
  }
  return new MailConnectionError('other', `The ${kind} server at ${where} answered with an error: ${text.slice(0, 300)}`);
}

function checkOf(error: unknown, server: MailServerSettings, kind: 'IMAP' | 'SMTP'): ConnectionCheck {
  const explained = explainConnectionError(error, server, kind);
  return { ok: false, problem: explained.problem, message: explained.message };
}

/** Logs in to IMAP and logs out again; the folder list comes along for the account settings. */
export async function checkImap(
  server: MailServerSettings,
  password: string,
  timeouts: ConnectionTimeouts = defaultTimeouts,
): Promise<{ check: ConnectionCheck; folders: { path: string; name: string; specialUse: string | null }[] }> {
  const client = await createImapClient(server, password, timeouts);
  client.on('error', () => {});
  try {
    await client.connect();
    const listed = await client.list();
    await client.logout();
    return {
      check: { ok: true, message: `Signed in to ${server.host}.` },
      folders: listed.filter((entry) => !entry.flags.has('\\Noselect')).map((entry) => ({ path: entry.path, name: entry.name, specialUse: entry.specialUse ?? null })),
    };
  } catch (error) {
    client.close();
    return { check: checkOf(error, server, 'IMAP'), folders: [] };
  }
}

export async function createSmtpTransport(server: MailServerSettings, password: string, timeouts: ConnectionTimeouts = defaultTimeouts) {
  const { nodemailer } = await mailLibraries();
  return nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: { user: server.username, pass: password },
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: Math.min(timeouts.socketMs, 120_000),
    tls: { minVersion: 'TLSv1.2' },
  });
}

export async function checkSmtp(server: MailServerSettings, password: string, timeouts: ConnectionTimeouts = defaultTimeouts): Promise<ConnectionCheck> {
  const transport = await createSmtpTransport(server, password, timeouts);
  try {
    await transport.verify();
    return { ok: true, message: `Signed in to ${server.host} for sending.` };
  } catch (error) {
    return checkOf(error, server, 'SMTP');
  } finally {
    transport.close();
  }
}
