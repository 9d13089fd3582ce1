import DOMPurify from 'dompurify';
import { useMemo, useRef, useState } from 'react';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

// A received message's HTML, shown safely: DOMPurify removes scripts, handlers and forms; the
// frame is sandboxed without scripts; its Content-Security-Policy loads nothing from the network
// (images included, so a sender cannot learn it was read) until the user allows images for
// this message. A message without HTML is shown as its text.

const remote = /^\s*(https?:)?\/\//i;

function sanitise(html: string, allowImages: boolean): { html: string; blocked: number } {
  let blocked = 0;
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (!allowImages && node.hasAttribute('src') && remote.test(node.getAttribute('src') ?? '')) {
      node.removeAttribute('src');
      blocked += 1;
    }
  });
  const clean = purify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'input', 'button'], WHOLE_DOCUMENT: false });
  return { html: clean, blocked };
}

function frameDocument(body: string, allowImages: boolean): string {
  const images = allowImages ? 'data: cid: https: http:' : 'data:';
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${images}; style-src 'unsafe-inline'"><base target="_blank"><style>body{margin:0;display:flow-root;font:14px/1.45 system-ui,sans-serif;overflow-wrap:anywhere}img{max-width:100%;height:auto}</style></head><body>${body}</body></html>`;
}

export function MessageBody({ subject, html, text }: { subject: string; html: string | null; text: string }) {
  const [allowImages, setAllowImages] = useState(false);
  const [height, setHeight] = useState(60);
  const frame = useRef<HTMLIFrameElement>(null);
  const clean = useMemo(() => (html ? sanitise(html, allowImages) : null), [html, allowImages]);
  if (!clean) return <pre className="mail-message__text">{text || '(No text)'}</pre>;
  return (
    <div className="mail-message__html">
      {clean.blocked > 0 && !allowImages ? (
        <Notice tone="info">
          {clean.blocked === 1 ? 'One remote image was blocked' : `${clean.blocked} remote images were blocked`} so the sender cannot tell you read this.{' '}
          <Button size="sm" variant="link" onClick={() => setAllowImages(true)}>
            Show images
          </Button>
        </Notice>
      ) : null}
      <iframe
        ref={frame}
        title={`Message: ${subject || '(no subject)'}`}
        // No scripts; same origin only so that its height can be read to fit the page.
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        srcDoc={frameDocument(clean.html, allowImages)}
        style={{ height }}
        onLoad={() => setHeight(Math.min(4000, (frame.current?.contentDocument?.body.scrollHeight ?? 100) + 16))}
      />
    </div>
  );
}
