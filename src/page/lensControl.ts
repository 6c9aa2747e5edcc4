/**
 * The content script's handle on the in-page lens (highlights + hover cards): started for each analysed article,
 * destroyed when the article goes, the site is switched off, or a newer article replaces it. The lens code is a
 * separate chunk, imported only here, so it loads on Arabic article pages only.
 */
import browser from 'webextension-polyfill';
import { sendMessage } from '../common/messaging';
import type { Settings } from '../common/settings';
import type { Actor } from '../nlp/types';
import type { Lens } from './highlight/index';
import type { AnalyzedArticle } from './state';

const MAX_NAME_CHARS = 4096;

let lens: Lens | null = null;
/** Bumped by every start and stop: a start still loading its chunk when a newer one begins gives up. */
let generation = 0;
/** performance.now() when the analysis arrived and when the lens was running, for the benchmark (e2e build). */
export const lensTimings = { articleAt: 0, lensAt: 0 };

export function currentLens(): Lens | null {
  return lens;
}

export function stopLens(): void {
  generation++;
  lens?.destroy();
  lens = null;
}

/** Starts the lens for an analysed article (replacing any earlier one). Never throws. */
export async function startLensFor(article: AnalyzedArticle, settings: Settings, articleUrl: string): Promise<void> {
  stopLens();
  const mine = generation;
  lensTimings.articleAt = performance.now();
  try {
    const [{ startLens, lensSettingsFrom }, { timelineFromActorCard }] = await Promise.all([
      import('./highlight/index'),
      import('../ui/card/fromStore'),
    ]);
    if (mine !== generation) return; // stopped or replaced while the chunk loaded
    const { actors } = article.analysis;
    lens = startLens({
      actors,
      segments: article.reading.segments,
      articleUrl,
      settings: lensSettingsFrom(settings),
      // The card's query names the actor; the background resolves it best through this analysis' own id.
      loadTimeline: async (query) => {
        const card = await sendMessage('getActorCard', {
          name: query.name.slice(0, MAX_NAME_CHARS),
          actorId: actorIdFor(actors, query.name, query.type),
          articleUrl: query.articleUrl.slice(0, MAX_NAME_CHARS),
        });
        return timelineFromActorCard(card, query.articleUrl);
      },
      openTimeline: (query) => {
        sendMessage('openTimeline', { name: query.name.slice(0, MAX_NAME_CHARS) }).catch((error: unknown) =>
          console.warn('[arabic-news-lens] could not open the timeline', error),
        );
      },
      getMessage: (name, substitutions) => browser.i18n.getMessage(name, substitutions),
      // No manifest CSS: it would be injected into every page; the lens adopts its stylesheet where it runs.
      manifestCss: false,
    });
    lensTimings.lensAt = performance.now();
  } catch (error) {
    console.warn('[arabic-news-lens] highlights unavailable on this page', error);
  }
}

/**
 * Passes on only what changed between two settings: an unrelated change (a colour) must not close an open card (a
 * language change rebuilds it) or switch back on highlights the reader hid with the shortcut.
 */
export function updateLensSettings(previous: Settings, next: Settings): void {
  const running = lens;
  if (!running) return;
  void import('./highlight/index')
    .then(({ lensSettingsFrom }) => {
      if (lens !== running) return;
      const before = lensSettingsFrom(previous) as Record<string, unknown>;
      const after = lensSettingsFrom(next) as Record<string, unknown>;
      const changed = Object.fromEntries(Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])));
      if (Object.keys(changed).length > 0) running.updateSettings(changed);
    })
    .catch((error: unknown) => console.warn('[arabic-news-lens] could not apply settings', error));
}

function actorIdFor(actors: readonly Actor[], name: string, type: string): string | undefined {
  const id = actors.find((actor) => actor.name === name && actor.type === type)?.id;
  return id && id.length <= 64 ? id : undefined;
}
