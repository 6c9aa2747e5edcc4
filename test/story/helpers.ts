/** Builders for hand-made actors and dates, located by their text so tests need no offsets. */
import type { Actor, ActorType, DateGrain, DateMention } from '../../src/nlp/types';

/** Every occurrence of `needle` in `text` as a span. */
export function spansOf(text: string, needle: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    out.push({ start: i, end: i + needle.length, text: needle });
  }
  return out;
}

export function actor(text: string, id: string, name: string, type: ActorType, forms: string[] = [name]): Actor {
  const mentions = forms.flatMap((f) => spansOf(text, f)).sort((a, b) => a.start - b.start);
  if (!mentions.length) throw new Error(`test actor ${name} not found in text`);
  return { id, name, type, aliases: forms.filter((f) => f !== name), mentions };
}

/** The `occurrence`-th appearance of `phrase` as a date with the given value. */
export function date(text: string, phrase: string, value: string, grain: DateGrain = 'day', occurrence = 0): DateMention {
  const span = spansOf(text, phrase)[occurrence];
  if (!span) throw new Error(`test date ${phrase} not found in text`);
  return { ...span, value, grain };
}
