// One policy for both shells: the browser host sends it on every response, the Electron shell on
// every app:// response (src-main/electron/security.ts). Vite builds the renderer into plain
// files, so no inline script is ever needed; inline styles are allowed for React's style props.
// Stored files (a PDF preview) may be framed from our own origin only; they carry a stricter,
// sandboxed policy of their own (src-main/host/files-route.ts).
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
