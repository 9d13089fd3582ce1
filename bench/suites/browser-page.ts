// The half of the browser figures that runs inside the page: bundled by esbuild into an init
// script (before the app's own code) that defines `window.__benchProbe`. arm(watch) starts
// watching the DOM for an answer; armed() resolves with the time it showed, taken in the frame
// after the DOM changed (requestAnimationFrame, then a task: after that frame's paint).

/** What the contacts list shows for a text: its row count and first row. */
export interface ListView {
  query: string;
  total: number;
  firstId: string | null;
}

export type Watch =
  /** The contacts grid shows `view`; ms since the last keydown. */
  | { kind: 'contacts'; view: ListView }
  /** The dashboard's figures are on screen; ms since navigation start. */
  | { kind: 'dashboard' }
  /** The first contacts are painted; epoch ms. */
  | { kind: 'firstContacts' };

/** Where a keystroke's time went: ms from the keydown to the list request sent and answered. */
export interface KeystrokeSplit {
  requestSent: number | null;
  answerReceived: number | null;
}

interface Probe {
  arm(watch: Watch): void;
  armed(): Promise<number>;
  /** The split of the last keystroke measured. */
  split: KeystrokeSplit;
}

declare global {
  interface Window {
    __benchProbe?: Probe;
  }
}

function installProbe(): void {
  let lastKeyAt = 0;
  let pending: Promise<number> = Promise.resolve(Number.NaN);
  document.addEventListener('keydown', (event) => (lastKeyAt = event.timeStamp), true);
  // The split below reads the list requests' resource timings (over HTTP; the default buffer keeps
  // only 250) or the list calls seen on the page's call socket (src-renderer/rpc-socket-client.ts).
  performance.setResourceTimingBufferSize(1_000_000);
  const socketCalls = watchSocketListCalls();

  const grid = () => document.querySelector('[role="grid"][aria-label="Contacts"]');
  const shows = (watch: Watch): boolean => {
    if (watch.kind === 'dashboard') return document.querySelector('section[aria-label="Figures"]') !== null;
    if (watch.kind === 'firstContacts') return grid()?.querySelector('[aria-rowindex="2"] a[href^="#/contacts/"]') != null;
    const { view } = watch;
    if (view.total === 0) return grid() === null && (document.querySelector('main')?.textContent ?? document.body.textContent ?? '').includes(`No contacts match “${view.query}”`);
    const shown = grid();
    if (!shown || shown.getAttribute('aria-rowcount') !== String(view.total + 1)) return false;
    return shown.querySelector(`[aria-rowindex="2"] a[href="#/contacts/${encodeURIComponent(view.firstId ?? '')}"]`) !== null;
  };
  const probe: Probe = { arm: () => undefined, armed: () => pending, split: { requestSent: null, answerReceived: null } };
  const stamp = (watch: Watch): number => {
    const now = performance.now();
    if (watch.kind === 'contacts') {
      const requests = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/rpc/contacts.list') && entry.startTime >= lastKeyAt) as PerformanceResourceTiming[];
      const last = requests.at(-1);
      const overSocket = socketCalls.filter((call) => call.sentAt >= lastKeyAt).at(-1);
      probe.split = last
        ? { requestSent: last.startTime - lastKeyAt, answerReceived: last.responseEnd - lastKeyAt }
        : { requestSent: overSocket ? overSocket.sentAt - lastKeyAt : null, answerReceived: overSocket?.answeredAt != null ? overSocket.answeredAt - lastKeyAt : null };
      return now - lastKeyAt;
    }
    if (watch.kind === 'dashboard') return now;
    return performance.timeOrigin + now;
  };

  const arm = (watch: Watch) => {
    pending = new Promise<number>((resolve) => {
      const afterPaint = () =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(stamp(watch));
          channel.port2.postMessage(null);
        });
      if (shows(watch)) return afterPaint();
      const observer = new MutationObserver(() => {
        if (!shows(watch)) return;
        observer.disconnect();
        afterPaint();
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  };
  probe.arm = arm;
  window.__benchProbe = probe;
}

/**
 * The contacts.list calls the page sends over its call socket, with when each was sent and when its
 * answer came in (before the app's own listener sees it): a call is `{"id":N,"channel":…}` and
 * its answer starts `{"id":N,` (src-shared/ipc/rpc-socket.ts).
 */
function watchSocketListCalls(): { sentAt: number; answeredAt: number | null }[] {
  const calls: { sentAt: number; answeredAt: number | null }[] = [];
  const byId = new Map<number, { sentAt: number; answeredAt: number | null }>();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data) {
    if (typeof data === 'string' && data.includes('"channel":"contacts.list"')) {
      const id = /^\{"id":(\d+),/.exec(data)?.[1];
      const call = { sentAt: performance.now(), answeredAt: null };
      calls.push(call);
      if (id !== undefined) byId.set(Number(id), call);
    }
    send.call(this, data);
  };
  const watched = new WeakSet<WebSocket>();
  const addEventListener = WebSocket.prototype.addEventListener as (this: WebSocket, ...args: unknown[]) => void;
  WebSocket.prototype.addEventListener = function (this: WebSocket, ...args: unknown[]) {
    if (args[0] === 'message' && !watched.has(this)) {
      watched.add(this);
      addEventListener.call(this, 'message', (event: MessageEvent) => {
        const id = typeof event.data === 'string' ? /^\{"id":(\d+),/.exec(event.data)?.[1] : undefined;
        const call = id === undefined ? undefined : byId.get(Number(id));
        if (call) call.answeredAt = performance.now();
      });
    }
    addEventListener.apply(this, args);
  } as typeof WebSocket.prototype.addEventListener;
  return calls;
}

installProbe();
