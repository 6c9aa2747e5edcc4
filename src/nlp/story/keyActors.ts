/**
 * Key actors: who the story is about. An actor matters when it is mentioned often, early, in the
 * title or the lead, and takes part in the dated events. Each signal is scaled to [0, 1] and the
 * score is their weighted sum, so a ranking can be explained term by term.
 */
import type { Actor, KeyActor, StoryEvent } from '../types';
import type { Sentence } from './sentences';
import { normalizeArabic } from '../text/normalize';
import { rangeIndexAt } from '../text/spans';

export interface KeyActorInput {
  text: string;
  title?: string;
  sentences: readonly Sentence[];
  actors: readonly Actor[];
  events: readonly Pick<StoryEvent, 'actors' | 'main'>[];
}

const WEIGHTS = { frequency: 0.35, first: 0.2, title: 0.15, lead: 0.15, events: 0.15 };

export function rankKeyActors(input: KeyActorInput): KeyActor[] {
  const body = input.sentences.filter((s) => !s.furniture);
  if (!input.actors.length || !body.length) return [];
  const lead = body.filter((s) => !s.heading).slice(0, 2);
  const title = input.title ? normalizeArabic(input.title) : '';

  // Mentions per actor that fall in the article text (not in furniture).
  const counted = input.actors.map((actor) => {
    const positions = actor.mentions.map((m) => rangeIndexAt(body, m.start)).filter((k) => k >= 0);
    return { actor, positions };
  });
  const maxCount = counted.reduce((m, c) => Math.max(m, c.positions.length), 1);
  const eventTotal = input.events.reduce((a, e) => a + (e.main ? 2 : 1), 0);

  const ranked: KeyActor[] = [];
  for (const { actor, positions } of counted) {
    if (!positions.length) continue;
    const frequency = Math.log1p(positions.length) / Math.log1p(maxCount);
    // No spread over mentions: a huge text can have more than a call's worth of arguments.
    const first = 1 / (1 + positions.reduce((m, k) => Math.min(m, k), Infinity) / 3);
    const names = [actor.name, ...actor.aliases].map(normalizeArabic).filter((n) => n.length > 1);
    const inTitle = title && names.some((n) => title.includes(n)) ? 1 : 0;
    const inLead = actor.mentions.some((m) => lead.some((s) => m.start >= s.start && m.end <= s.end)) ? 1 : 0;
    const eventShare = eventTotal
      ? input.events.reduce((a, e) => a + (e.actors.includes(actor.id) ? (e.main ? 2 : 1) : 0), 0) / eventTotal
      : 0;
    const score =
      WEIGHTS.frequency * frequency +
      WEIGHTS.first * first +
      WEIGHTS.title * inTitle +
      WEIGHTS.lead * inLead +
      WEIGHTS.events * eventShare;
    ranked.push({ id: actor.id, score: Math.round(score * 1000) / 1000 });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

