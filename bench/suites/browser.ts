import esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testPassphrase } from '../../src-main/security/key-source';
import { rpcSocketPath } from '../../src-shared/ipc/bridge';
import { call, rounds, type BenchContext } from '../lib/context';
import { startChildServer } from '../lib/child-process';
import { notMeasured, p95Figure, type Figure } from '../lib/figures';
import { buildQueryMix } from '../lib/query-mix';
import { summarise, timeAsync } from '../lib/stats';
import type { KeystrokeSplit, ListView, Watch } from './browser-page';

// What a person sees, in Chromium (/usr/bin/chromium, as the e2e tests use) against the browser
// host (dist/host/main.mjs, built first) on the run's data folder:
//   - keystroke to list: a key typed into the contacts search until the grid shows that text's
//     matches (its first row and its row count), one keystroke at a time;
//   - app open to dashboard: a page load until the dashboard's figures are on screen;
//   - cold start: the host process started until the first contacts are painted.
// Each beside the core's own time for the same call (`contacts.list`, `dashboard.get`, the core
// open), measured in this process on the same data. Times are taken in the page (the keydown's
// timestamp, navigation start) up to the frame after the DOM shows the answer.

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const suiteDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(suiteDir, '..', '..');
const hostEntry = path.join(repoRoot, 'dist', 'host', 'main.mjs');
const readyLine = /^Fieldbook is running at (\S+)$/m;

/** The page's probe (browser-page.ts) as one script, armed at load with `watch` when given. */
function probeScript(watch: Watch | null): string {
  const probe = esbuild.buildSync({ entryPoints: [path.join(suiteDir, 'browser-page.ts')], bundle: true, format: 'iife', target: 'es2022', write: false });
  return `${probe.outputFiles[0]!.text}\n${watch ? `window.__benchProbe.arm(${JSON.stringify(watch)});` : ''}`;
}

const arm = (page: Page, watch: Watch) => page.evaluate(`window.__benchProbe.arm(${JSON.stringify(watch)})`);
const armed = (page: Page) => page.evaluate('window.__benchProbe.armed()') as Promise<number>;

export async function browserSuite(context: BenchContext): Promise<Figure[]> {
  let browser: Browser;
  try {
    context.log('  building the renderer and the browser host (scripts/build.mjs renderer host) …');
    execFileSync(process.execPath, ['scripts/build.mjs', 'renderer', 'host'], { cwd: repoRoot, stdio: 'ignore' });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  } catch (error) {
    const reason = `Chromium or the build is not available: ${error instanceof Error ? error.message : String(error)}`;
    return ['browser.keystroke', 'browser.dashboard', 'startup.paint'].map((id) => notMeasured(id, id, 'not measured', reason));
  }
  try {
    const coldStart = await measureColdStart(context, browser);
    const host = await startHost(context);
    try {
      return [await measureKeystrokes(context, browser, host.url), await measureDashboardOpen(context, browser, host.url), coldStart];
    } finally {
      await host.stop();
    }
  } finally {
    await browser.close();
  }
}

function startHost(context: BenchContext) {
  return startChildServer([hostEntry, '--data-dir', context.dataDir, '--port', '0', '--no-open'], {
    cwd: repoRoot,
    // Bench folders are sealed with the test passphrase under the tests' cheap key derivation
    // (bench/lib/data-file.ts), so the figures leave out the ~1 s a person's strong passphrase
    // derivation adds to the browser host's start (Electron unlocks through the OS keychain).
    env: { FIELDBOOK_PASSPHRASE: testPassphrase },
    ready: readyLine,
    loader: 'none',
    timeoutMs: 60_000,
  }).then((server) => ({ url: server.match[1]!, stop: server.stop }));
}

/** The host started from nothing (process, modules, core open) until the first contacts are painted. */
async function measureColdStart(context: BenchContext, browser: Browser): Promise<Figure> {
  const total: number[] = [];
  const hostReady: number[] = [];
  const firstPage: number[] = [];
  const runs = rounds(context, 5, 3);
  // Bundled once, here: bundling it between the host's start and the page's load put the bench's own
  // 10–40 ms of esbuild into every cold start it measured.
  const probe = probeScript({ kind: 'firstContacts' });
  for (let run = 0; run <= runs; run += 1) {
    const page = await browser.newPage();
    try {
      const started = Date.now();
      const host = await startHost(context);
      const readyAt = Date.now();
      try {
        await page.addInitScript({ content: probe });
        await page.goto(`${host.url}#/contacts`);
        const paintedAt = await armed(page);
        if (run === 0) continue; // the first run warms the OS file cache
        total.push(paintedAt - started);
        hostReady.push(readyAt - started);
      } finally {
        await host.stop();
      }
      firstPage.push((await timeAsync(() => call(context.core, 'contacts.list', { query: '', offset: 0, limit: 100 }))).ms);
    } finally {
      await page.close();
    }
  }
  return p95Figure({
    id: 'startup.paint',
    title: 'Cold start to the first contacts painted (host process started, Chromium opens #/contacts)',
    samples: total,
    baseline: { title: 'the host process alone until it serves (modules loaded, core open), no browser', samples: hostReady },
    target: 'cold start to the first contacts painted under 1.5 s',
    limitMs: 1500,
    details: { coreFirstPageMs: summarise(firstPage) },
  });
}

/** Keystroke by keystroke into the contacts search, each until the list shows that text's matches. */
async function measureKeystrokes(context: BenchContext, browser: Browser, url: string): Promise<Figure> {
  const page = await browser.newPage();
  try {
    await page.addInitScript({ content: probeScript(null) });
    // Before the page loads: its call socket opens while it loads, and is only seen opening.
    const requests = captureListRequests(page);
    await page.goto(`${url}#/contacts`);
    const search = page.getByRole('searchbox', { name: /search/i });
    await search.waitFor();
    const queries = buildQueryMix(context.bareDb, context.quick ? 20 : 40, context.seed + 2);
    const screen: number[] = [];
    const core: number[] = [];
    const sent: number[] = [];
    const answered: number[] = [];
    let unchanged = 0;
    let mismatched = 0;
    let previous: ListView | undefined = await viewOf(context, '', requests.template());
    for (const [index, query] of queries.entries()) {
      const measured = index > 0; // the first text warms the page and the core
      await search.fill('');
      previous = await waitForView(page, context, '', requests.template(), previous);
      for (let length = 1; length <= query.text.length; length += 1) {
        const typed = query.text.slice(0, length);
        const expected = await viewOf(context, typed, requests.template());
        if (sameView(expected, previous)) {
          // Nothing on screen would change: not measured, but its answer is let in before the next key
          // (there is none to wait for when the trimmed text is the same, or a newer one replaced it).
          unchanged += 1;
          const answered = requests.answerFor(typed.trim());
          await search.press(query.text[length - 1]!);
          if (typed.trim() !== query.text.slice(0, length - 1).trim()) await answered;
          previous = expected;
          continue;
        }
        await arm(page, { kind: 'contacts', view: expected });
        await search.press(query.text[length - 1]!);
        const ms = await armed(page);
        const asked = requests.last(typed.trim());
        if (asked === undefined) mismatched += 1;
        if (measured) {
          screen.push(ms);
          const split = (await page.evaluate('window.__benchProbe.split')) as KeystrokeSplit;
          if (split.requestSent !== null) sent.push(split.requestSent);
          if (split.answerReceived !== null) answered.push(split.answerReceived);
          core.push((await timeAsync(() => call(context.core, 'contacts.list', asked ?? requests.template(typed.trim())))).ms);
        }
        previous = expected;
      }
    }
    return p95Figure({
      id: 'browser.keystroke',
      title: `Search as you type in Chromium: a keystroke in the contacts search until the list shows its matches (${queries.length - 1} typed texts)`,
      samples: screen,
      baseline: { title: "the core's own time for the same contacts.list call (core.invoke, in-process)", samples: core },
      target: 'the search list updates within 50 ms of a keystroke at 100k contacts (p95)',
      limitMs: 50,
      details: {
        keystrokesWithUnchangedAnswer: unchanged,
        keystrokesWithoutTheirOwnRequest: mismatched,
        // From the keydown: when the page sent contacts.list, and when its answer was in.
        requestSentMs: sent.length > 0 ? summarise(sent) : null,
        answerReceivedMs: answered.length > 0 ? summarise(answered) : null,
      },
      note: [
        sent.length > 0 && answered.length > 0
          ? `after the keydown, p50: request sent ${summarise(sent).p50.toFixed(1)} ms, answer in ${summarise(answered).p50.toFixed(1)} ms`
          : '',
        mismatched > 0 ? `${mismatched} keystrokes showed their answer without a request of their own` : '',
      ]
        .filter(Boolean)
        .join('; '),
    });
  } finally {
    await page.close();
  }
}

/** Page load (navigation start) until the dashboard's figures are on screen. */
async function measureDashboardOpen(context: BenchContext, browser: Browser, url: string): Promise<Figure> {
  const screen: number[] = [];
  const core: number[] = [];
  const runs = rounds(context, 15, 8);
  const page = await browser.newPage();
  try {
    await page.addInitScript({ content: probeScript({ kind: 'dashboard' }) });
    let asked: unknown;
    let unanswered = 0;
    onCalls(page, (channel, input, answer) => {
      if (channel === 'dashboard.get') asked = input;
      unanswered += 1;
      void answer.then(
        () => (unanswered -= 1),
        () => (unanswered -= 1),
      );
    });
    for (let run = 0; run <= runs; run += 1) {
      // The first load trades the token for the cookie; a reload is the app opened again. Opened
      // again, not reloaded mid-way: the previous page's calls (its reminders, counts, sync
      // status…) are answered first, else the host would still be busy with them at the opening.
      if (run === 0) await page.goto(`${url}#/dashboard`);
      else {
        await settleCalls(page, () => unanswered);
        await page.reload();
      }
      const ms = await armed(page);
      if (run === 0) continue;
      screen.push(ms);
      core.push((await timeAsync(() => call(context.core, 'dashboard.get', asked))).ms);
    }
  } finally {
    await page.close();
  }
  return p95Figure({
    id: 'browser.dashboard',
    title: 'App open to dashboard in Chromium: page load until the dashboard’s figures show',
    samples: screen,
    baseline: { title: "the core's own time for the same dashboard.get call (core.invoke, in-process)", samples: core },
    target: "the dashboard's figures show within 300 ms of opening the app (p95)",
    limitMs: 300,
  });
}

/** Waits until every call the page made is answered and none followed for 300 ms (at most 5 s). */
async function settleCalls(page: Page, unanswered: () => number): Promise<void> {
  const until = Date.now() + 5_000;
  let quietSince = Date.now();
  while (Date.now() < until) {
    await page.waitForTimeout(50);
    if (unanswered() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 300) return;
  }
}

/**
 * Every call the page makes, with its input: `POST /rpc/<channel>` requests, and the messages on
 * its call socket (`/rpc-socket`, src-shared/ipc/rpc-socket.ts) once that is open.
 */
function onCalls(page: Page, listener: (channel: string, input: unknown, answer: Promise<unknown>) => void): void {
  page.on('request', (request) => {
    const channel = /\/rpc\/([^/?]+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (channel === undefined || request.method() !== 'POST') return;
    // Rejected when the page closes before the answer: nobody may be waiting for it then.
    const answer = request.response();
    answer.catch(() => undefined);
    listener(decodeURIComponent(channel), JSON.parse(request.postData() || '{}'), answer);
  });
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).pathname !== rpcSocketPath) return;
    const answers = new Map<number, () => void>();
    socket.on('framesent', (frame) => {
      const call = JSON.parse(String(frame.payload)) as { id: number; channel: string; input: unknown };
      listener(call.channel, call.input, new Promise<void>((resolve) => answers.set(call.id, resolve)));
    });
    socket.on('framereceived', (frame) => {
      const id = Number(/^\{"id":(\d+),/.exec(String(frame.payload))?.[1]);
      answers.get(id)?.();
      answers.delete(id);
    });
  });
}

interface ListRequestBody {
  query: string;
  [key: string]: unknown;
}

/** The contacts.list calls the page made, to replay the very same calls to the core, and their answers. */
function captureListRequests(page: Page) {
  const byQuery = new Map<string, ListRequestBody>();
  const awaited = new Map<string, (() => void)[]>();
  let template: ListRequestBody | undefined;
  const answered = (query: string) => {
    for (const resolve of awaited.get(query) ?? []) resolve();
    awaited.delete(query);
  };
  onCalls(page, (channel, input, answer) => {
    if (channel !== 'contacts.list') return;
    const body = input as ListRequestBody;
    if (body.offset !== 0) return;
    template ??= body;
    byQuery.set(body.query, body);
    void answer.then(
      () => answered(body.query),
      () => undefined,
    );
  });
  return {
    last: (query: string) => byQuery.get(query),
    /** The first page's request with another text (what the page will ask for). */
    template: (query = ''): ListRequestBody => ({ ...(template ?? { offset: 0, limit: 100 }), query }),
    /** Resolves when a first-page answer for `query` is in (asked before the key that sends it), or after 2 s. */
    answerFor: (query: string): Promise<void> =>
      new Promise((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        awaited.set(query, [...(awaited.get(query) ?? []), () => (clearTimeout(timer), resolve())]);
      }),
  };
}

async function viewOf(context: BenchContext, typed: string, template: ListRequestBody): Promise<ListView> {
  const answer = (await call(context.core, 'contacts.list', { ...template, query: typed.trim() })) as { total: number; items: { id: string }[] };
  return { query: typed.trim(), total: answer.total, firstId: answer.items[0]?.id ?? null };
}

function sameView(a: ListView, b: ListView | undefined): boolean {
  return b !== undefined && a.total === b.total && a.firstId === b.firstId;
}

async function waitForView(page: Page, context: BenchContext, typed: string, template: ListRequestBody, previous: ListView | undefined): Promise<ListView> {
  const expected = await viewOf(context, typed, template);
  if (!sameView(expected, previous)) {
    await arm(page, { kind: 'contacts', view: expected });
    await armed(page);
  }
  return expected;
}
