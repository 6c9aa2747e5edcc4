/**
 * Clause boundaries inside a sentence. A sentence like "X met Y on 10 January, and on 11 January
 * Z struck W" reports two dated events; each gets the clause around its own date. Boundaries are
 * commas/semicolons/colons outside quotes and a few connectives that open a new clause.
 */

/** Connectives that start a new clause (with their attached `و` variants), as they are written. */
const CONNECTIVES = /(?<=\s)(?:و?كما|بينما|فيما|و?ثم|في حين|و?لكن|غير أن|إلا أن|وبعد ذلك|وقبل ذلك|كذلك)(?=\s)/gu;

/** Offsets (within the text) where a new clause starts inside [start, end). */
export function clauseBoundaries(text: string, start: number, end: number): number[] {
  const cuts = new Set<number>();
  let depth = 0;
  let straight = false;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '«' || ch === '“') depth++;
    else if ((ch === '»' || ch === '”') && depth > 0) depth--;
    else if (ch === '"') straight = !straight;
    else if (depth === 0 && !straight && (ch === '،' || ch === ',' || ch === '؛' || ch === ';' || ch === ':')) {
      // The clause starts after the mark and its spaces.
      let j = i + 1;
      while (j < end && /\s/.test(text[j]!)) j++;
      if (j < end) cuts.add(j);
    }
  }
  const body = text.slice(start, end);
  for (const m of body.matchAll(CONNECTIVES)) cuts.add(start + (m.index ?? 0));
  return [...cuts].filter((c) => c > start && c < end).sort((a, b) => a - b);
}

/**
 * Partitions [start, end) into one span per anchor (anchors are sorted offsets, e.g. dates):
 * the text is cut at clause boundaries; the stretch that holds an anchor starts at the last
 * boundary before it; stretches holding no anchor go with the anchor before them (Arabic puts
 * the verb first, so what follows a date usually still belongs to its clause), and the stretch
 * before the first anchor goes with the first. Anchors with no boundary between them share a span.
 */
export function clausesAround(text: string, start: number, end: number, anchors: readonly number[]): { start: number; end: number }[] {
  if (anchors.length <= 1) return anchors.map(() => ({ start, end }));
  const cuts = clauseBoundaries(text, start, end);
  // For each anchor, the start of its clause: the last cut at or before it (or the sentence start).
  const clauseStart = anchors.map((a) => {
    let s = start;
    for (const c of cuts) if (c <= a) s = c;
    return s;
  });
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < anchors.length; i++) {
    const own = clauseStart[i]!;
    const s = own === clauseStart[0] ? start : own;
    // The next anchor that starts its own clause ends this one.
    let e = end;
    for (let j = i + 1; j < anchors.length; j++) {
      if (clauseStart[j]! > own) {
        e = clauseStart[j]!;
        break;
      }
    }
    spans.push(trim(text, s, e));
  }
  return spans;
}

/** Drops surrounding spaces and the comma or connective punctuation a clause ends on. */
export function trim(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s،,؛;:]/.test(text[start]!)) start++;
  while (end > start && /[\s،,؛;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}
