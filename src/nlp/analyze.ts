/**
 * The language core's entry: article text (+ title, publication date) → Analysis.
 * Pure: runs in the worker, the page, Node tests and the CLI alike.
 *
 * Order matters: actors and dates first; then the sentences; then events (which need both),
 * key actors (which need the events' participants), event ranking (which needs the key actors),
 * and last the summary (which favours sentences covering key actors and events).
 */
import type { Actor, Analysis, DateMention, KeyActor } from './types';
import type { NerModel } from './entities/index';
import { recogniseActors } from './entities/index';
import { findDates } from './dates/index';
import { isValidGregorian } from './dates/calendar';
import { splitSentences } from './story/sentences';
import { findEvents, rankEvents } from './story/events';
import { rankKeyActors } from './story/keyActors';
import { summarize, type SummaryOptions } from './story/summary';
import { identifyLanguage } from './text/language';
import { Stopwatch, now } from './stopwatch';

export interface ArticleInput {
  text: string;
  /** YYYY-MM-DD; relative dates resolve against it. */
  published?: string;
  title?: string;
  site?: string;
  url?: string;
}

export interface AnalyzeOptions {
  /** Summary length controls (the default is 2–3 sentences). */
  summary?: Pick<SummaryOptions, 'maxSentences' | 'wordBudget' | 'tuning'>;
  /** Reference date when `published` is missing (default: today, UTC). For reproducible runs. */
  today?: string;
}

/** Time spent in each stage of the last `analyzeTextTimed` call, in ms. */
export interface StageTimes {
  ner: number;
  dates: number;
  story: number;
  /** Every part of the call (tagger, rules, sentences, summary, language, …), when a stopwatch was given. */
  parts?: Record<string, number>;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a real calendar day written YYYY-MM-DD: what `new Date(Date.UTC(y, m - 1, d))`
 * gives back as the same YYYY-MM-DD, worked out without building a Date (every analysis checks
 * its dates this way). Date.UTC reads years 0–99 as 1900–1999, so those never came back.
 */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 100 && isValidGregorian(year, month, day);
}

export function analyzeText(input: ArticleInput, deps: { model: NerModel }, options: AnalyzeOptions = {}): Analysis {
  return analyzeTextTimed(input, deps, options).analysis;
}

/**
 * `analyzeText` plus the time each stage took (for the benchmark). With a stopwatch, every part
 * of the call is timed too (`times.parts`), so the benchmark can account for the whole of it.
 */
export function analyzeTextTimed(
  input: ArticleInput,
  deps: { model: NerModel },
  options: AnalyzeOptions = {},
  watch?: Stopwatch,
): { analysis: Analysis; times: StageTimes } {
  watch?.reset();
  const text = typeof input.text === 'string' ? input.text : '';
  const published = input.published && isIsoDay(input.published) ? input.published : '';
  const reference = published || (options.today && isIsoDay(options.today) ? options.today : new Date().toISOString().slice(0, 10));
  const title = input.title ?? '';
  watch?.lap('input checks');

  const t0 = now();
  const actors = recogniseActors(deps.model, text, watch);
  const t1 = now();
  watch?.reset();
  const dates = findDates(text, reference);
  watch?.lap('dates');
  const t2 = now();

  const { events, summary, keyActors } = tellStory({ text, title, actors, dates, reference }, options.summary, watch);
  const t3 = now();

  watch?.reset();
  const lang = languageOf(text);
  watch?.lap('language');
  const analysis: Analysis = {
    isArticle: true,
    lang,
    title,
    published,
    site: input.site ?? '',
    ...(input.url ? { url: input.url } : {}),
    text,
    actors,
    dates,
    events,
    summary,
    keyActors,
  };
  watch?.lap('result object');
  return { analysis, times: { ner: t1 - t0, dates: t2 - t1, story: t3 - t2, ...(watch ? { parts: watch.parts } : {}) } };
}

/** What the story stage needs: the text with its actors and resolved dates. */
export interface StoryInput {
  text: string;
  title: string;
  actors: Actor[];
  dates: DateMention[];
  /** Publication date, or the stand-in reference when unknown (YYYY-MM-DD). */
  reference: string;
}

/** The story stage alone: sentences → dated events, key actors, event ranking, summary. */
export function tellStory(
  input: StoryInput,
  summaryOptions: AnalyzeOptions['summary'] = {},
  watch?: Stopwatch,
): Pick<Analysis, 'events' | 'summary'> & { keyActors: KeyActor[] } {
  watch?.reset();
  const { text, title, actors, dates, reference } = input;
  const sentences = splitSentences(text);
  watch?.lap('story: sentences');
  const drafts = findEvents({ text, sentences, dates, actors, reference });
  watch?.lap('story: events');
  const keyActors = rankKeyActors({ text, title, sentences, actors, events: drafts });
  const events = rankEvents(drafts, keyActors, sentences.length);
  watch?.lap('story: key actors + event ranking');
  const summary = summarize(text, sentences, { ...summaryOptions, title, actors, keyActors, events });
  watch?.lap('story: summary');
  return { events, summary, keyActors };
}

/** The language of the text ('ar', 'fa', 'ur', …), from a sample so a huge text costs no more. */
function languageOf(text: string): string {
  const guess = identifyLanguage(text.slice(0, 20_000));
  return guess.lang === 'other' ? 'und' : guess.lang;
}
