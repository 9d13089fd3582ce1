import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Who may talk to the browser host. The host listens on loopback, but any web page the user opens
// can still aim requests at 127.0.0.1, so every request must prove it comes from our own page:
//   - Host is exactly 127.0.0.1:PORT or localhost:PORT (a DNS-rebinding page sends its own name);
//   - an Origin, when sent, is our origin (browsers send it on every cross-origin fetch and POST);
//   - the per-launch token, carried by an HttpOnly SameSite=Strict cookie or a Bearer header.

// Cookies ignore ports, so the name carries it: two hosts (two data folders) open in one
// browser profile then keep a cookie each instead of overwriting one another's.
export function tokenCookieName(port: number): string {
  return `fieldbook_token_${port}`;
}

export function createLaunchToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first gives equal lengths, so a length mismatch leaks nothing either. */
export function tokensEqual(candidate: string, token: string): boolean {
  const digest = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest();
  return crypto.timingSafeEqual(digest(candidate), digest(token));
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && allowedHosts(port).includes(hostHeader.toLowerCase());
}

/** A request may carry no Origin (plain navigations) or our own; `null` (opaque origins) is foreign. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return allowedHosts(port).some((host) => originHeader.toLowerCase() === `http://${host}`);
}

export function hasValidToken(request: IncomingMessage, token: string, port: number): boolean {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ') && tokensEqual(authorization.slice('Bearer '.length).trim(), token)) {
    return true;
  }
  return readCookies(request.headers.cookie, tokenCookieName(port)).some((value) => tokensEqual(value, token));
}

/** All values of one cookie name: another tab's stale cookie may sit beside the current one. */
export function readCookies(cookieHeader: string | undefined, name: string): string[] {
  if (!cookieHeader) return [];
  const values: string[] = [];
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) values.push(part.slice(separator + 1).trim());
  }
  return values;
}

export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
