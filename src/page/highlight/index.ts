/**
 * The in-page highlights and hover cards (issue 8): what the content script uses.
 *
 *   const lens = startLens({
 *     actors: analysis.actors,            // mention offsets index reading.text
 *     segments: reading.segments,         // the article reader's offsets → live Text nodes
 *     articleUrl: reading.url,
 *     settings: lensSettingsFrom(settings),
 *     loadTimeline: (query) => ask the background,
 *     openTimeline: (query) => ask the background to open the timeline page,
 *     getMessage: browser.i18n.getMessage,
 *   });
 *   commands: lens.toggleHighlights() · lens.nextMention() · lens.previousMention()
 *   popup "show in page": lens.openCardForActor(actorId)
 *   settings changed: lens.updateSettings(lensSettingsFrom(next)) · site switched off / new article: lens.destroy()
 *
 * Nothing here throws into the page; the page's DOM gets one element, `<arabic-news-lens-card>`, and only once a card
 * is first opened.
 */
export { startLens, lensSettingsFrom, DEFAULT_CARD_DELAY_MS, type CardSnapshot, type Lens, type LensOptions, type LensSettings, type OpenCardOptions } from './lens';
export type { LensStats } from './stats';
export type { ActorTimeline, ActorTimelineQuery, TimelineArticle, TimelineEvent, TimelineLoader } from '../../ui/card/types';
export type { DomSpanLocator, TextSegment } from './domMap';
export type { CssInserter } from './pageStyles';
export { HIGHLIGHT_NAMES, DEFAULT_COLOURS, highlightCss, resolveColours } from './palette';
export { CARD_HOST_TAG } from './cardHost';
