/**
 * Highlights and hover cards in the real browsers (issue 8), in headless Chromium (and Firefox ESR) with the test build
 * (dist-e2e/chrome: the extension plus the test-only hook the figures are read through). Medians, each beside a
 * baseline measured side by side:
 *  - start-up: analysis received → lens running (ranges built, sorted, registered in CSS.highlights, styles
 *    adopted, listeners on), vs. only building the same ranges with document.createRange (nothing registered);
 *    and the same figure as it happens on page load (the chunk import included), over fresh loads;
 *  - hover: one hit-test (what each animation frame with pointer movement costs) vs. a bare caretPositionFromPoint
 *    at the same points;
 *  - every page: main-thread script and task time of a large English page with the extension vs. without.
 * Skips with a reason when Chromium or dist-e2e is missing (`ANL_E2E=1 npm run build` makes it).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { chromium, type BrowserContext } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { median, report, type BenchSuite } from './harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist-e2e', 'chrome');
/** The every-page figure is taken on the production build: the test hook must not be part of it. */
const DIST_PRODUCTION = join(ROOT, 'dist', 'chrome');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
const DIST_FIREFOX = join(ROOT, 'dist-e2e', 'firefox');
const RUNS = 15;

/**
 * A long Arabic article: the four paragraphs of test/e2e/pages/highlight-article.html, 25 times (≈ 23 000 characters,
 * 400 mentions). Each copy is numbered: the reader drops repeated identical paragraphs as page furniture.
 */
function longArticle(): string {
  const source = readFileSync(join(ROOT, 'test', 'e2e', 'pages', 'highlight-article.html'), 'utf8');
  const paragraphs = source.match(/<p>[\s\S]*?<\/p>/g) ?? [];
  const body = Array.from({ length: 25 }, (_, copy) =>
    paragraphs.map((p, i) => p.replace('</p>', ` (البند ${copy * paragraphs.length + i + 1} من المحضر)</p>`)).join('\n'),
  ).join('\n');
  return source.replace(/<article>[\s\S]*<\/article>/, `<article><h1>اتفاق أردني مصري على ربط شبكتي الكهرباء قبل نهاية العام</h1>\n${body}</article>`);
}

/** A large English page (≈ 1.2 MB of news-like blocks), as in scripts/bench/pages.ts. */
function largeEnglishPage(): string {
  const block =
    '<div class="story"><h2><a href="/news/x">Council approves the new budget for roads and schools</a></h2>' +
    '<p>The city council voted on Tuesday to approve a budget that raises spending on road repairs, school buildings and public parks, after a long debate.</p></div>\n';
  return `<!DOCTYPE html><html lang="en"><head><title>City news</title></head><body>${block.repeat(Math.ceil(1_200_000 / block.length))}</body></html>`;
}

async function serve(pages: Record<string, string>): Promise<{ url: (path: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const body = pages[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function launch(dist: string | null): Promise<{ context: BrowserContext; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'anl-bench-'));
  const extension = dist ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : [];
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extension],
  });
  return { context, dir };
}

/** What the figures need from a page, in both drivers (playwright-core, puppeteer-core). */
interface BenchPage {
  evaluate(expression: string): Promise<unknown>;
  goto(url: string): Promise<unknown>;
  mouse: { move(x: number, y: number): Promise<unknown> };
}

const lensOp = (probe: BenchPage, tabId: number, op: string, ...args: unknown[]): Promise<unknown> =>
  probe.evaluate(`(async () => {
    const reply = await browser.tabs.sendMessage(${tabId}, { channel: 'arabic-news-lens-e2e', op: ${JSON.stringify(op)}, args: ${JSON.stringify(args)} }, { frameId: 0 });
    if (!reply || !reply.ok) throw new Error(JSON.stringify(reply));
    return reply.value;
  })()`);

async function tabIdOf(probe: BenchPage, url: string): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const id = await probe.evaluate(`(async () => {
      for (const tab of await browser.tabs.query({})) {
        try {
          const r = await browser.tabs.sendMessage(tab.id, { channel: 'arabic-news-lens', name: 'getPageStatus', payload: {} }, { frameId: 0 });
          if (r && r.ok && r.value.url === ${JSON.stringify(url)}) return tab.id;
        } catch (e) {}
      }
      return null;
    })()`);
    if (typeof id === 'number') return id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no content script at ${url}`);
}

interface LensState {
  running: boolean;
  painted?: boolean;
  timings?: { articleAt: number; lensAt: number };
}

async function waitForLens(probe: BenchPage, tabId: number): Promise<LensState> {
  for (let attempt = 0; attempt < 300; attempt++) {
    // Right after a navigation the hook may not be listening yet: ask again.
    const state = (await lensOp(probe, tabId, 'state').catch(() => ({ running: false }))) as LensState;
    if (state.running && state.painted) return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the lens never ran');
}

const ms = (value: number): string => `${value.toFixed(3).padStart(9)} ms`;

async function lensFigures(server: { url: (path: string) => string }): Promise<string[]> {
  const { context, dir } = await launch(DIST);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const probe = await context.newPage();
    await probe.goto(`chrome-extension://${new URL(worker.url()).host}/src/ui/options/index.html`);
    return await figuresWith(probe, await context.newPage(), server, 'timer resolution 0.1 ms in Chromium content scripts');
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The same figures in Firefox ESR (puppeteer-core over WebDriver BiDi), with dist-e2e/firefox. */
async function firefoxFigures(server: { url: (path: string) => string }): Promise<string[]> {
  const uuid = randomUUID();
  const geckoId = 'arabic-news-lens@arabic-news-lens.example';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1000, height: 800 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }) },
  });
  try {
    await browser.installExtension(DIST_FIREFOX);
    const probe = await browser.newPage();
    probe.goto(`moz-extension://${uuid}/src/ui/options/index.html`).catch(() => undefined);
    for (let i = 0; i < 100 && !(await probe.evaluate(`typeof browser !== 'undefined' && !!browser.tabs`).catch(() => false)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await figuresWith(probe as unknown as BenchPage, (await browser.newPage()) as unknown as BenchPage, server, 'timer resolution 1 ms or coarser in Firefox pages');
  } finally {
    await browser.close();
  }
}

async function figuresWith(probe: BenchPage, page: BenchPage, server: { url: (path: string) => string }, resolution: string): Promise<string[]> {
  const url = server.url('/long-article.html');
  // As it happens on load: a fresh content-script world per load, the lens chunk imported each time.
  const onLoad: number[] = [];
  let tabId = -1;
  for (let i = 0; i < RUNS; i++) {
    await page.goto(url);
    tabId = await tabIdOf(probe, url);
    const state = await waitForLens(probe, tabId);
    if (state.timings) onLoad.push(state.timings.lensAt - state.timings.articleAt);
  }
  const startup = (await lensOp(probe, tabId, 'benchStartup', RUNS)) as { lensMedianMs: number; rangesMedianMs: number; mentions: number; runs: number };

  // Hover: a grid of points over the viewport, the article scrolled to its middle (hits and misses).
  await page.evaluate('window.scrollTo(0, document.body.scrollHeight / 2)');
  const points: [number, number][] = [];
  for (let y = 20; y < 800; y += 20) for (let x = 20; x < 1000; x += 40) points.push([x, y]);
  const hover = (await lensOp(probe, tabId, 'benchHover', points, RUNS)) as { lensMedianMs: number; bareMedianMs: number; points: number };
  // And real pointer moves, timed by the lens itself (one hit-test per frame).
  for (const [x, y] of points.slice(0, 200)) await page.mouse.move(x, y);
  const stats = (await lensOp(probe, tabId, 'stats')) as { hitTests: number; hitTestMedianMs: number | null };

  return [
    `long article: ${startup.mentions} highlighted mentions`,
    `article found → highlights registered, on page load (chunk import incl.)  median ${ms(median(onLoad))}  (n=${onLoad.length})`,
    `lens start (ranges + registry + styles + listeners)                      median ${ms(startup.lensMedianMs)}  (n=${startup.runs})`,
    `baseline: the same ranges with document.createRange, not registered       median ${ms(startup.rangesMedianMs)}`,
    `ratio                                                                      ${(startup.lensMedianMs / startup.rangesMedianMs).toFixed(2)}×`,
    `hover hit-test per pointer frame (caret + mention search + rect check)   median ${ms(hover.lensMedianMs)}  (${hover.points} points × ${RUNS})`,
    `baseline: bare caretPositionFromPoint at the same points                  median ${ms(hover.bareMedianMs)}`,
    `ratio                                                                      ${(hover.lensMedianMs / hover.bareMedianMs).toFixed(2)}×`,
    `real mouse moves: ${stats.hitTests} hit-tests, median as the lens timed them ${stats.hitTestMedianMs === null ? 'n/a' : ms(stats.hitTestMedianMs)} (${resolution})`,
  ];
}

/** Main-thread script and task time of one load of `url`, until 1.5 s after the load event (CDP Performance). */
async function pageCost(context: BrowserContext, url: string): Promise<{ script: number; task: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500); // document_idle, the settings read and the first look all happen in here
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  await cdp.detach();
  await page.close();
  return { script: value('ScriptDuration'), task: value('TaskDuration') };
}

async function everyPageFigures(server: { url: (path: string) => string }): Promise<string[]> {
  const withExt = await launch(DIST_PRODUCTION);
  const without = await launch(null);
  try {
    const url = server.url('/large-english.html');
    const a: { script: number; task: number }[] = [];
    const b: { script: number; task: number }[] = [];
    await pageCost(withExt.context, url);
    await pageCost(without.context, url);
    for (let i = 0; i < 9; i++) {
      a.push(await pageCost(withExt.context, url));
      b.push(await pageCost(without.context, url));
    }
    const m = (xs: { script: number; task: number }[], key: 'script' | 'task'): number => median(xs.map((x) => x[key]));
    return [
      `large English page (1.2 MB), production build (dist/chrome), until 1.5 s after load, interleaved, n=9 each:`,
      `script time  with the extension median ${ms(m(a, 'script'))}   without median ${ms(m(b, 'script'))}   difference ${ms(m(a, 'script') - m(b, 'script'))}`,
      `task time    with the extension median ${ms(m(a, 'task'))}   without median ${ms(m(b, 'task'))}   difference ${ms(m(a, 'task') - m(b, 'task'))}`,
    ];
  } finally {
    await withExt.context.close();
    await without.context.close();
    await rm(withExt.dir, { recursive: true, force: true });
    await rm(without.dir, { recursive: true, force: true });
  }
}

export const suite: BenchSuite = {
  name: 'highlight-browser',
  skip: () => {
    if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found (set CHROMIUM_BIN)`;
    if (!existsSync(join(DIST, 'manifest.json'))) return `${DIST} missing: run \`ANL_E2E=1 npm run build\``;
    if (!existsSync(join(DIST_PRODUCTION, 'manifest.json'))) return `${DIST_PRODUCTION} missing: run \`npm run build\``;
    return undefined;
  },
  async run() {
    const server = await serve({ '/long-article.html': longArticle(), '/large-english.html': largeEnglishPage() });
    try {
      report('highlight-browser: highlights and hover in headless Chromium (dist-e2e/chrome)', await lensFigures(server));
      report('highlight-browser: every-page cost of the content script (headless Chromium, dist/chrome)', await everyPageFigures(server));
      if (existsSync(FIREFOX) && existsSync(join(DIST_FIREFOX, 'manifest.json'))) {
        report('highlight-browser: highlights and hover in headless Firefox ESR (dist-e2e/firefox)', await firefoxFigures(server));
      } else {
        report('highlight-browser: Firefox ESR', [`skipped: ${FIREFOX} or ${DIST_FIREFOX} missing`]);
      }
    } finally {
      await server.close();
    }
  },
};
