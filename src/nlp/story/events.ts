/**
 * Dated events: for each date in the article body, the clause that reports what happened then,
 * who took part, and the date value; plus the article's main news, which is usually dated only
 * by the publication date.
 *
 * Who took part: actors with a mention inside the clause. When the clause names nobody (Arabic
 * often drops the subject: "ووجهت ضربات …"), the fallback is the sentence's subject, taken as
 * the first actor the sentence names, else the first actor of the sentence before it in the
 * same paragraph. People named in the next sentence or two that detail the event ("the Iranian
 * delegation was led by …") take part too. Simple, and easy to explain on a hover card.
 */
import type { Actor, DateGrain, DateMention, KeyActor, StoryEvent } from '../types';
import type { Sentence } from './sentences';
import { clausesAround } from './clauses';
import { contentTerms, termCounts, dot, weightedUnit, type SparseVector } from './terms';
import { rangeIndexAt } from '../text/spans';
import { ALEF, HA, MIM, NUN, TA, WAW, YA } from '../text/letters';

/** Bounds the work on pathological input (a table of a thousand dates). */
export const MAX_DATES = 300;
/** How many days before publication a lead date still counts as "today's news". */
const RECENT_DAYS = 3;

/** An event before ranking, with what merging and ranking need to know. */
export interface DraftEvent extends StoryEvent {
  sentenceIndex: number;
  /** How many date mentions were merged into this event. */
  mentions: number;
}

export interface EventInput {
  text: string;
  sentences: readonly Sentence[];
  dates: readonly DateMention[];
  actors: readonly Actor[];
  /** The reference date (publication date, or today when unknown), YYYY-MM-DD. */
  reference: string;
}

/** Sentences events may come from: article text, not furniture or headings (unless that is all there is). */
export function eventSentences(sentences: readonly Sentence[]): Sentence[] {
  const body = sentences.filter((s) => !s.furniture && !s.heading);
  return body.length ? body : sentences.filter((s) => !s.furniture);
}

export function findEvents(input: EventInput): DraftEvent[] {
  const { text, actors } = input;
  const sentences = eventSentences(input.sentences);
  const mentionIndex = indexMentions(actors);

  // Dates grouped by the sentence that holds them.
  const bySentence = new Map<number, DateMention[]>();
  for (const d of input.dates.slice(0, MAX_DATES)) {
    const k = rangeIndexAt(sentences, d.start);
    if (k < 0) continue;
    const list = bySentence.get(k) ?? [];
    list.push(d);
    bySentence.set(k, list);
  }

  const drafts: DraftEvent[] = [];
  for (const [k, dates] of [...bySentence].sort((a, b) => a[0] - b[0])) {
    const sentence = sentences[k]!;
    dates.sort((a, b) => a.start - b.start);
    const clauses = clausesAround(text, sentence.bodyStart, sentence.end, dates.map((d) => d.start));
    dates.forEach((d, i) => {
      const clause = clauses[i]!;
      drafts.push({
        date: d.value,
        grain: d.grain,
        start: clause.start,
        end: clause.end,
        text: text.slice(clause.start, clause.end),
        actors: actorsOf(clause.start, clause.end, sentence, sentences, k, mentionIndex),
        sentenceIndex: sentence.index,
        mentions: 1,
      });
    });
  }

  addElaborationPeople(text, sentences, new Set(bySentence.keys()), drafts, mentionIndex);
  const merged = mergeEvents(text, drafts);
  markMain(input, sentences, merged, mentionIndex);
  return merged;
}

/** Sentences after a dated one that may still tell the same event. */
const ELABORATION_REACH = 2;
/** Openers of a sentence that details the one before (`حيث …`, `إذ …`, `وذلك …`). */
const ELABORATION_OPENER = /^(?:حيث|إذ|اذ|وذلك|وقد|فقد|وكان|وكانت)\s/u;

/**
 * News states a dated event, then details it in the next sentences without repeating the date
 * ("… talks in Oman on 10 January. The Iranian delegation was led by X, the American by Y.").
 * The people named there take part in the event. A following sentence (no date of its own,
 * at most ELABORATION_REACH away) counts as detail when it opens with an elaboration word or
 * shares at least two content stems with the event's sentences so far. Only PERSON actors are
 * added: places and organisations in such sentences are as often sources or settings.
 */
function addElaborationPeople(
  text: string,
  sentences: readonly Sentence[],
  datedSentences: ReadonlySet<number>,
  drafts: DraftEvent[],
  mentions: readonly IndexedMention[],
): void {
  const people = new Set(mentions.filter((m) => m.actor.type === 'PERSON').map((m) => m.actor.id));
  if (!people.size) return;
  // A sentence can follow several dated ones within reach: its stems are worked out once.
  const stemsBySentence = new Map<number, string[]>();
  const stemsOfSentence = (j: number): string[] => {
    let found = stemsBySentence.get(j);
    if (!found) {
      found = stems(text.slice(sentences[j]!.bodyStart, sentences[j]!.end));
      stemsBySentence.set(j, found);
    }
    return found;
  };
  for (const k of datedSentences) {
    const sentence = sentences[k]!;
    // Cheap test first: no person named in the sentences within reach, nobody to add.
    const reachEnd = sentences[Math.min(sentences.length - 1, k + ELABORATION_REACH)]!.end;
    let someone = false;
    for (let i = firstMentionFrom(mentions, sentence.end); i < mentions.length && mentions[i]!.start < reachEnd; i++) {
      if (people.has(mentions[i]!.actor.id)) someone = true;
    }
    if (!someone) continue;
    // The event told last in the sentence is the one the next sentence goes on about.
    const event = drafts.filter((d) => d.sentenceIndex === sentence.index).sort((a, b) => b.start - a.start)[0];
    if (!event) continue;
    const chain = new Set(stemsOfSentence(k));
    for (let j = k + 1; j <= k + ELABORATION_REACH && j < sentences.length; j++) {
      if (datedSentences.has(j)) break;
      const next = sentences[j]!;
      const body = text.slice(next.bodyStart, next.end);
      const nextStems = stemsOfSentence(j);
      const shared = nextStems.filter((t) => chain.has(t)).length;
      if (!ELABORATION_OPENER.test(body) && shared < 2) break;
      for (const id of actorsIn(mentions, next.bodyStart, next.end)) {
        if (people.has(id) && !event.actors.includes(id)) event.actors.push(id);
      }
      for (const t of nextStems) chain.add(t);
    }
  }
}

/** Content terms, de-suffixed (stems of three letters or more), once each. */
function stems(s: string): string[] {
  const out = new Set<string>();
  for (const t of contentTerms(s)) out.add(stemOf(t));
  return [...out];
}


/**
 * A term without its plural, feminine or nisba ending when three letters or more remain
 * (`وفدين` meets `الوفد`, `إيرانيين` meets `الإيرانية`): the longest of يين يون | يه ين ون ات ها هم |
 * ه ي that ends it, which is where /(?:يين|يون|يه|ين|ون|ات|ها|هم|ه|ي)$/ matches, read from the last
 * three code units instead of a regex tried at every position of every term.
 */
export function stemOf(t: string): string {
  const n = t.length;
  const last = t.charCodeAt(n - 1);
  const before = n >= 2 ? t.charCodeAt(n - 2) : -1;
  let cut: number;
  if (n >= 3 && last === NUN && (before === YA || before === WAW) && t.charCodeAt(n - 3) === YA) cut = n - 3;
  else if (
    (before === YA && (last === HA || last === NUN)) ||
    (before === WAW && last === NUN) ||
    (before === ALEF && last === TA) ||
    (before === HA && (last === ALEF || last === MIM))
  )
    cut = n - 2;
  else if (last === HA || last === YA) cut = n - 1;
  else return t;
  return cut >= 3 ? t.slice(0, cut) : t;
}

interface IndexedMention {
  start: number;
  end: number;
  actor: Actor;
}

function indexMentions(actors: readonly Actor[]): IndexedMention[] {
  const list: IndexedMention[] = [];
  for (const actor of actors) for (const m of actor.mentions) list.push({ start: m.start, end: m.end, actor });
  return list.sort((a, b) => a.start - b.start);
}

/** Index of the first mention starting at or after `offset` (mentions are sorted by start). */
function firstMentionFrom(mentions: readonly IndexedMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Actor ids mentioned in [start, end), in order of first mention; a stand-in brings its principal. */
function actorsIn(mentions: readonly IndexedMention[], start: number, end: number): string[] {
  const ids: string[] = [];
  for (let i = firstMentionFrom(mentions, start); i < mentions.length && mentions[i]!.start < end; i++) {
    const { actor } = mentions[i]!;
    if (mentions[i]!.end > end) continue;
    if (!ids.includes(actor.id)) ids.push(actor.id);
    if (actor.standsFor && !ids.includes(actor.standsFor)) ids.push(actor.standsFor);
  }
  return ids;
}

function actorsOf(
  start: number,
  end: number,
  sentence: Sentence,
  sentences: readonly Sentence[],
  k: number,
  mentions: readonly IndexedMention[],
): string[] {
  const own = actorsIn(mentions, start, end);
  if (own.length) return own;
  // Fallback: the sentence's subject (its first named actor)…
  const inSentence = actorsIn(mentions, sentence.bodyStart, sentence.end);
  if (inSentence.length) return inSentence.slice(0, 1);
  // …or, for a subjectless sentence, the subject of the one before it in the same paragraph.
  const previous = sentences[k - 1];
  if (previous && previous.paragraph === sentence.paragraph) {
    return actorsIn(mentions, previous.bodyStart, previous.end).slice(0, 1);
  }
  return [];
}

/**
 * Mentions of one event merge: same date value, and either the same sentence, actors in
 * common (half or more of the smaller set), or clearly similar wording. The first mention
 * keeps its clause (news states an event fully the first time, then refers back to it).
 */
function mergeEvents(text: string, drafts: DraftEvent[]): DraftEvent[] {
  const out: DraftEvent[] = [];
  const vectors = new Map<DraftEvent, SparseVector>();
  const vectorOf = (e: DraftEvent) => {
    let v = vectors.get(e);
    if (!v) {
      v = weightedUnit(termCounts(contentTerms(text.slice(e.start, e.end))), () => 1);
      vectors.set(e, v);
    }
    return v;
  };
  for (const e of drafts) {
    const same = out.find(
      (o) =>
        o.date === e.date &&
        (o.sentenceIndex === e.sentenceIndex || actorOverlap(o.actors, e.actors) >= 0.5 || dot(vectorOf(o), vectorOf(e)) >= 0.5),
    );
    if (!same) {
      out.push({ ...e, actors: [...e.actors] });
      continue;
    }
    same.mentions += e.mentions;
    for (const id of e.actors) if (!same.actors.includes(id)) same.actors.push(id);
    if (same.sentenceIndex === e.sentenceIndex) {
      // Two mentions of one date in one sentence: the clause spans both.
      same.start = Math.min(same.start, e.start);
      same.end = Math.max(same.end, e.end);
      same.text = text.slice(same.start, same.end);
    }
  }
  return out;
}

function actorOverlap(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const shared = a.filter((id) => b.includes(id)).length;
  return shared / Math.min(a.length, b.length);
}

/**
 * The main news: a dated event in the first sentences whose day is the publication date or
 * just before it (`قال … اليوم`, `أعلن أمس`); otherwise the lead sentence, when it carries no
 * date of its own, dated by the publication date.
 */
function markMain(input: EventInput, sentences: readonly Sentence[], events: DraftEvent[], mentions: readonly IndexedMention[]): void {
  const lead = sentences.find((s) => s.words >= 4) ?? sentences[0];
  if (!lead) return;
  const leadPosition = sentences.indexOf(lead);
  const early = new Set(sentences.slice(leadPosition, leadPosition + 3).map((s) => s.index));
  const recent = events.find((e) => early.has(e.sentenceIndex) && e.grain === 'day' && isRecent(e.date, input.reference));
  if (recent) {
    recent.main = true;
    return;
  }
  if (events.some((e) => e.sentenceIndex === lead.index) || !input.reference) return;
  events.unshift({
    date: input.reference,
    grain: 'day',
    start: lead.bodyStart,
    end: lead.end,
    text: input.text.slice(lead.bodyStart, lead.end),
    actors: actorsOf(lead.bodyStart, lead.end, lead, sentences, leadPosition, mentions),
    main: true,
    sentenceIndex: lead.index,
    mentions: 1,
  });
}

function isRecent(value: string, reference: string): boolean {
  const day = Date.parse(value + 'T00:00:00Z');
  const ref = Date.parse(reference + 'T00:00:00Z');
  if (Number.isNaN(day) || Number.isNaN(ref)) return false;
  const diff = (ref - day) / 86_400_000;
  return diff >= 0 && diff <= RECENT_DAYS;
}

const SPECIFICITY: Record<DateGrain, number> = {
  day: 1,
  week: 0.8,
  'part-of-month': 0.75,
  month: 0.6,
  range: 0.5,
  season: 0.4,
  year: 0.3,
  decade: 0.2,
};

/**
 * Importance, highest first: the main news, then how central the event's actors are, how
 * early it is told, how precise its date is, and how often it is mentioned.
 */
export function rankEvents(events: readonly DraftEvent[], keyActors: readonly KeyActor[], sentenceCount: number): StoryEvent[] {
  const weight = new Map(keyActors.map((k) => [k.id, k.score]));
  const centrality = events.map((e) => e.actors.reduce((a, id) => a + (weight.get(id) ?? 0), 0));
  const maxCentrality = Math.max(1e-9, ...centrality);
  const scored = events.map((e, i) => {
    const position = 1 - e.sentenceIndex / Math.max(1, sentenceCount);
    const score =
      (e.main ? 2 : 0) +
      centrality[i]! / maxCentrality +
      0.5 * position +
      0.5 * SPECIFICITY[e.grain] +
      0.3 * Math.log2(e.mentions);
    return { e, score };
  });
  scored.sort((a, b) => b.score - a.score || a.e.start - b.e.start);
  return scored.map(({ e, score }) => {
    const event: StoryEvent = { date: e.date, grain: e.grain, text: e.text, start: e.start, end: e.end, actors: e.actors, score: round(score) };
    if (e.main) event.main = true;
    return event;
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

