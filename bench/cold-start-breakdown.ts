import esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testPassphrase } from '../src-main/security/key-source';
import { startChildServer } from './lib/child-process';

// Where a cold start's time goes, step by step: what the browser suite's cold start does (a new
// Chromium page, the browser host spawned on a data folder, `#/contacts` opened until the first row
// is painted), with each step timed from the spawn. Builds are compared side by side: each side is a
// checkout with its own dist/ (built beforehand) and its own copy of the data set, started in turn,
// the order flipped every round (A B, B A, …), after one warm-up start each (the OS file cache, V8's
// code cache).
//
//   npx tsx bench/cold-start-breakdown.ts --side main=/tmp/main,/tmp/data-a --side branch=.,/tmp/data-b [--rounds 5] [--profile DIR]
//
// --profile writes each measured start's CPU profiles: the page's (Chromium's, through the DevTools
// protocol) as DIR/<side>-<round>.page.cpuprofile, and the host's (node --cpu-prof, until it exits
// after the paint) as DIR/<side>-<round>.host.cpuprofile; with COLD_TRACE=1 also Chromium's trace
// (every process) as DIR/<side>-<round>.trace.json. COLD_RESOURCES=1 prints each start's files and
// calls (sent → answered, and the events that came). COLD_CHROMIUM_EXTRA adds Chromium flags, e.g.
// "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI":
// each new page of Playwright's headless Chromium 156 also starts the address bar's popup (a WebUI
// renderer of its own), ~1.7 s of CPU beside the cold start on two cores (BENCHMARKS.md).
// Times are medians in ms after the spawn; the host's CPU (user + system, from /proc) at the
// moment it serves and when the row is painted.

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const readyLine = /^Fieldbook is running at (\S+)$/m;

interface Side {
  name: string;
  root: string;
  dataDir: string;
}

/** What the page records, in epoch ms (performance.timeOrigin + now), installed before the app's code. */
interface PageTimeline {
  navigationStart: number;
  htmlIn: number;
  entryIn: number | null;
  lastScriptIn: number;
  scripts: number;
  scriptKb: number;
  socketCreated: number | null;
  socketOpen: number | null;
  firstCallSent: number | null;
  listSent: number | null;
  listAnswered: number | null;
  shellInDom: number | null;
  gridInDom: number | null;
  painted: number;
  longTasksMs: number;
  /** The calls sent over the call socket (and, as "event <name>", the events that came), in order. */
  calls: { channel: string; sent: number; answered: number | null }[];
  /** Every file the page fetched: name, asked, in. */
  resources: [string, number, number][];
}

const pageScript = `(() => {
  const t = () => performance.timeOrigin + performance.now();
  const marks = { socketCreated: null, socketOpen: null, firstCallSent: null, listSent: null, listAnswered: null, shellInDom: null, gridInDom: null, longTasksMs: 0 };
  window.__coldMarks = marks;
  let listId = null;
  const calls = new Map();
  window.__coldCalls = calls;
  const Native = WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      marks.socketCreated ??= t();
      this.addEventListener('open', () => (marks.socketOpen ??= t()));
      this.addEventListener('message', (event) => {
        const id = typeof event.data === 'string' ? /^\\{"id":(\\d+),/.exec(event.data)?.[1] : undefined;
        if (id !== undefined && Number(id) === listId) marks.listAnswered ??= t();
        if (id !== undefined && calls.has(Number(id))) calls.get(Number(id)).answered = t();
        const named = typeof event.data === 'string' ? /"event":"([^"]+)"/.exec(event.data.slice(0, 200))?.[1] : undefined;
        if (named !== undefined && id === undefined) calls.set('event ' + calls.size, { channel: 'event ' + named, sent: t(), answered: null });
      });
    }
    send(data) {
      marks.firstCallSent ??= t();
      const call = typeof data === 'string' ? /^\\{"id":(\\d+),"channel":"([^"]+)"/.exec(data) : null;
      if (call) calls.set(Number(call[1]), { channel: call[2], sent: t(), answered: null });
      if (typeof data === 'string' && listId === null && data.includes('"channel":"contacts.list"')) {
        listId = Number(/^\\{"id":(\\d+),/.exec(data)?.[1]);
        marks.listSent = t();
      }
      return super.send(data);
    }
  };
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) marks.longTasksMs += entry.duration; }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (marks.shellInDom === null && document.querySelector('.app')) marks.shellInDom = t();
    if (marks.gridInDom === null && document.querySelector('[role="grid"][aria-label="Contacts"]')) { marks.gridInDom = t(); observer.disconnect(); }
  });
  observer.observe(document, { subtree: true, childList: true });
})();`;

function probeScript(): string {
  const probe = esbuild.buildSync({ entryPoints: [path.join(benchDir, 'suites', 'browser-page.ts')], bundle: true, format: 'iife', target: 'es2022', write: false });
  return `${pageScript}\n${probe.outputFiles[0]!.text}\nwindow.__benchProbe.arm({ kind: 'firstContacts' });`;
}

async function pageTimeline(page: Page, painted: number): Promise<PageTimeline> {
  return (await page.evaluate(`(() => {
    const origin = performance.timeOrigin;
    const nav = performance.getEntriesByType('navigation')[0];
    const scripts = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js') && origin + entry.responseEnd <= ${painted});
    const entry = scripts.find((script) => /\\/assets\\/index-[^/]*\\.js$/.test(script.name));
    return {
      ...window.__coldMarks,
      navigationStart: origin,
      htmlIn: origin + nav.responseEnd,
      entryIn: entry ? origin + entry.responseEnd : null,
      lastScriptIn: origin + Math.max(0, ...scripts.map((script) => script.responseEnd)),
      scripts: scripts.length,
      scriptKb: scripts.reduce((sum, script) => sum + script.decodedBodySize, 0) / 1024,
      painted: ${painted},
      calls: [...window.__coldCalls.values()],
      resources: performance.getEntriesByType('resource').map((entry) => [entry.name.split('/').pop(), Math.round(origin + entry.startTime), Math.round(origin + entry.responseEnd)]),
    };
  })()`)) as PageTimeline;
}

/** user + system CPU of a process, in ms. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

type Row = Record<string, number | null>;

async function coldStart(side: Side, browser: Browser, probe: string, profileTo: string | null, hostProfileTo: string | null, traceTo: string | null): Promise<Row> {
  const page = await browser.newPage();
  try {
    await page.addInitScript({ content: probe });
    if (traceTo) await browser.startTracing(page, { path: traceTo, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'loading', 'toplevel'] });
    const cdp = profileTo ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const spawned = Date.now();
    const hostFlags = hostProfileTo ? ['--cpu-prof', `--cpu-prof-dir=${path.dirname(hostProfileTo)}`, `--cpu-prof-name=${path.basename(hostProfileTo)}`] : [];
    const host = await startChildServer([...hostFlags, path.join(side.root, 'dist', 'host', 'main.mjs'), '--data-dir', side.dataDir, '--port', '0', '--no-open'], {
      cwd: side.root,
      env: { FIELDBOOK_PASSPHRASE: testPassphrase },
      ready: readyLine,
      loader: 'none',
      timeoutMs: 60_000,
    });
    const serving = Date.now();
    const cpuServing = cpuMs(host.pid);
    try {
      await page.goto(`${host.match[1]}#/contacts`);
      const painted = (await page.evaluate('window.__benchProbe.armed()')) as number;
      const cpuPainted = cpuMs(host.pid);
      const marks = await pageTimeline(page, painted);
      if (traceTo) await browser.stopTracing();
      if (cdp && profileTo) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
        fs.writeFileSync(profileTo, JSON.stringify(profile));
      }
      const at = (epoch: number | null) => (epoch === null ? null : epoch - spawned);
      if (process.env.COLD_RESOURCES) {
        for (const [name, asked, arrived] of marks.resources) console.log(`  ${name} ${asked - spawned} → ${arrived - spawned}`);
        for (const call of marks.calls) console.log(`  call ${call.channel} ${Math.round(call.sent - spawned)} → ${call.answered === null ? '—' : Math.round(call.answered - spawned)}`);
      }
      return {
        'host serving': serving - spawned,
        'host CPU at serving': cpuServing,
        'navigation start': at(marks.navigationStart),
        'HTML in': at(marks.htmlIn),
        'entry chunk in': at(marks.entryIn),
        'call socket created': at(marks.socketCreated),
        'call socket open': at(marks.socketOpen),
        'first call sent': at(marks.firstCallSent),
        'contacts.list sent': at(marks.listSent),
        'contacts.list answered': at(marks.listAnswered),
        'last script in': at(marks.lastScriptIn),
        'shell in the DOM': at(marks.shellInDom),
        'grid in the DOM': at(marks.gridInDom),
        'first row painted': at(marks.painted),
        'host CPU at paint': cpuPainted,
        'page long tasks (ms)': marks.longTasksMs,
        'scripts loaded': marks.scripts,
        'script kB': marks.scriptKb,
      };
    } finally {
      await host.stop();
    }
  } finally {
    await page.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function parseArgs(argv: string[]) {
  const sides: Side[] = [];
  let rounds = 5;
  let profileDir: string | null = null;
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag === '--side' && value) {
      const [name, rest] = value.split('=');
      const [root, dataDir] = (rest ?? '').split(',');
      if (!name || !root || !dataDir) throw new Error(`--side wants name=root,dataDir, not ${value}`);
      sides.push({ name, root: path.resolve(root), dataDir: path.resolve(dataDir) });
    } else if (flag === '--rounds' && value) rounds = Number(value);
    else if (flag === '--profile' && value) profileDir = path.resolve(value);
    else throw new Error(`Unknown argument ${flag}`);
    index += 1;
  }
  if (sides.length === 0) throw new Error('Name at least one --side name=root,dataDir');
  return { sides, rounds, profileDir };
}

async function main() {
  const { sides, rounds, profileDir } = parseArgs(process.argv.slice(2));
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const probe = probeScript();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...(process.env.COLD_CHROMIUM_EXTRA ?? '').split(' ').filter(Boolean)] });
  const rows = new Map<string, Row[]>(sides.map((side) => [side.name, []]));
  const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`load at start ${load()}`);
  try {
    for (const side of sides) await coldStart(side, browser, probe, null, null, null);
    for (let round = 1; round <= rounds; round += 1) {
      const order = round % 2 ? sides : [...sides].reverse();
      for (const side of order) {
        const profileTo = (kind: string) => (profileDir ? path.join(profileDir, `${side.name}-${round}.${kind}.cpuprofile`) : null);
        const row = await coldStart(side, browser, probe, profileTo('page'), profileTo('host'), profileDir && process.env.COLD_TRACE ? path.join(profileDir, `${side.name}-${round}.trace.json`) : null);
        rows.get(side.name)!.push(row);
        console.log(`round ${round} ${side.name}: serving ${row['host serving']} ms, painted ${Math.round(row['first row painted']!)} ms (load ${load()})`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`load at end ${load()}`);
  const steps = Object.keys(rows.get(sides[0]!.name)![0]!);
  console.log(`\n| step (ms after the spawn, medians of ${rounds}) | ${sides.map((side) => side.name).join(' | ')} |`);
  console.log(`| --- | ${sides.map(() => '---').join(' | ')} |`);
  for (const step of steps) {
    const cells = sides.map((side) => {
      const values = rows.get(side.name)!.map((row) => row[step]).filter((value): value is number => value !== null);
      return values.length ? Math.round(median(values)).toLocaleString('en-GB') : '—';
    });
    console.log(`| ${step} | ${cells.join(' | ')} |`);
  }
}

await main();
