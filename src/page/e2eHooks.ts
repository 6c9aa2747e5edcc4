/**
 * TEST-ONLY (compiled into dist-e2e builds only; see __ANL_E2E__ in vite.config.ts). The card lives in a closed
 * shadow root that a test driver cannot read, so the end-to-end tests ask the content script through this message
 * hook, sent from one of the extension's own pages (`tabs.sendMessage`). Nothing here is in a production build.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { currentLens, lensTimings, startLensFor } from './lensControl';
import { loadSettings } from './siteSettings';
import { currentArticle } from './state';

export const E2E_CHANNEL = 'arabic-news-lens-e2e';

interface E2eRequest {
  channel: typeof E2E_CHANNEL;
  op: string;
  args?: unknown[];
}

interface RectLike {
  left: number;
  top: number;
  width: number;
  height: number;
}

function rects(range: Range): RectLike[] {
  return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Times `rounds` calls of `work(point)` over all points, `repeat` times; returns the per-call times (ms). */
function perCall(points: readonly [number, number][], repeat: number, work: (x: number, y: number) => unknown): number[] {
  const times: number[] = [];
  for (let round = 0; round < repeat; round++) {
    const started = performance.now();
    for (const [x, y] of points) work(x, y);
    times.push((performance.now() - started) / Math.max(points.length, 1));
  }
  return times;
}

function answer(op: string, args: unknown[]): unknown {
  const lens = currentLens();
  switch (op) {
    case 'state':
      return lens
        ? { running: true, mentions: lens.mentionCount, on: lens.highlightsOn, painted: lens.highlightsPainted, open: lens.openMention, timings: { ...lensTimings } }
        : { running: false };
    case 'snapshot':
      return lens?.cardSnapshot() ?? null;
    case 'stats':
      return lens?.stats() ?? null;
    case 'mention': {
      const mention = lens?.mentionAt(Number(args[0]));
      return mention ? { actorName: mention.actorName, type: mention.type, text: mention.text, rects: rects(mention.range) } : null;
    }
    case 'mentions': {
      const out = [];
      for (let i = 0; lens && i < lens.mentionCount; i++) {
        const mention = lens.mentionAt(i);
        if (mention) out.push({ actorName: mention.actorName, type: mention.type, text: mention.text });
      }
      return out;
    }
    case 'open':
      return lens?.openCardForMention(Number(args[0]), (args[1] ?? {}) as { focus?: boolean; pinned?: boolean; scroll?: boolean }) ?? false;
    case 'hitTest':
      return lens?.hitTestAt(Number(args[0]), Number(args[1])) ?? null;
    case 'benchHover': {
      // Side by side: the lens's hit-test (caret lookup + mention search + rect check) vs a bare caret lookup.
      const points = args[0] as [number, number][];
      const repeat = Number(args[1] ?? 15);
      if (!lens) return null;
      const caret = (x: number, y: number): unknown =>
        typeof document.caretPositionFromPoint === 'function' ? document.caretPositionFromPoint(x, y) : document.caretRangeFromPoint(x, y);
      const lensTimes: number[] = [];
      const bareTimes: number[] = [];
      for (let i = 0; i < repeat; i++) {
        lensTimes.push(...perCall(points, 1, (x, y) => lens.hitTestAt(x, y)));
        bareTimes.push(...perCall(points, 1, caret));
      }
      return { lensMedianMs: median(lensTimes), bareMedianMs: median(bareTimes), points: points.length, runs: repeat };
    }
    default:
      return { error: `unknown op ${op}` };
  }
}

/**
 * Benchmark, side by side and interleaved: the lens started for the current article (mention ranges built, sorted,
 * registered in CSS.highlights, styles adopted, listeners added) vs. only building the same ranges with the reader's
 * map (`rangeFor`: document.createRange over the same text nodes), registering nothing.
 */
async function benchStartup(runs: number): Promise<unknown> {
  const article = currentArticle();
  if (!article) return null;
  const settings = await loadSettings();
  const url = location.href;
  // Imported here, not at the top: a static import would load the reader (and its date tables) on every page of
  // the test build and spoil its every-page figures.
  const { rangeFor } = await import('./article/index');
  const spans = article.analysis.actors.flatMap((actor) => actor.mentions);
  const lensTimes: number[] = [];
  const rangeTimes: number[] = [];
  let ranges = 0;
  for (let i = 0; i < runs; i++) {
    await startLensFor(article, settings, url); // the chunk is loaded by now: this is the start itself
    lensTimes.push(lensTimings.lensAt - lensTimings.articleAt);
    const started = performance.now();
    ranges = 0;
    for (const span of spans) if (rangeFor(document, article.reading.segments, span.start, span.end)) ranges++;
    rangeTimes.push(performance.now() - started);
  }
  return { lensMedianMs: median(lensTimes), rangesMedianMs: median(rangeTimes), mentions: currentLens()?.mentionCount ?? 0, ranges, runs };
}

export function installE2eHooks(): void {
  const listener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void): true | undefined => {
    const request = message as Partial<E2eRequest> | null;
    if (!request || request.channel !== E2E_CHANNEL || typeof request.op !== 'string') return undefined;
    // Only the extension's own pages may ask, even in a test build.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL(''))) return undefined;
    const args = Array.isArray(request.args) ? request.args : [];
    Promise.resolve()
      .then(() => (request.op === 'benchStartup' ? benchStartup(Number(args[0] ?? 15)) : answer(request.op as string, args)))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) => sendResponse({ ok: false, error: String(error) }),
      );
    return true;
  };
  browser.runtime.onMessage.addListener(listener as Runtime.OnMessageListenerCallback);
}
