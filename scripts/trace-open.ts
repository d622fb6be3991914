// Diagnostic for the panel's first render (README, "first render"): fresh loads of a fixture
// (big-10000), the tab clicked PAUSE ms after it shows, with a Chromium trace of each, printing
// where the click's time went (collection, style, layout, paint, Blink's ad detectors, script),
// when V8 left its loading mode (which starts the page's major collection), and the heap before
// the click.
//   npx tsx scripts/trace-open.ts MODE RUNS [FIXTURE] [PAUSE]
// MODE: ext (the extension, its tab clicked); plain (no extension: a page script shows a fixed
// element as large as the sheet on a click at the same place); plain-iso (plain, the body
// isolated as the panel does); heap-ext / heap-plain (the heap after load, after a full
// collection, and what loading allocated in V8, by script); alloc-ext (what the click
// allocates in V8, by function). Traces leave out devtools.timeline unless FULL=1: its Layout
// event counts every layout object for its arguments, ~9 ms per layout on 10,000 comments,
// which made the openings' layouts look 13-30 ms. TRACE_DIR=dir keeps the traces. Load the
// extension built with `npx wxt build` first.
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from '../seeds/fixtures';
import { EXTENSION_DIR, serveFixtures } from '../tests/e2e/harness';

const [mode = 'ext', runsArg = '3', name = 'big-10000', pauseArg = '1000'] = process.argv.slice(2);
const withExtension = mode.endsWith('ext');
const pause = Number(pauseArg);

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any }

async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'ca-trace-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: [...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** The plain page's stand-in for the panel: a fixed element as large as the open sheet, shown on click. */
function plainStandIn() {
  addEventListener('DOMContentLoaded', () => {
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;top:0;right:0;width:0;height:0;overflow:visible;z-index:2147483647';
    const tab = document.createElement('button');
    tab.id = 'stand-in-tab';
    tab.textContent = '10000 comments';
    tab.style.cssText = 'position:fixed;right:0;top:40%;width:40px;height:120px';
    host.append(tab);
    tab.addEventListener('click', () => {
      const sheet = document.createElement('section');
      sheet.style.cssText = 'position:fixed;top:0;right:0;width:420px;height:100vh;background:#fff;border-left:1px solid #ccc;overflow:auto';
      for (let i = 0; i < 30; i++) sheet.append(Object.assign(document.createElement('div'), { textContent: `Reader ${i} · a comment's first line`, style: 'height:28px' }));
      host.append(sheet);
      tab.remove();
      requestAnimationFrame(() => setTimeout(() => performance.measure('ca:rendered', { start: performance.getEntriesByName('stand-in-open')[0]?.startTime ?? 0 })));
      performance.mark('stand-in-open');
    });
    document.documentElement.append(host);
  });
}

function recordClickPaint() {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'click') (window as any).caClickPaint = entry.duration;
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
}

const tabBox = () => (document.querySelector('comment-annotator-panel')?.shadowRoot?.querySelector('[data-testid="ca-toggle"]') ?? document.getElementById('stand-in-tab'))?.getBoundingClientRect();

async function readTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Union length of intervals (ms). */
function union(intervals: [number, number][]): number {
  const sorted = intervals.sort((a, b) => a[0] - b[0]);
  let total = 0; let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

async function oneOpening(page: Page, cdp: CDPSession, run: number) {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: !process.env.FULL ? ['fonts', 'v8.gc', 'disabled-by-default-v8.gc', 'v8', 'blink', 'benchmark', 'blink.user_timing', 'toplevel', 'cppgc', 'input', 'latencyInfo', 'loading', 'disabled-by-default-renderer.scheduler'] : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.gc', 'disabled-by-default-v8.gc', 'blink', 'benchmark', 'blink.user_timing', 'v8', 'toplevel', 'cppgc', 'disabled-by-default-cppgc', 'loading', 'blink.gc'] },
  });
  const heapAt: { beforeClick?: any } = {};
  await page.goto(fixture(name).url);
  await page.waitForFunction(tabBox, undefined, { timeout: 60_000 });
  const shownAt = await page.evaluate(() => performance.now());
  if (process.env.CLICK_AT) await page.waitForFunction((at) => performance.now() >= at, Number(process.env.CLICK_AT), { polling: 20, timeout: 60_000 });
  else if (pause) await page.waitForTimeout(pause);
  heapAt.beforeClick = await cdp.send('Runtime.getHeapUsage');
  const box = (await page.evaluate(tabBox))!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => performance.getEntriesByName('ca:rendered', 'measure').length > 0, undefined, { timeout: 60_000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const rendered = await page.evaluate(() => performance.getEntriesByName('ca:rendered', 'measure')[0].duration);
  const click = await page.evaluate(() => (window as any).caClickPaint ?? 16);
  const events = await readTrace(cdp);
  if (process.env.TRACE_DIR) writeFileSync(join(process.env.TRACE_DIR, `trace-${mode}-${run}.json`), JSON.stringify(events));

  // The page's renderer main thread: the one that ran the click.
  const clickEvent = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click') ?? events.find((e) => e.name === 'EventHandler::handleMouseReleaseEvent');
  if (!clickEvent) throw new Error('no click in the trace');
  const main = (e: TraceEvent) => e.pid === clickEvent.pid && e.tid === clickEvent.tid;
  const nav = events.find((e) => main(e) && e.name === 'navigationStart') ?? events.find((e) => e.pid === clickEvent.pid && e.name === 'navigationStart');
  const t0 = nav?.ts ?? events.filter(main)[0].ts;
  const mouseDown = events.filter((e) => main(e) && ((e.name === 'EventDispatch' && e.args?.data?.type === 'mousedown') || e.name === 'EventHandler::handleMousePressEvent')).at(-1) ?? clickEvent;
  const start = mouseDown.ts;
  const end = start + click * 1000 + 8000;
  const inWindow = events.filter((e) => main(e) && e.ph === 'X' && e.ts < end && e.ts + (e.dur ?? 0) > start);
  const span = (pred: (e: TraceEvent) => boolean) => union(inWindow.filter(pred).map((e) => [Math.max(e.ts, start) / 1000, Math.min(e.ts + e.dur!, end) / 1000]));
  const gcWin = span((e) => e.cat.includes('v8.gc') || e.cat.includes('cppgc') || e.name.includes('GC'));
  const style = span((e) => e.name === 'UpdateLayoutTree' || e.name === 'Document::updateStyle');
  const layout = span((e) => e.name === 'Layout' || e.name === 'LocalFrameView::layout');
  const prepaint = span((e) => e.name === 'PrePaint' || e.name === 'LocalFrameView::RunPrePaintLifecyclePhase');
  const paint = span((e) => e.name === 'Paint' || e.name === 'PaintImage' || e.name === 'LocalFrameView::RunPaintLifecyclePhase');
  const layerize = span((e) => e.name === 'Layerize');
  const overlay = span((e) => e.name.startsWith('OverlayInterstitialAdDetector'));
  const sticky = span((e) => e.name.startsWith('StickyAdDetector'));
  const script = span((e) => e.name === 'EventDispatch' || e.name === 'v8.callFunction' || e.name === 'FunctionCall' || e.name === 'RunMicrotasks' || e.name === 'FireAnimationFrame' || e.name === 'TimerFire');
  const hitTest = span((e) => e.name === 'HitTest');
  const fonts = span((e) => e.name === 'FontCache::GetFontPlatformData');
  // In this Chromium the detectors run after the frame's commit: the frame is presented meanwhile.
  const detector = inWindow.find((e) => e.name.startsWith('OverlayInterstitialAdDetector'));
  const committed = detector && inWindow.some((e) => e.name === 'ProxyMain::BeginMainFrame::commit' && e.ts + e.dur! <= detector.ts && e.ts > detector.ts - 50_000);
  const fromNavigation = (e: TraceEvent) => ((e.ts - t0) / 1000).toFixed(0);
  const finals = events.filter((e) => main(e) && e.name === 'V8.GCFinalizeMC').map((e) => `${fromNavigation(e)}+${(e.dur! / 1000).toFixed(0)}`);
  const starts = events.filter((e) => main(e) && e.name === 'V8.GCIncrementalMarkingStart').map((e) => `${fromNavigation(e)} (${e.args?.value?.reason ?? e.args?.value?.gc_reason ?? '?'})`);
  // V8 leaves its loading mode when Blink reports the first meaningful paint (after its network-idle wait), and the scheduler's policy follows.
  const loadEvent = events.find((e) => e.pid === clickEvent.pid && e.name === 'loadEventEnd');
  const loadingEnd = events.filter((e) => main(e) && e.name === 'MainThreadSchedulerImpl::OnMainFramePaint').at(-1);
  console.log(`${mode} #${run}: click ${click} ms, rendered ${rendered.toFixed(1)} ms; tab shown ${shownAt.toFixed(0)} ms after navigation, clicked at ${((start - t0) / 1000).toFixed(0)}`
    + `\n  load event at ${loadEvent ? fromNavigation(loadEvent) : '?'}, loading mode left at ${loadingEnd ? fromNavigation(loadingEnd) : '?'}`
    + `\n  in the click: GC ${gcWin.toFixed(1)}, style ${style.toFixed(1)}, layout ${layout.toFixed(1)}, prepaint ${prepaint.toFixed(1)}, paint ${paint.toFixed(1)}, layerize ${layerize.toFixed(1)}, overlay-ad ${overlay.toFixed(1)}${detector ? (committed ? ' (after the commit)' : ' (before the commit)') : ''}, sticky-ad ${sticky.toFixed(1)}, hit-test ${hitTest.toFixed(1)}, font set-up ${fonts.toFixed(1)}, script ${script.toFixed(1)}`
    + `\n  major collections (ms from navigation): marking started ${starts.join(', ') || 'never'}; final pauses ${finals.join(', ') || 'none'}`
    + `\n  heap before the click: V8 ${(heapAt.beforeClick.usedSize / 1048576).toFixed(1)} MB, DOM (Oilpan) ${(heapAt.beforeClick.embedderHeapUsedSize / 1048576).toFixed(0)} MB`);
}

/** Heap after load (as the reader would click), after a full GC, and the allocations while loading by script. */
async function heap(page: Page, cdp: CDPSession, run: number) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as any);
  await page.goto(fixture(name).url);
  await page.waitForFunction(tabBox, undefined, { timeout: 60_000 });
  if (pause) await page.waitForTimeout(pause);
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  const used = await cdp.send('Runtime.getHeapUsage');
  const memory = await page.evaluate(() => (performance as any).memory.usedJSHeapSize);
  await cdp.send('HeapProfiler.collectGarbage');
  const retained = await cdp.send('Runtime.getHeapUsage');
  const byUrl = new Map<string, number>();
  const byFn = new Map<string, number>();
  const walk = (node: any, owner: string) => {
    const url: string = node.callFrame.url;
    const here = url.includes('chrome-extension://') ? 'extension' : url ? 'page' : owner;
    const self = node.selfSize as number;
    byUrl.set(here, (byUrl.get(here) ?? 0) + self);
    if (here === 'extension' && self) byFn.set(`${node.callFrame.functionName || '(anon)'}:${node.callFrame.lineNumber}`, (byFn.get(`${node.callFrame.functionName || '(anon)'}:${node.callFrame.lineNumber}`) ?? 0) + self);
    for (const child of node.children) walk(child, here);
  };
  walk(profile.head, 'browser (parser, no script)');
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  console.log(`${mode} #${run}: heap used ${mb(used.usedSize)} of ${mb(used.totalSize)} (performance.memory ${mb(memory)}); after a full GC ${mb(retained.usedSize)}`
    + `\n  sampled allocations while loading: ${[...byUrl].map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`
    + `\n  extension's biggest allocators: ${[...byFn].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`);
}

/** What the click itself allocates in V8 (sampled every 1 KB), by function. */
async function clickAllocation(page: Page, cdp: CDPSession, run: number) {
  await page.goto(fixture(name).url);
  await page.waitForFunction(tabBox, undefined, { timeout: 60_000 });
  await page.waitForTimeout(pause);
  await cdp.send('HeapProfiler.enable');
  const box = (await page.evaluate(tabBox))!;
  const before = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as any);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => performance.getEntriesByName('ca:rendered', 'measure').length > 0, undefined, { timeout: 60_000 });
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  const after = await cdp.send('Runtime.getHeapUsage');
  const byFn = new Map<string, number>();
  let total = 0;
  const walk = (node: any) => {
    total += node.selfSize;
    const key = `${node.callFrame.functionName || '(anon)'}@${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}:${node.callFrame.columnNumber}`;
    if (node.selfSize) byFn.set(key, (byFn.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child);
  };
  walk(profile.head);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`${mode} #${run}: the click allocated ${kb(total)} in V8 (sampled); heap used ${kb(before.usedSize)} -> ${kb(after.usedSize)}, DOM heap ${kb(before.embedderHeapUsedSize ?? 0)} -> ${kb(after.embedderHeapUsedSize ?? 0)}`
    + `\n  by function: ${[...byFn].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
}

const browser = await launch();
await serveFixtures(browser.context, [fixture(name)]);
const page = await browser.context.newPage();
await page.setViewportSize({ width: 1280, height: 800 });
await page.addInitScript(recordClickPaint);
if (!withExtension) await page.addInitScript(plainStandIn);
if (mode === 'plain-iso') await page.addInitScript(() => addEventListener('DOMContentLoaded', () => document.body.style.setProperty('isolation', 'isolate')));
const cdp = await browser.context.newCDPSession(page);
for (let run = 1; run <= Number(runsArg); run++) {
  if (mode.startsWith('heap')) await heap(page, cdp, run);
  else if (mode.startsWith('alloc')) await clickAllocation(page, cdp, run);
  else await oneOpening(page, cdp, run);
}
await browser.close();
