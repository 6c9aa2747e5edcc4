/**
 * Entity-level exact-match scoring with conlleval's rules: a span counts only when type, start
 * and end all agree; an I- tag without a matching open span starts a new span.
 */
import { spansFromLabels } from '../../src/nlp/entities/labels';

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  byType: Map<string, TypeScore>;
}

export function newScores(): Scores {
  return { byType: new Map() };
}

export function addSentence(scores: Scores, gold: readonly string[], predicted: readonly string[]): void {
  const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
  const goldSpans = spansFromLabels(gold);
  const predSpans = spansFromLabels(predicted);
  const goldKeys = new Set(goldSpans.map(key));
  const predKeys = new Set(predSpans.map(key));
  const entry = (type: string): TypeScore => {
    let e = scores.byType.get(type);
    if (!e) {
      e = { tp: 0, fp: 0, fn: 0 };
      scores.byType.set(type, e);
    }
    return e;
  };
  for (const s of predSpans) {
    if (goldKeys.has(key(s))) entry(s.type).tp++;
    else entry(s.type).fp++;
  }
  for (const s of goldSpans) if (!predKeys.has(key(s))) entry(s.type).fn++;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function prf(s: TypeScore): PRF {
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: 100 * precision, recall: 100 * recall, f1: 100 * f1, support: s.tp + s.fn };
}

/** Micro-averaged P/R/F over the given types. */
export function micro(scores: Scores, types: readonly string[]): PRF {
  const total: TypeScore = { tp: 0, fp: 0, fn: 0 };
  for (const t of types) {
    const s = scores.byType.get(t);
    if (!s) continue;
    total.tp += s.tp;
    total.fp += s.fp;
    total.fn += s.fn;
  }
  return prf(total);
}
