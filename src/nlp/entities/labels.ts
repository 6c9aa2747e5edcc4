/**
 * The tagger's label set: IOB2 over ANERcorp's four types. GROUP is not a tagger label; it is
 * derived from ORG mentions afterwards (see groups.ts), because no training corpus marks it.
 */
export const ENTITY_TYPES = ['PERS', 'ORG', 'LOC', 'MISC'] as const;
export type EntityLabelType = (typeof ENTITY_TYPES)[number];

export const LABELS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const LABEL_COUNT = LABELS.length;
export const OUTSIDE = 0;

export function labelIndex(label: string): number {
  const i = LABELS.indexOf(label);
  if (i < 0) throw new Error(`unknown label ${label}`);
  return i;
}

/** Type of a label index, or undefined for O. */
export function labelType(index: number): EntityLabelType | undefined {
  return index === OUTSIDE ? undefined : ENTITY_TYPES[(index - 1) >> 1];
}

export function isInside(index: number): boolean {
  return index !== OUTSIDE && (index - 1) % 2 === 1;
}

/**
 * IOB2 validity: I-X may only follow B-X or I-X, and may not start a sentence. Viterbi takes
 * these as hard constraints so the output is always well-formed.
 */
export function allowedTransition(from: number, to: number): boolean {
  if (!isInside(to)) return true;
  return from !== OUTSIDE && labelType(from) === labelType(to);
}

export function allowedStart(to: number): boolean {
  return !isInside(to);
}

/** Entity spans [start, end) with their type, read from IOB2 labels (conlleval rules: a stray I- starts a span). */
export interface LabelSpan {
  start: number;
  end: number;
  type: string;
}

export function spansFromLabels(labels: readonly string[]): LabelSpan[] {
  const spans: LabelSpan[] = [];
  let open: LabelSpan | undefined;
  labels.forEach((label, i) => {
    const dash = label.indexOf('-');
    const prefix = dash > 0 ? label.slice(0, dash) : label;
    const type = dash > 0 ? label.slice(dash + 1) : '';
    const continues = prefix === 'I' && open !== undefined && open.type === type && open.end === i;
    if (continues && open) {
      open.end = i + 1;
      return;
    }
    if (prefix === 'B' || prefix === 'I') {
      open = { start: i, end: i + 1, type };
      spans.push(open);
    } else {
      open = undefined;
    }
  });
  return spans;
}

/**
 * `spansFromLabels(Array.from(labels, (l) => LABELS[l]))` straight from label indices: the
 * same spans (types are ENTITY_TYPES' strings), without a label string per token and the
 * prefix and type cut out of each entity label.
 */
export function spansFromLabelIndices(labels: ArrayLike<number>): LabelSpan[] {
  const spans: LabelSpan[] = [];
  let open: LabelSpan | undefined;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label === OUTSIDE) {
      open = undefined;
      continue;
    }
    const type = ENTITY_TYPES[(label - 1) >> 1]!;
    if (isInside(label) && open !== undefined && open.type === type && open.end === i) {
      open.end = i + 1;
      continue;
    }
    open = { start: i, end: i + 1, type };
    spans.push(open);
  }
  return spans;
}
