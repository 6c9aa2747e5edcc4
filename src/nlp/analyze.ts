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
import { splitSentences } from './story/sentences';
import { findEvents, rankEvents } from './story/events';
import { rankKeyActors } from './story/keyActors';
import { summarize, type SummaryOptions } from './story/summary';
import { identifyLanguage } from './text/language';

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
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function analyzeText(input: ArticleInput, deps: { model: NerModel }, options: AnalyzeOptions = {}): Analysis {
  return analyzeTextTimed(input, deps, options).analysis;
}

/** `analyzeText` plus the time each stage took (for the benchmark). */
export function analyzeTextTimed(
  input: ArticleInput,
  deps: { model: NerModel },
  options: AnalyzeOptions = {},
): { analysis: Analysis; times: StageTimes } {
  const text = typeof input.text === 'string' ? input.text : '';
  const published = input.published && isIsoDay(input.published) ? input.published : '';
  const reference = published || (options.today && isIsoDay(options.today) ? options.today : new Date().toISOString().slice(0, 10));
  const title = input.title ?? '';

  const t0 = now();
  const actors = recogniseActors(deps.model, text);
  const t1 = now();
  const dates = findDates(text, reference);
  const t2 = now();

  const { events, summary, keyActors } = tellStory({ text, title, actors, dates, reference }, options.summary);
  const t3 = now();

  const analysis: Analysis = {
    isArticle: true,
    lang: languageOf(text),
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
  return { analysis, times: { ner: t1 - t0, dates: t2 - t1, story: t3 - t2 } };
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
): Pick<Analysis, 'events' | 'summary'> & { keyActors: KeyActor[] } {
  const { text, title, actors, dates, reference } = input;
  const sentences = splitSentences(text);
  const drafts = findEvents({ text, sentences, dates, actors, reference });
  const keyActors = rankKeyActors({ text, title, sentences, actors, events: drafts });
  const events = rankEvents(drafts, keyActors, sentences.length);
  const summary = summarize(text, sentences, { ...summaryOptions, title, actors, keyActors, events });
  return { events, summary, keyActors };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** The language of the text ('ar', 'fa', 'ur', …), from a sample so a huge text costs no more. */
function languageOf(text: string): string {
  const guess = identifyLanguage(text.slice(0, 20_000));
  return guess.lang === 'other' ? 'und' : guess.lang;
}
