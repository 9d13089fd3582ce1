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
  // The split below reads the list requests' resource timings; the default buffer keeps only 250.
  performance.setResourceTimingBufferSize(1_000_000);

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
      probe.split = { requestSent: last ? last.startTime - lastKeyAt : null, answerReceived: last ? last.responseEnd - lastKeyAt : null };
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

installProbe();
